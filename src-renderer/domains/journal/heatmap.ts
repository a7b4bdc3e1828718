import { addDays, isoWeekday } from '../../../src-shared/lib/local-date';

export interface HeatCell {
  date: string;
  count: number;
  /** 0 (none) … 4 (the busiest days), relative to the year's busiest day. */
  level: 0 | 1 | 2 | 3 | 4;
  /** Outside the year asked for (padding to whole weeks). */
  outside: boolean;
}

/** The colour step of a count, GitHub-style: quartiles of the busiest day. */
export function levelOf(count: number, max: number): HeatCell['level'] {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as HeatCell['level'];
}

/**
 * A year as weeks (columns, Monday first) of 7 days: 53 (or 54) columns from the Monday on or before
 * 1 January to the Sunday on or after 31 December, days outside the year marked.
 */
export function yearGrid(year: number, counts: ReadonlyMap<string, number>): HeatCell[][] {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const max = Math.max(0, ...counts.values());
  let day = addDays(first, 1 - isoWeekday(first));
  const weeks: HeatCell[][] = [];
  while (day <= last) {
    const week: HeatCell[] = [];
    for (let i = 0; i < 7; i += 1) {
      const count = counts.get(day) ?? 0;
      week.push({ date: day, count, level: levelOf(count, max), outside: !day.startsWith(`${year}-`) });
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** A month as weeks of 7 (Monday first); null pads the days outside the month. */
export function monthGrid(month: string): (string | null)[][] {
  const first = `${month}-01`;
  const weeks: (string | null)[][] = [];
  let week: (string | null)[] = Array.from({ length: isoWeekday(first) - 1 }, () => null);
  for (let day = first; day.startsWith(month); day = addDays(day, 1)) {
    week.push(day);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

/** The month `n` months after `month` (both YYYY-MM), across year ends. */
export function shiftMonth(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
