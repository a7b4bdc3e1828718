import { LabelTemplateId } from '../../../../src-shared/domains/batches/batches.schemas';
import { AppError } from '../../../../src-shared/ipc/result';

/**
 * Label stock Hearth can print on, in millimetres with a top-left origin.
 *
 * Sheet numbers are Avery's published template specifications (top margin, side margin, pitches),
 * cross-checked against gLabels' template database (jimevins/glabels-qt templates/avery-iso-templates.xml
 * and avery-us-templates.xml). Where gLabels differs, Avery's sheet spec wins, because it is symmetric on
 * the page and matches the Word/Avery Design & Print templates people calibrate against:
 * - L7160: gLabels x0 = 21.2 pt (7.48 mm), y0 = 43.9 pt (15.49 mm), dx = 187.2 pt (66.04 mm): within 0.35 mm.
 * - L7163: gLabels x0 = 9.5 pt (3.35 mm), dx = 292 pt (103.0 mm); Avery 4.65 mm / 101.6 mm is centred
 *   on A4 ((210 − 99.1 − 101.6) / 2 = 4.65), gLabels' is not (right margin 4.55 mm).
 * - 5160: gLabels x0 = 0.15625″, dx = 2.78125″ (older gLabels: 0.1875″ / 2.75″, as Avery publishes).
 * The per-printer calibration offset absorbs printer skew, not template error.
 */

/** Every label stock id, declared once in the shared contract (it validates ids that cross IPC). */
export { LabelTemplateId } from '../../../../src-shared/domains/batches/batches.schemas';

/** How the stock is fed: whole sheets of labels, one die-cut label per page, or a continuous roll cut per label. */
export type LabelStockKind = 'sheet' | 'die-cut' | 'roll';

/** Sizes in mm and typographic points that the layout uses for one stock. */
export interface LabelPrintSpec {
  /** Grid the QR module and position snap to: 1/100″ for office printers (whole dots at 100–1200 dpi), 1/8 mm at 203 dpi. */
  readonly dotMm: number;
  /** Finer step (whole dots at 300 dpi) used only when no whole `dotMm` module fits the label. */
  readonly fineDotMm?: number;
  /** Smallest QR module worth printing on this stock. */
  readonly minModuleMm: number;
  /** Largest QR module: beyond this the QR only steals room from the text. */
  readonly maxModuleMm: number;
  /** Keep-out band inside each label edge (printer misregistration, rounded corners, cutter tolerance). */
  readonly paddingMm: number;
  /** Smallest and largest body text size. */
  readonly minFontPt: number;
  readonly maxFontPt: number;
}

/** Geometry of one label stock. For a roll, `pageHeightMm`/`labelHeightMm` are the minimum length. */
export interface LabelTemplate {
  readonly id: LabelTemplateId;
  /** Human name for pickers and the PDF title. */
  readonly name: string;
  readonly kind: LabelStockKind;
  readonly pageWidthMm: number;
  readonly pageHeightMm: number;
  readonly columns: number;
  readonly rows: number;
  readonly labelWidthMm: number;
  readonly labelHeightMm: number;
  readonly marginLeftMm: number;
  readonly marginTopMm: number;
  readonly pitchXMm: number;
  readonly pitchYMm: number;
  /** `side`: QR left, text right (sheets, die-cut). `stack`: QR on top, text below (narrow roll). */
  readonly layout: 'side' | 'stack';
  readonly print: LabelPrintSpec;
}

/** One label position on a page, top-left origin, mm; `page` is 0-based. */
export interface LabelCell {
  readonly page: number;
  readonly xMm: number;
  readonly yMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
}

const MM_PER_INCH = 25.4;
// Office sheets: QR modules and QR positions on a 1/100″ grid, so every module is a whole number of
// pixels at 100/200/300/600/1200 dpi. Every code on the sheet then prints and scans identically (no grey,
// uneven module edges), which whole-sheet decoders need: zbar, for one, ranks finder-pattern candidates by
// size and gives up after a fixed number of failed combinations, so codes of slightly uneven size can cost
// the last codes on a sheet of 21.
const OFFICE_PRINT: LabelPrintSpec = {
  dotMm: MM_PER_INCH / 100,
  fineDotMm: MM_PER_INCH / 300,
  minModuleMm: MM_PER_INCH / 100,
  maxModuleMm: 0.6,
  paddingMm: 1.5,
  minFontPt: 5,
  maxFontPt: 9,
};
// 203 dpi thermal heads are 8 dots/mm: modules of 2–4 whole dots (0.25–0.5 mm).
const THERMAL_PRINT: LabelPrintSpec = { dotMm: 0.125, minModuleMm: 0.25, maxModuleMm: 0.5, paddingMm: 1, minFontPt: 6, maxFontPt: 9 };

const sheet = (
  id: LabelTemplateId,
  name: string,
  page: { w: number; h: number },
  grid: { cols: number; rows: number; w: number; h: number; top: number; left: number; dx: number; dy: number },
): LabelTemplate => ({
  id,
  name,
  kind: 'sheet',
  pageWidthMm: page.w,
  pageHeightMm: page.h,
  columns: grid.cols,
  rows: grid.rows,
  labelWidthMm: grid.w,
  labelHeightMm: grid.h,
  marginLeftMm: grid.left,
  marginTopMm: grid.top,
  pitchXMm: grid.dx,
  pitchYMm: grid.dy,
  layout: 'side',
  print: OFFICE_PRINT,
});

