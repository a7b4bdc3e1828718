import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { z } from 'zod';
import { AppError, type AppErrorIssue } from '../../../../src-shared/ipc/result';
import { LabelContent, labelTextLines, MAX_LABELS_PER_JOB } from './label-content';
import { layoutLabel, qrForLabel, type LabelLayout } from './label-layout';
import { cellsPerPage, LABEL_TEMPLATES, labelCells, LabelTemplateId, withRollLength, type LabelCell, type LabelTemplate } from './label-templates';
import { MM_PER_PT, type MeasureText } from './label-text';
import { appendContent, qrFillOps } from './label-qr-ops';
import type { QrMatrix } from '../../../lib/qr';

/** What one label says (schema and type), re-exported for callers of {@link renderLabelsPdf}. */
export { LabelContent } from './label-content';

/** Most copies of one label in a job. */
export const MAX_COPIES = 1000;
/** Most labels (labels × copies) in one PDF; more answers TOO_LARGE. */
export { MAX_LABELS_PER_JOB } from './label-content';
/** Largest printer calibration shift accepted, per axis. */
export const MAX_OFFSET_MM = 10;

/** Options for one print job; `offsetMm` shifts everything (x right, y down) to calibrate a printer. */
export const RenderLabelsOptions = z.object({
  template: LabelTemplateId,
  copies: z.int().min(1).max(MAX_COPIES).optional(),
  /** Copies per label, in label order; overrides `copies` (one job, many lots with their own counts). */
  copiesEach: z.array(z.int().min(1).max(MAX_COPIES)).optional(),
  startAt: z.int().min(1).optional(),
  offsetMm: z.object({ x: z.number().min(-MAX_OFFSET_MM).max(MAX_OFFSET_MM), y: z.number().min(-MAX_OFFSET_MM).max(MAX_OFFSET_MM) }).optional(),
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
  const { copies = 1, copiesEach } = parsedOpts.data;
  if (copiesEach && copiesEach.length !== labels.length) throw new AppError('INVALID_INPUT', 'Give one copy count per label.');
  const total = copiesEach ? copiesEach.reduce((sum, n) => sum + n, 0) : labels.length * copies;
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

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Draws one label's text with pdf-lib and returns its QR as raw operators for the page's QR stream. */
function drawLabel(page: PDFPage, cell: LabelCell, label: PreparedLabel, job: Job): string {
  const { layout, matrix } = label;
  const { fonts, offset } = job;
  const pageHeightMm = page.getHeight() * MM_PER_PT;
  const left = cell.xMm + offset.x;
  const top = cell.yMm + offset.y;
  // The symbol's corner on the page's dot grid, so every module is whole printer dots (see label-templates);
  // rounding right, never left, keeps the quiet zone inside the label.
  const grid = job.template.print.dotMm;
  const qrLeft = Math.ceil((left + layout.qr.xMm) / grid - 1e-9) * grid;
  const qrTop = Math.round((top + layout.qr.yMm) / grid) * grid;
  for (const line of layout.lines) {
    page.drawText(line.text, {
      x: ptFromMm(left + line.xMm),
      y: ptFromMm(pageHeightMm - (top + line.baselineMm)),
      size: line.sizePt,
      font: line.bold ? fonts.bold : fonts.regular,
      color: rgb(0, 0, 0),
    });
  }
  return qrFillOps(matrix, layout.qr, qrLeft, qrTop, pageHeightMm);
}

/**
 * Text widths in mm, from the fonts' metrics, remembered per job: the fitter measures the same strings at
 * the same sizes many times, and labels of one job share most of their wording.
 */
function memoMeasure(fonts: Fonts): MeasureText {
  const widths = new Map<string, number>();
  return (text, sizePt, bold) => {
    const key = `${bold ? 'b' : 'r'}${sizePt}|${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      width = (bold ? fonts.bold : fonts.regular).widthOfTextAtSize(text, sizePt) * MM_PER_PT;
      widths.set(key, width);
    }
    return width;
  };
}

interface PreparedLabel {
  matrix: QrMatrix;
  layout: LabelLayout;
}

interface Job {
  doc: PDFDocument;
  template: LabelTemplate;
  /** Every label copy in print order (copies of one label follow each other). */
  copies: PreparedLabel[];
  fonts: Fonts;
  offset: { x: number; y: number };
  /** Called every {@link PROGRESS_EVERY} labels drawn, with the steps done so far (see renderLabelsPdf). */
  drawn(count: number): void;
}

/** Labels between two progress reports: a few hundred messages for the largest job, not one per label. */
export const PROGRESS_EVERY = 50;
/** Progress of a render, in steps: one per distinct label laid out, then one per copy drawn. */
export type RenderProgress = (done: number, total: number) => void;

/** Sheets and die-cut stock: every label copy in its cell, pages added as the cells run over. */
function drawOnSheets(job: Job, startAt: number): void {
  const { doc, template } = job;
  const pages: { page: PDFPage; qr: string[] }[] = [];
  labelCells(template, job.copies.length, startAt).forEach((cell, index) => {
    const label = job.copies[index];
    if (!label) return;
    const sheet = (pages[cell.page] ??= { page: doc.addPage([ptFromMm(template.pageWidthMm), ptFromMm(template.pageHeightMm)]), qr: [] });
    sheet.qr.push(drawLabel(sheet.page, cell, label, job));
    if ((index + 1) % PROGRESS_EVERY === 0) job.drawn(index + 1);
  });
  for (const sheet of pages) if (sheet) appendContent(doc, sheet.page, sheet.qr.join('\n'));
}

/** A roll: one page per label copy, each cut to its own label's length. */
function drawOnRoll(job: Job): void {
  let drawnCount = 0;
  for (const label of job.copies) {
    const template = withRollLength(job.template, label.layout.heightMm);
    const [cell] = labelCells(template, 1, 1);
    if (!cell) continue;
    const page = job.doc.addPage([ptFromMm(template.pageWidthMm), ptFromMm(template.pageHeightMm)]);
    appendContent(job.doc, page, drawLabel(page, cell, label, job));
    drawnCount++;
    if (drawnCount % PROGRESS_EVERY === 0) job.drawn(drawnCount);
  }
}

/**
 * Renders batch labels to a PDF at the stock's exact physical page size, entirely in memory. Each
 * label carries its QR (vector squares on the printer's dot grid, 4-module quiet zone, EC level M, L on
 * labels too small for M at a readable module size) and its human-readable
 * product, lot, production, arrival and expiry dates (plus price, allergens and shop when given).
 * Each label is repeated `copies` (or its `copiesEach`) times in a row, and the job runs on across sheets as
 * one print job; on sheets the first label goes to the 1-based position
 * `startAt`; `offsetMm` shifts everything (x right, y down) to calibrate a printer.
 * Throws AppError('INVALID_INPUT') for bad input and AppError('TOO_LARGE') for more than
 * {@link MAX_LABELS_PER_JOB} labels or a QR payload too long for a label.
 */
export async function renderLabelsPdf(labels: LabelContent[], opts: RenderLabelsOptions, progress?: RenderProgress): Promise<Uint8Array> {
  const parsed = parseJob(labels, opts);
  const template = LABEL_TEMPLATES[parsed.opts.template];
  const doc = await PDFDocument.create();
  doc.setTitle(`Batch labels – ${template.name}`);
  doc.setCreator('Hearth');
  doc.setProducer('Hearth');
  const fonts: Fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  const measure = memoMeasure(fonts);
  const each = parsed.opts.copiesEach ?? parsed.labels.map(() => parsed.opts.copies ?? 1);
  const steps = parsed.labels.length + each.reduce((sum, n) => sum + n, 0);
  const prepared = parsed.labels.map((content, i): PreparedLabel => {
    if (progress && i % PROGRESS_EVERY === 0) progress(i, steps);
    const matrix = qrForLabel(template, content.qrPayload);
    return { matrix, layout: layoutLabel(template, matrix.size, labelTextLines(content), measure) };
  });
  const copies = prepared.flatMap((label, i) => Array.from({ length: each[i] ?? 1 }, () => label));
  const drawn = (count: number) => progress?.(prepared.length + count, steps);
  const job: Job = { doc, template, copies, fonts, offset: parsed.opts.offsetMm ?? { x: 0, y: 0 }, drawn };
  if (template.kind === 'roll') drawOnRoll(job);
  else drawOnSheets(job, parsed.opts.startAt ?? 1);
  return doc.save();
}
