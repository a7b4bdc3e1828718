import { deflateSync } from 'node:zlib';
import type { PDFDocument, PDFPage } from 'pdf-lib';
import type { QrPlacement } from './label-layout';
import { MM_PER_PT } from './label-text';
import type { QrMatrix } from '../../../lib/qr';

/** A run of dark modules, in modules from the symbol's top-left corner. */
export interface ModuleRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Dark modules as rectangles: horizontal runs per row, stacked vertically where consecutive rows repeat
 * the same run, so a QR is a few hundred `re` operators filled once (one fill: no hairline seams).
 */
export function qrRectangles(matrix: QrMatrix): ModuleRect[] {
  const open = new Map<number, ModuleRect>();
  const done: ModuleRect[] = [];
  const seen = new Set<number>();
  for (let y = 0; y < matrix.size; y += 1) {
    seen.clear();
    for (let x = 0; x < matrix.size; x += 1) {
      if (!matrix.isDark(x, y) || matrix.isDark(x - 1, y)) continue;
      let end = x;
      while (matrix.isDark(end + 1, y)) end += 1;
      const key = x * 1024 + end;
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

/** Points with at most three decimals and no trailing zeros (content-stream syntax). */
const pt = (mm: number): string => String(Math.round((mm / MM_PER_PT) * 1000) / 1000);

/**
 * Content-stream operators that fill the symbol's dark modules in black, with the symbol's top-left
 * corner at (`leftMm`, `topMm`) from the page's top-left corner. Absolute page coordinates, not a scaled
 * matrix: rasterisers then put every module edge on the same pixel boundary for every code on the sheet.
 * Written as text directly: a label job draws hundreds of thousands of rectangles, and one string per
 * page is far cheaper than an operator object per rectangle.
 */
export function qrFillOps(matrix: QrMatrix, qr: QrPlacement, leftMm: number, topMm: number, pageHeightMm: number): string {
  const parts: string[] = ['q 0 g'];
  const m = qr.moduleMm;
  for (const r of qrRectangles(matrix)) {
    const bottomMm = topMm + (r.y + r.height) * m;
    parts.push(`${pt(leftMm + r.x * m)} ${pt(pageHeightMm - bottomMm)} ${pt(r.width * m)} ${pt(r.height * m)} re`);
  }
  parts.push('f Q');
  return parts.join('\n');
}

/** Appends raw operators to the page as one more Flate-compressed content stream (node's zlib, not JS). */
export function appendContent(doc: PDFDocument, page: PDFPage, operators: string): void {
  const stream = doc.context.stream(deflateSync(Buffer.from(`${operators}\n`, 'latin1'), { level: 6 }), { Filter: 'FlateDecode' });
  page.node.addContentStream(doc.context.register(stream));
}
