import type { Dashboard } from '../../../../src-shared/domains/goals/goals.schemas';
import { addDays } from '../../../../src-shared/lib/local-date';
import { toCsv } from '../charts/csv';

export type Bucket = Dashboard['bucket'];
export type RangeKey = '30d' | '90d' | '1y' | '5y';

/** The range presets, with the bucket that keeps each chart readable (about 30–90 points). */
export const RANGES: Record<RangeKey, { label: string; days?: number; years?: number; bucket: Bucket }> = {
  '30d': { label: '30 days', days: 30, bucket: 'day' },
  '90d': { label: '90 days', days: 90, bucket: 'week' },
  '1y': { label: '1 year', years: 1, bucket: 'week' },
  '5y': { label: '5 years', years: 5, bucket: 'month' },
};

/** The dashboard input of a preset ending today (both ends included): years by the calendar, leap days and all. */
export function rangeInput(key: RangeKey, today: string, bucket?: Bucket): { from: string; to: string; bucket: Bucket } {
  const r = RANGES[key];
  const from = r.years ? addDays(yearsBefore(today, r.years), 1) : addDays(today, 1 - (r.days ?? 30));
  return { from, to: today, bucket: bucket ?? r.bucket };
}

/** The same day `n` years earlier; 29 February becomes the 28th in a common year. */
function yearsBefore(date: string, n: number): string {
  const year = Number(date.slice(0, 4)) - n;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const md = date.slice(5) === '02-29' && !leap ? '02-28' : date.slice(5);
  return `${String(year).padStart(4, '0')}-${md}`;
}

type Series = { date: string; value: number }[];

/** Several series on one x axis: the union of their dates, sorted, null where a series has no point. */
export function align(series: readonly Series[]): { dates: string[]; values: (number | null)[][] } {
  const dates = [...new Set(series.flatMap((s) => s.map((p) => p.date)))].sort();
  const values = series.map((s) => {
    const byDate = new Map(s.map((p) => [p.date, p.value]));
    return dates.map((d) => byDate.get(d) ?? null);
  });
  return { dates, values };
}

/** One CSV per chart, with the numbers the chart draws. */
export const chartCsv = {
  completed: (d: Dashboard) =>
    toCsv(
      ['bucket_start', 'completed'],
      d.completed.map((p) => [p.date, p.value]),
    ),
  createdVsCompleted: (d: Dashboard) => {
    const { dates, values } = align([d.created, d.completed]);
    return toCsv(
      ['bucket_start', 'created', 'completed'],
      dates.map((date, i) => [date, values[0]![i] ?? 0, values[1]![i] ?? 0]),
    );
  },
  overdue: (d: Dashboard) =>
    toCsv(
      ['bucket_end', 'overdue_open_tasks'],
      d.overdue.map((p) => [p.date, p.value]),
    ),
  goalProgress: (d: Dashboard) =>
    toCsv(
      ['goal_id', 'goal', 'date', 'progress_percent'],
      d.goalProgress.flatMap((g) => g.points.map((p) => [g.goalId, g.title, p.date, p.value])),
    ),
  habitConsistency: (d: Dashboard) =>
    toCsv(
      ['habit_id', 'habit', 'consistency_percent'],
      d.habitConsistency.map((h) => [h.habitId, h.title, Math.round(h.consistency * 1000) / 10]),
    ),
  productivity: (d: Dashboard) =>
    toCsv(
      ['bucket_start', 'score'],
      d.productivity.points.map((p) => [p.date, p.value]),
    ),
};
export type ChartKey = keyof typeof chartCsv;

/** The download's name: "hearth-goals-completed-2026-01-01-to-2026-01-30.csv". */
export const csvName = (chart: ChartKey, d: Dashboard): string =>
  `hearth-goals-${chart.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-${d.from}-to-${d.to}.csv`;
