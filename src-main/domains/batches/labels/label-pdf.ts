import {
  PDFDocument,
  StandardFonts,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingGrayscaleColor,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import { z } from 'zod';
import { AppError, type AppErrorIssue } from '../../../../src-shared/ipc/result';
import { LabelContent, labelTextLines } from './label-content';
import { layoutLabel, type LabelLayout } from './label-layout';
import {
  cellsPerPage,
  LABEL_TEMPLATES,
  labelCells,
  LabelTemplateId,
  withRollLength,
  type LabelCell,
  type LabelTemplate,
} from './label-templates';
import { MM_PER_PT, type MeasureText } from './label-text';
import { qrMatrix, type QrMatrix } from './qr-matrix';

/** What one label says (schema and type), re-exported for callers of {@link renderLabelsPdf}. */
export { LabelContent } from './label-content';

/** Most copies of one label in a job. */
export const MAX_COPIES = 1000;
/** Most labels (labels × copies) in one PDF; more answers TOO_LARGE. */
export const MAX_LABELS_PER_JOB = 5000;
/** Largest printer calibration shift accepted, per axis. */
export const MAX_OFFSET_MM = 10;

/** Options for one print job; `offsetMm` shifts everything (x right, y down) to calibrate a printer. */
export const RenderLabelsOptions = z.object({
  template: LabelTemplateId,
  copies: z.int().min(1).max(MAX_COPIES).optional(),
  startAt: z.int().min(1).optional(),
  offsetMm: z
    .object({ x: z.number().min(-MAX_OFFSET_MM).max(MAX_OFFSET_MM), y: z.number().min(-MAX_OFFSET_MM).max(MAX_OFFSET_MM) })
    .optional(),
});
/** Options for one print job. */
export type RenderLabelsOptions = z.infer<typeof RenderLabelsOptions>;

const ptFromMm = (mm: number): number => Math.round((mm / MM_PER_PT) * 1000) / 1000;

function invalid(error: z.ZodError, prefix: string): AppError {
  const issues: AppErrorIssue[] = error.issues
    .slice(0, 20)
    .map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message }));
  return new AppError('INVALID_INPUT', `Invalid label job: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
}

/** Validates the job; counts are checked before any label is parsed so a huge job fails fast. */
function parseJob(labels: unknown, opts: unknown): { labels: LabelContent[]; opts: RenderLabelsOptions } {
  const parsedOpts = RenderLabelsOptions.safeParse(opts);
  if (!parsedOpts.success) throw invalid(parsedOpts.error, 'opts');
  if (!Array.isArray(labels) || labels.length === 0) throw new AppError('INVALID_INPUT', 'There are no labels to print.');
  const total = labels.length * (parsedOpts.data.copies ?? 1);
  if (total > MAX_LABELS_PER_JOB) {
    throw new AppError('TOO_LARGE', `${total} labels is more than ${MAX_LABELS_PER_JOB} in one job; print in smaller batches.`);
  }
  const template = LABEL_TEMPLATES[parsedOpts.data.template];
  const startAt = parsedOpts.data.startAt ?? 1;
  if (startAt > cellsPerPage(template)) {
    throw new AppError('INVALID_INPUT', `Start position must be between 1 and ${cellsPerPage(template)} for ${template.name}.`);
  }
  const parsedLabels = z.array(LabelContent).safeParse(labels);
  if (!parsedLabels.success) throw invalid(parsedLabels.error, 'labels');
  return { labels: parsedLabels.data, opts: parsedOpts.data };
}

/**
 * Dark modules as rectangles: horizontal runs per row, stacked vertically where consecutive rows repeat
 * the same run, so a QR is a few hundred `re` operators filled once (one fill: no hairline seams).
 */
export function qrRectangles(matrix: QrMatrix): { x: number; y: number; width: number; height: number }[] {
  const open = new Map<string, { x: number; y: number; width: number; height: number }>();
  const done: { x: number; y: number; width: number; height: number }[] = [];
  for (let y = 0; y < matrix.size; y += 1) {
    const seen = new Set<string>();
    for (let x = 0; x < matrix.size; x += 1) {
      if (!matrix.isDark(x, y) || matrix.isDark(x - 1, y)) continue;
      let end = x;
      while (matrix.isDark(end + 1, y)) end += 1;
      const key = `${x}:${end}`;
      const run = open.get(key);
      if (run) run.height += 1;
      else open.set(key, { x, y, width: end - x + 1, height: 1 });
      seen.add(key);
    }
    for (const [key, run] of open) {
      if (seen.has(key)) continue;
      done.push(run);
      open.delete(key);
    }
  }
  return [...done, ...open.values()];
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

function drawLabel(page: PDFPage, cell: LabelCell, layout: LabelLayout, matrix: QrMatrix, fonts: Fonts, offset: { x: number; y: number }): void {
  const pageHeightMm = page.getHeight() * MM_PER_PT;
  const left = cell.xMm + offset.x;
  const top = cell.yMm + offset.y;
  const { qr } = layout;
  const ops: PDFOperator[] = [pushGraphicsState(), setFillingGrayscaleColor(0)];
  for (const r of qrRectangles(matrix)) {
    const xMm = left + qr.xMm + r.x * qr.moduleMm;
    const bottomMm = top + qr.yMm + (r.y + r.height) * qr.moduleMm;
    ops.push(rectangle(ptFromMm(xMm), ptFromMm(pageHeightMm - bottomMm), ptFromMm(r.width * qr.moduleMm), ptFromMm(r.height * qr.moduleMm)));
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
  for (const line of layout.lines) {
    page.drawText(line.text, {
      x: ptFromMm(left + line.xMm),
      y: ptFromMm(pageHeightMm - (top + line.baselineMm)),
      size: line.sizePt,
      font: line.bold ? fonts.bold : fonts.regular,
      color: rgb(0, 0, 0),
    });
  }
}

interface PreparedLabel {
  matrix: QrMatrix;
  layout: LabelLayout;
}

interface Job {
  doc: PDFDocument;
  template: LabelTemplate;
  labels: PreparedLabel[];
  copies: number;
  fonts: Fonts;
  offset: { x: number; y: number };
}

/** Sheets and die-cut stock: every label copy in its cell, pages added as the cells run over. */
function drawOnSheets(job: Job, startAt: number): void {
  const { doc, template, labels, copies } = job;
  const pages: PDFPage[] = [];
  labelCells(template, labels.length * copies, startAt).forEach((cell, index) => {
    const label = labels[Math.floor(index / copies)];
    if (!label) return;
    const page = (pages[cell.page] ??= doc.addPage([ptFromMm(template.pageWidthMm), ptFromMm(template.pageHeightMm)]));
    drawLabel(page, cell, label.layout, label.matrix, job.fonts, job.offset);
  });
}

/** A roll: one page per label copy, each cut to its own label's length. */
function drawOnRoll(job: Job): void {
  for (const label of job.labels) {
    const template = withRollLength(job.template, label.layout.heightMm);
    const [cell] = labelCells(template, 1, 1);
    for (let copy = 0; copy < job.copies && cell; copy += 1) {
      const page = job.doc.addPage([ptFromMm(template.pageWidthMm), ptFromMm(template.pageHeightMm)]);
      drawLabel(page, cell, label.layout, label.matrix, job.fonts, job.offset);
    }
  }
}

/**
 * Renders batch labels to a PDF at the stock's exact physical page size, entirely in memory. Each
 * label carries its QR (vector squares, 4-module quiet zone, EC level M) and its human-readable
 * product, lot, production, arrival and expiry dates (plus price, allergens and shop when given).
 * Each label is repeated `copies` times in a row; on sheets the first label goes to the 1-based position
 * `startAt`; `offsetMm` shifts everything (x right, y down) to calibrate a printer.
 * Throws AppError('INVALID_INPUT') for bad input and AppError('TOO_LARGE') for more than
 * {@link MAX_LABELS_PER_JOB} labels or a QR payload too long for a label.
 */
export async function renderLabelsPdf(labels: LabelContent[], opts: RenderLabelsOptions): Promise<Uint8Array> {
  const parsed = parseJob(labels, opts);
  const template = LABEL_TEMPLATES[parsed.opts.template];
  const doc = await PDFDocument.create();
  doc.setTitle(`Batch labels – ${template.name}`);
  doc.setCreator('Hearth');
  doc.setProducer('Hearth');
  const fonts: Fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  const measure: MeasureText = (text, sizePt, bold) => (bold ? fonts.bold : fonts.regular).widthOfTextAtSize(text, sizePt) * MM_PER_PT;
  const prepared = parsed.labels.map((content): PreparedLabel => {
    const matrix = qrMatrix(content.qrPayload);
    return { matrix, layout: layoutLabel(template, matrix.size, labelTextLines(content), measure) };
  });
  const job: Job = { doc, template, labels: prepared, copies: parsed.opts.copies ?? 1, fonts, offset: parsed.opts.offsetMm ?? { x: 0, y: 0 } };
  if (template.kind === 'roll') drawOnRoll(job);
  else drawOnSheets(job, parsed.opts.startAt ?? 1);
  return doc.save();
}