const singleLabel = (id: LabelTemplateId, name: string, kind: LabelStockKind, w: number, h: number): LabelTemplate => ({
  id,
  name,
  kind,
  pageWidthMm: w,
  pageHeightMm: h,
  columns: 1,
  rows: 1,
  labelWidthMm: w,
  labelHeightMm: h,
  marginLeftMm: 0,
  marginTopMm: 0,
  pitchXMm: w,
  pitchYMm: h,
  layout: 'side',
  print: THERMAL_PRINT,
});

const A4 = { w: 210, h: 297 };
const LETTER = { w: 8.5 * MM_PER_INCH, h: 11 * MM_PER_INCH };
const ROLL_WIDTH_MM = 58;
// 58 mm receipt printers print 48 mm (384 dots at 203 dpi), centred on the paper.
const ROLL_PRINTABLE_MM = 48;
const ROLL_MIN_LENGTH_MM = 30;

/** All supported stocks by id. */
export const LABEL_TEMPLATES: Readonly<Record<LabelTemplateId, LabelTemplate>> = Object.freeze({
  'avery-l7160': sheet('avery-l7160', 'Avery L7160 (A4, 21 labels 63.5 × 38.1 mm)', A4, {
    cols: 3,
    rows: 7,
    w: 63.5,
    h: 38.1,
    top: 15.15,
    left: 7.25,
    dx: 66.04,
    dy: 38.1,
  }),
  'avery-l7163': sheet('avery-l7163', 'Avery L7163 (A4, 14 labels 99.1 × 38.1 mm)', A4, {
    cols: 2,
    rows: 7,
    w: 99.1,
    h: 38.1,
    top: 15.15,
    left: 4.65,
    dx: 101.6,
    dy: 38.1,
  }),
  // 2⅝″ × 1″, top 0.5″, side 0.1875″, pitch 2.75″ × 1″.
  'avery-5160': sheet('avery-5160', 'Avery 5160 (US Letter, 30 labels 2⅝ × 1 in)', LETTER, {
    cols: 3,
    rows: 10,
    w: 2.625 * MM_PER_INCH,
    h: MM_PER_INCH,
    top: 0.5 * MM_PER_INCH,
    left: 0.1875 * MM_PER_INCH,
    dx: 2.75 * MM_PER_INCH,
    dy: MM_PER_INCH,
  }),
  'thermal-50x30': singleLabel('thermal-50x30', 'Thermal die-cut 50 × 30 mm', 'die-cut', 50, 30),
  'thermal-40x30': singleLabel('thermal-40x30', 'Thermal die-cut 40 × 30 mm', 'die-cut', 40, 30),
  'roll-58mm': {
    ...singleLabel('roll-58mm', '58 mm receipt roll', 'roll', ROLL_WIDTH_MM, ROLL_MIN_LENGTH_MM),
    labelWidthMm: ROLL_PRINTABLE_MM,
    marginLeftMm: (ROLL_WIDTH_MM - ROLL_PRINTABLE_MM) / 2,
    pitchXMm: ROLL_WIDTH_MM,
    layout: 'stack',
    print: { ...THERMAL_PRINT, paddingMm: 1.5, maxFontPt: 10 },
  },
});

/** Number of label positions on one page of the stock. */
export const cellsPerPage = (template: LabelTemplate): number => template.columns * template.rows;

/**
 * A roll template cut to `lengthMm` (never shorter than the roll's minimum length); other stocks are
 * returned unchanged. The renderer measures the content first, then lays the job out on this.
 */
export function withRollLength(template: LabelTemplate, lengthMm: number): LabelTemplate {
  if (template.kind !== 'roll') return template;
  const length = Math.max(ROLL_MIN_LENGTH_MM, Math.ceil(lengthMm * 8) / 8);
  return { ...template, pageHeightMm: length, labelHeightMm: length, pitchYMm: length };
}

/**
 * Where `count` labels go, in print order (left to right, then down, then the next page), starting at
 * the 1-based position `startAt` on the first page so a partly used sheet can be finished first.
 * Throws AppError('INVALID_INPUT') if `startAt` is not a position on the page or `count` is negative.
 */
export function labelCells(template: LabelTemplate, count: number, startAt = 1): LabelCell[] {
  const perPage = cellsPerPage(template);
  if (!Number.isInteger(startAt) || startAt < 1 || startAt > perPage) {
    throw new AppError('INVALID_INPUT', `Start position must be between 1 and ${perPage} for ${template.name}.`);
  }
  if (!Number.isInteger(count) || count < 0) throw new AppError('INVALID_INPUT', 'Label count must be a whole number.');
  const cells: LabelCell[] = [];
  for (let i = 0; i < count; i += 1) {
    const slot = startAt - 1 + i;
    const onPage = slot % perPage;
    const column = onPage % template.columns;
    const row = Math.floor(onPage / template.columns);
    cells.push({
      page: Math.floor(slot / perPage),
      xMm: template.marginLeftMm + column * template.pitchXMm,
      yMm: template.marginTopMm + row * template.pitchYMm,
      widthMm: template.labelWidthMm,
      heightMm: template.labelHeightMm,
    });
  }
  return cells;
}
