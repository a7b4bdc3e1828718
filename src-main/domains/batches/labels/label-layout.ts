import type { TextLineSpec } from './label-content';
import type { LabelTemplate } from './label-templates';
import { MM_PER_PT, type MeasureText } from './label-text';
import { blockHeightMm, fitTextBlock, linePitchMm, type FittedLine } from './label-text-fit';
import { QR_QUIET_ZONE_MODULES } from './qr-matrix';

/** Baseline below the top of a line box, as a multiple of the font size (Helvetica ascent 0.718 + half leading). */
const BASELINE_DROP = 0.83;
/** On side layouts the QR (with quiet zone) takes at most this share of the label width, unless it needs more. */
const SIDE_QR_MAX_WIDTH_SHARE = 0.45;
/** Smallest symbol (quiet zone excluded) worth printing when the label has room for it. */
export const MIN_QR_SYMBOL_MM = 12;
const TEXT_GAP_MM = 0.5;
const STACK_TEXT_GAP_MM = 1;

/** Where the QR goes in a label, in mm from the label's top-left corner. */
export interface QrPlacement {
  /** Top-left corner of the first module; the quiet zone lies outside. */
  readonly xMm: number;
  readonly yMm: number;
  readonly moduleMm: number;
  /** Modules per side of the symbol, quiet zone excluded. */
  readonly modules: number;
  /** Side of the square the symbol plus its quiet zone needs; nothing else is drawn inside it. */
  readonly boxMm: number;
  readonly boxXMm: number;
  readonly boxYMm: number;
}

/** A fitted line of text, placed in mm from the label's top-left corner. */
export interface PlacedLine extends FittedLine {
  readonly xMm: number;
  readonly baselineMm: number;
}

/** The whole label: QR, text, and the height used (the cut length on a roll). */
export interface LabelLayout {
  readonly qr: QrPlacement;
  readonly lines: readonly PlacedLine[];
  readonly heightMm: number;
}

const snapDown = (value: number, grid: number): number => Math.floor(value / grid + 1e-9) * grid;
const snapUp = (value: number, grid: number): number => Math.ceil(value / grid - 1e-9) * grid;
const snapNearest = (value: number, grid: number): number => Math.round(value / grid) * grid;

/**
 * Sizes and places a QR of `modules` modules per side in a label of the template, snapping the module to
 * whole printer dots (2–4 dots at 203 dpi; whole dots at 300/600/1200 dpi on sheets) and keeping the symbol
 * at least {@link MIN_QR_SYMBOL_MM} wide where the label allows. Side layouts put the QR at the left,
 * vertically centred; stack layouts (58 mm roll) centre it at the top.
 */
export function placeQr(template: LabelTemplate, modules: number): QrPlacement {
  const { dotMm, minModuleMm, maxModuleMm, paddingMm } = template.print;
  const withQuiet = modules + 2 * QR_QUIET_ZONE_MODULES;
  const innerWidth = template.labelWidthMm - 2 * paddingMm;
  const innerHeight = template.labelHeightMm - 2 * paddingMm;
  // Small symbols may exceed the module cap, and take more of the width, to stay MIN_QR_SYMBOL_MM wide.
  const moduleForMinSymbol = Math.max(minModuleMm, snapUp(MIN_QR_SYMBOL_MM / modules, dotMm));
  const maxBox =
    template.layout === 'stack'
      ? innerWidth
      : Math.min(innerHeight, Math.max(innerWidth * SIDE_QR_MAX_WIDTH_SHARE, withQuiet * moduleForMinSymbol));
  const moduleCap = Math.max(maxModuleMm, moduleForMinSymbol);
  const moduleMm = Math.max(dotMm, snapDown(Math.min(maxBox / withQuiet, moduleCap), dotMm));
  const boxMm = withQuiet * moduleMm;
  const boxXMm = template.layout === 'stack' ? paddingMm + snapNearest((innerWidth - boxMm) / 2, dotMm) : paddingMm;
  const boxYMm = template.layout === 'stack' ? paddingMm : paddingMm + snapNearest((innerHeight - boxMm) / 2, dotMm);
  const quiet = QR_QUIET_ZONE_MODULES * moduleMm;
  return { xMm: boxXMm + quiet, yMm: boxYMm + quiet, moduleMm, modules, boxMm, boxXMm, boxYMm };
}

function placeLines(fitted: readonly FittedLine[], xMm: number, topMm: number): PlacedLine[] {
  let top = topMm;
  return fitted.map((line) => {
    const placed = { ...line, xMm, baselineMm: top + line.sizePt * BASELINE_DROP * MM_PER_PT };
    top += linePitchMm(line.sizePt);
    return placed;
  });
}

/**
 * Lays out one label of the template: the QR plus the fitted, placed text. Side layouts centre the
 * text block vertically right of the QR; on a roll the text runs below the QR and `heightMm` is the
 * length to cut; elsewhere `heightMm` is the label height.
 */
export function layoutLabel(template: LabelTemplate, modules: number, lines: readonly TextLineSpec[], measure: MeasureText): LabelLayout {
  const qr = placeQr(template, modules);
  const { paddingMm, minFontPt: minPt, maxFontPt: maxPt } = template.print;
  if (template.layout === 'stack') {
    const widthMm = template.labelWidthMm - 2 * paddingMm;
    const fitted = fitTextBlock(lines, { widthMm, heightMm: Infinity, minPt, maxPt, measure });
    const top = qr.boxYMm + qr.boxMm + STACK_TEXT_GAP_MM;
    return { qr, lines: placeLines(fitted, paddingMm, top), heightMm: top + blockHeightMm(fitted) + paddingMm };
  }
  const xMm = qr.boxXMm + qr.boxMm + TEXT_GAP_MM;
  const widthMm = template.labelWidthMm - paddingMm - xMm;
  const heightMm = template.labelHeightMm - 2 * paddingMm;
  const fitted = fitTextBlock(lines, { widthMm, heightMm, minPt, maxPt, measure });
  const top = paddingMm + Math.max(0, (heightMm - blockHeightMm(fitted)) / 2);
  return { qr, lines: placeLines(fitted, xMm, top), heightMm: template.labelHeightMm };
}
