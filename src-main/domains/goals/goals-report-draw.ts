import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { GREY } from './goals-report-flow';

/** The report's drawings, all vector (paths and rectangles): they print sharp at any resolution. */

const ACCENT = rgb(0.16, 0.42, 0.75);
const TRACK = rgb(0.88, 0.9, 0.93);
const TARGET = rgb(0.85, 0.45, 0.15);

const num = (x: number): string => String(Math.round(x * 100) / 100);

/** A horizontal bar filled to `progress` (0..100) with the percentage after it. */
export function progressBar(page: PDFPage, x: number, y: number, width: number, progress: number, font: PDFFont): void {
  const p = Math.min(100, Math.max(0, Number.isFinite(progress) ? progress : 0));
  const barW = width - 48;
  page.drawRectangle({ x, y, width: barW, height: 9, color: TRACK });
  if (p > 0) page.drawRectangle({ x, y, width: (barW * p) / 100, height: 9, color: ACCENT });
  page.drawText(`${num(p)} %`, { x: x + barW + 8, y: y + 1, size: 9, font });
}

export interface ChartPoint {
  at: string;
  value: number;
}

/**
 * A key result's history as a line chart inside a `width` × `height` box (bottom-left at x, y): the values over time
 * as one SVG-style path (x by time, y scaled between the lowest and highest of the values and the target), a dashed
 * line at the target, a dot at the latest value, the scale's ends and the first and last dates as labels.
 */
export function lineChart(
  page: PDFPage,
  box: { x: number; y: number; width: number; height: number },
  points: readonly ChartPoint[],
  target: number,
  font: PDFFont,
): void {
  const labelW = 40;
  const plot = { x: box.x + labelW, y: box.y + 12, w: box.width - labelW, h: box.height - 16 };
  page.drawRectangle({ x: plot.x, y: plot.y, width: plot.w, height: plot.h, borderColor: TRACK, borderWidth: 0.6 });
  const values = points.map((p) => p.value);
  let lo = Math.min(target, ...values);
  let hi = Math.max(target, ...values);
  if (hi === lo) {
    hi += 1;
    lo -= 1;
  }
  const times = points.map((p) => Date.parse(p.at));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const sx = (t: number): number => (t1 === t0 ? plot.w / 2 : ((t - t0) / (t1 - t0)) * plot.w);
  // drawSvgPath's y axis points down from the given origin (the plot's top-left corner).
  const sy = (v: number): number => plot.h - ((v - lo) / (hi - lo)) * plot.h;
  const top = plot.y + plot.h;
  const ty = sy(target);
  page.drawSvgPath(`M 0 ${ty} L ${plot.w} ${ty}`, { x: plot.x, y: top, borderColor: TARGET, borderWidth: 0.8, borderDashArray: [3, 2] });
  if (points.length > 0) {
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${sx(times[i]!).toFixed(2)} ${sy(p.value).toFixed(2)}`).join(' ');
    if (points.length > 1) page.drawSvgPath(d, { x: plot.x, y: top, borderColor: ACCENT, borderWidth: 1.4 });
    const last = points.length - 1;
    page.drawCircle({ x: plot.x + sx(times[last]!), y: top - sy(values[last]!), size: 2.2, color: ACCENT });
  }
  const label = (text: string, x: number, y: number) => page.drawText(text, { x, y, size: 7, font, color: GREY });
  label(num(hi), box.x, top - 7);
  label(num(lo), box.x, plot.y);
  if (points.length > 0) {
    const first = points[0]!.at.slice(0, 10);
    const lastDate = points[points.length - 1]!.at.slice(0, 10);
    label(first, plot.x, box.y + 2);
    if (lastDate !== first) label(lastDate, plot.x + plot.w - font.widthOfTextAtSize(lastDate, 7), box.y + 2);
  }
}
