import { addDays, isoWeekday } from '../../../../src-shared/lib/local-date';

/** The habit editor's schedule: every day, Monday to Friday, or chosen weekdays. */
export type Schedule = { kind: 'daily' } | { kind: 'weekdays' } | { kind: 'days'; days: number[] };

/** RRULE weekday codes, Monday = 1 (ISO) first. */
export const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** The RRULE (without "RRULE:") the shared recurrence engine reads for a schedule. */
export function scheduleToRrule(s: Schedule): string {
  if (s.kind === 'daily') return 'FREQ=DAILY';
  if (s.kind === 'weekdays') return 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';
  const days = [...new Set(s.days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (days.length === 0 || days.length === 7) return 'FREQ=DAILY';
  return `FREQ=WEEKLY;BYDAY=${days.map((d) => DAY_CODES[d - 1]).join(',')}`;
}

/** A stored RRULE back as a schedule; null for a rule the presets cannot show (it is kept as it is). */
export function rruleToSchedule(rrule: string): Schedule | null {
  const parts = new Map(
    rrule
      .replace(/^RRULE:/i, '')
      .split(';')
      .map((p) => p.split('=') as [string, string])
      .map(([k, v]) => [k.toUpperCase(), (v ?? '').toUpperCase()]),
  );
  const freq = parts.get('FREQ');
  const extra = [...parts.keys()].filter((k) => k !== 'FREQ' && k !== 'BYDAY' && !(k === 'INTERVAL' && parts.get(k) === '1'));
  if (extra.length > 0) return null;
  if (freq === 'DAILY' && !parts.has('BYDAY')) return { kind: 'daily' };
  if (freq !== 'WEEKLY' && freq !== 'DAILY') return null;
  const codes = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
  const days = codes.map((c) => DAY_CODES.indexOf(c as (typeof DAY_CODES)[number]) + 1);
  if (days.length === 0 || days.some((d) => d === 0)) return null;
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return { kind: 'daily' };
  if (sorted.join() === '1,2,3,4,5') return { kind: 'weekdays' };
  return { kind: 'days', days: sorted };
}

/** "Every day", "Mon–Fri", "Mon, Wed, Fri"; a rule outside the presets is shown as it is. */
export function describeSchedule(rrule: string): string {
  const s = rruleToSchedule(rrule);
  if (!s) return rrule;
  if (s.kind === 'daily') return 'Every day';
  if (s.kind === 'weekdays') return 'Mon–Fri';
  return s.days.map((d) => DAY_NAMES[d - 1]).join(', ');
}

export interface HeatDay {
  date: string;
  value: number;
  due: boolean;
  /** 0 (nothing) … 4 (the target met or more); -1 for days after `to` (padding of the last week). */
  level: -1 | 0 | 1 | 2 | 3 | 4;
}

/**
 * The heat-map: `weeks` columns of Monday..Sunday ending with the week of `to`. A day's level is its value as a
 * share of the daily target (a week or month habit: of the target itself), in quarters.
 */
export function heatWeeks(days: readonly { date: string; value: number; due: boolean }[], to: string, weeks: number, target: number): HeatDay[][] {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const lastMonday = addDays(to, 1 - isoWeekday(to));
  let day = addDays(lastMonday, -7 * (weeks - 1));
  const out: HeatDay[][] = [];
  for (let w = 0; w < weeks; w += 1) {
    const col: HeatDay[] = [];
    for (let i = 0; i < 7; i += 1) {
      const d = byDate.get(day);
      const value = d?.value ?? 0;
      const level = day > to ? -1 : value <= 0 ? 0 : (Math.min(4, Math.max(1, Math.ceil((value / Math.max(target, 1e-9)) * 4))) as HeatDay['level']);
      col.push({ date: day, value, due: d?.due ?? false, level });
      day = addDays(day, 1);
    }
    out.push(col);
  }
  return out;
}

/** The first day the heat-map shows (the Monday `weeks - 1` weeks before the week of `to`). */
export const heatStart = (to: string, weeks: number): string => addDays(addDays(to, 1 - isoWeekday(to)), -7 * (weeks - 1));
