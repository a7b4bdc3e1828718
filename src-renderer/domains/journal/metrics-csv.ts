import { formatCsv, type CsvValue } from '../../../src-shared/lib/csv-write';
import type { MetricSeries } from './journal-types';

/** One row per check-in: date, entry, mood, then each metric (yes/no as yes/no). Formula-escaped by the shared writer. */
export function metricsCsv(series: MetricSeries): string {
  const header: CsvValue[] = ['date', 'entry_id', 'mood', ...series.metrics.map((m) => (m.unit ? `${m.name} (${m.unit})` : m.name))];
  const rows = series.points.map((p): CsvValue[] => [
    p.date,
    p.entryId,
    p.mood,
    ...series.metrics.map((m) => {
      const v = p.values[m.id];
      return typeof v === 'boolean' ? (v ? 'yes' : 'no') : v;
    }),
  ]);
  return formatCsv([header, ...rows]);
}

export interface ChartPoint {
  date: string;
  value: number;
}

/** The numeric points of one metric (yes = 1, no = 0), oldest first; days without a value are skipped. */
export function pointsOf(series: MetricSeries, metricId: string | 'mood'): ChartPoint[] {
  const out: ChartPoint[] = [];
  for (const p of series.points) {
    const v = metricId === 'mood' ? p.mood : p.values[metricId];
    if (typeof v === 'number') out.push({ date: p.date, value: v });
    else if (typeof v === 'boolean') out.push({ date: p.date, value: v ? 1 : 0 });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
