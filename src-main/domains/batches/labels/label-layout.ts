import type { TextLineSpec } from './label-content';
import type { LabelTemplate } from './label-templates';
import { MM_PER_PT, type MeasureText } from './label-text';
import { blockHeightMm, fitTextBlock, linePitchMm, type FittedLine } from './label-text-fit';
import { QR_QUIET_ZONE_MODULES, qrMatrix, type QrMatrix } from '../../../lib/qr';

/** Baseline below the top of a line box, as a multiple of the font size (Helvetica ascent 0.718 + half leading). */
const BASELINE_DROP = 0.83;
/** On side layouts the QR (with quiet zone) takes at most this share of the label width, unless it needs more. */
const SIDE_QR_MAX_WIDTH_SHARE = 0.45;
/** Module size worth giving text room for: whole-sheet scans at 200 dpi and phone cameras read it reliably. */
export const PREFERRED_MODULE_MM = 0.5;
/** Smallest symbol (quiet zone excluded) worth printing when the label has room for it. */
export const MIN_QR_SYMBOL_MM = 12;
// Clear space between the quiet zone and the text (the QR may sit up to one dot right of its box).
const TEXT_GAP_MM = 1;
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
 * whole printer dots (2–4 dots at 203 dpi; 1/100″ steps on sheets, whole pixels at 100/200/300/600 dpi)
 * and keeping the symbol at least {@link MIN_QR_SYMBOL_MM} wide where the label allows. The module falls
 * back to whole 300 dpi dots only when no grid step of at least {@link PREFERRED_MODULE_MM} fits. The
 * symbol stays inside the padding; its blank quiet zone may run into the padding but never past the
 * label's edge, so a neighbour's ink never enters it. Side layouts put the QR at the left, vertically centred; stack layouts (58 mm roll) centre it at the top.
 */
export function placeQr(template: LabelTemplate, modules: number): QrPlacement {
  const { dotMm, fineDotMm, minModuleMm, maxModuleMm, paddingMm } = template.print;
  const withQuiet = modules + 2 * QR_QUIET_ZONE_MODULES;
  const innerWidth = template.labelWidthMm - 2 * paddingMm;
  const innerHeight = template.labelHeightMm - 2 * paddingMm;
  // Small symbols may exceed the module cap, and take more of the width, to stay MIN_QR_SYMBOL_MM wide.
  const moduleForMinSymbol = Math.max(minModuleMm, snapUp(MIN_QR_SYMBOL_MM / modules, dotMm));
  const preferred = Math.min(maxModuleMm, snapUp(PREFERRED_MODULE_MM, dotMm));
  const sideWidth = Math.max(innerWidth * SIDE_QR_MAX_WIDTH_SHARE, withQuiet * moduleForMinSymbol);
  const byWidth = template.layout === 'stack' ? innerWidth / withQuiet : sideWidth / withQuiet;
  const byHeight = template.layout === 'stack' ? Infinity : Math.min(innerHeight / modules, template.labelHeightMm / withQuiet);
  const limit = Math.min(byWidth, byHeight, Math.max(maxModuleMm, moduleForMinSymbol));
  const onGrid = snapDown(limit, dotMm);
  // When no whole grid step fits (a long payload on a 1″ label), fall back to whole printer dots.
  const moduleMm = Math.max(dotMm, onGrid, fineDotMm && onGrid < preferred ? snapDown(limit, fineDotMm) : 0);
  const boxMm = withQuiet * moduleMm;
  const quiet = QR_QUIET_ZONE_MODULES * moduleMm;
  const sideX = Math.max(0, snapUp(paddingMm - quiet, dotMm));
  const boxXMm = template.layout === 'stack' ? paddingMm + snapNearest((innerWidth - boxMm) / 2, dotMm) : sideX;
  const boxYMm = template.layout === 'stack' ? paddingMm : snapNearest((template.labelHeightMm - boxMm) / 2, dotMm);
  return { xMm: boxXMm + quiet, yMm: boxYMm + quiet, moduleMm, modules, boxMm, boxXMm, boxYMm };
}

/** Blank modules wanted between the symbols of labels above each other: both quiet zones and as much again. */
const MIN_SYMBOL_GAP_MODULES = 4 * QR_QUIET_ZONE_MODULES;

/** Blank modules between this symbol and the same-size symbol of the label below (sheets whose rows touch). */
const symbolGapModules = (template: LabelTemplate, qr: QrPlacement): number => (template.pitchYMm - qr.modules * qr.moduleMm) / qr.moduleMm;

/**
 * The payload's symbol for a label of the template: error correction M, or L when M's module would be
 * smaller than {@link PREFERRED_MODULE_MM} there and L's is larger (a long URL on a 1″ label), or when M's
 * symbols would sit closer than {@link MIN_SYMBOL_GAP_MODULES} to the next row's and L's keep further
 * apart (Avery 5160: whole-sheet scans at 300 dpi lose codes whose quiet zones meet).
 */
export function qrForLabel(template: LabelTemplate, payload: string): QrMatrix {
  const medium = qrMatrix(payload, 'M');
  const m = placeQr(template, medium.size);
  const crowded = template.kind === 'sheet' && symbolGapModules(template, m) < MIN_SYMBOL_GAP_MODULES;
  if (m.moduleMm >= PREFERRED_MODULE_MM && !crowded) return medium;
  const low = qrMatrix(payload, 'L');
  if (low.size >= medium.size) return medium;
  const l = placeQr(template, low.size);
  const better = l.moduleMm > m.moduleMm || (l.moduleMm === m.moduleMm && symbolGapModules(template, l) > symbolGapModules(template, m));
  return better ? low : medium;
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
