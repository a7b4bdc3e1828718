/**
 * Habit periods and streaks (docs/architecture.md#goals-habits). Pure and over calendar dates only, so a DST change
 * can never split or merge a day. The work runs on epoch days (whole days since 1970-01-01, integers: years of a
 * daily habit are thousands of days, read on every Today view); the 'YYYY-MM-DD' functions wrap it.
 *
 * - A habit with period 'day' is kept on a due day (an instance of its rule) whose check-in value reaches the target.
 * - With period 'week' (ISO, Monday first) or 'month', a period is due when the rule has a day in it, and kept when the
 *   check-ins of the whole period add up to the target ("run 3 times a week": FREQ=DAILY, any day counts).
 * - Streaks, as Streaks and Loop count them: the current period adds to the streak once it is kept, and an unkept
 *   current period does not break the streak until it is over (today not done yet keeps yesterday's streak).
 */

export type HabitPeriodKind = 'day' | 'week' | 'month';

export interface PeriodResult<D = string> {
  /** The period's first day. */
  start: D;
  /** The sum of its check-ins. */
  value: number;
  kept: boolean;
  /** The period containing the reference day (still running). */
  current: boolean;
}

const DAY_MS = 86_400_000;

/** Whole days since 1970-01-01 of a 'YYYY-MM-DD' date. */
export const epochDay = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
/** The 'YYYY-MM-DD' date of an epoch day (years 1000–9999). */
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The first epoch day of the period holding epoch day `day`. 1970-01-01 was a Thursday (ISO weekday index 3). */
export function periodStartDay(day: number, period: HabitPeriodKind): number {
  if (period === 'day') return day;
  if (period === 'week') return day - ((((day + 3) % 7) + 7) % 7);
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
}

/** The last epoch day of the period holding epoch day `day`. */
export function periodEndDay(day: number, period: HabitPeriodKind): number {
  if (period === 'day') return day;
  if (period === 'week') return periodStartDay(day, 'week') + 6;
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS - 1;
}

/** The first day of the period holding `date`. */
export const periodStart = (date: string, period: HabitPeriodKind): string => dateOfDay(periodStartDay(epochDay(date), period));
/** The last day of the period holding `date`. */
export const periodEnd = (date: string, period: HabitPeriodKind): string => dateOfDay(periodEndDay(epochDay(date), period));

/** The total of check-ins (epoch day → value) in the period holding epoch day `day`. */
export function periodSumDays(values: ReadonlyMap<number, number>, day: number, period: HabitPeriodKind): number {
  if (period === 'day') return values.get(day) ?? 0;
  const [lo, hi] = [periodStartDay(day, period), periodEndDay(day, period)];
  let sum = 0;
  for (const [d, v] of values) if (d >= lo && d <= hi) sum += v;
  return sum;
}

/** The due periods up to and including the one holding `today`, oldest first, over epoch days. `dueDays` ascending. */
export function habitPeriodsDays(input: {
  period: HabitPeriodKind;
  target: number;
  dueDays: readonly number[];
  values: ReadonlyMap<number, number>;
  today: number;
}): PeriodResult<number>[] {
  const { period, target, values, today } = input;
  const current = periodStartDay(today, period);
  const starts: number[] = [];
  for (const d of input.dueDays) {
    if (d > today) break;
    const s = periodStartDay(d, period);
    if (starts[starts.length - 1] !== s) starts.push(s);
  }
  // Week and month sums: one pass over the check-ins, bucketed by period.
  let sums: ReadonlyMap<number, number> = values;
  if (period !== 'day') {
    const m = new Map<number, number>();
    for (const [d, v] of values) {
      const s = periodStartDay(d, period);
      m.set(s, (m.get(s) ?? 0) + v);
    }
    sums = m;
  }
  return starts.map((start) => {
    const value = sums.get(start) ?? 0;
    return { start, value, kept: value >= target, current: start === current };
  });
}

/**
 * The due periods up to and including the one holding `today`, oldest first. `dueDays` are the rule's instances up to
 * `today`, in order; `values` the check-ins by date.
 */
export function habitPeriods(input: {
  period: HabitPeriodKind;
  target: number;
  dueDays: readonly string[];
  values: ReadonlyMap<string, number>;
  today: string;
}): PeriodResult[] {
  const values = new Map<number, number>();
  for (const [date, v] of input.values) values.set(epochDay(date), v);
  return habitPeriodsDays({ period: input.period, target: input.target, dueDays: input.dueDays.map(epochDay), values, today: epochDay(input.today) }).map(
    (p) => ({
      ...p,
      start: dateOfDay(p.start),
    }),
  );
}

/** Current and best streaks over due periods, oldest first. */
export function streaks(periods: readonly Pick<PeriodResult<unknown>, 'kept' | 'current'>[]): { current: number; best: number } {
  let best = 0;
  let run = 0;
  for (const p of periods) {
    run = p.kept ? run + 1 : 0;
    if (run > best) best = run;
  }
  let i = periods.length - 1;
  // A running period not kept yet is not a break: the streak is the one that ended with the last period.
  if (i >= 0 && periods[i]!.current && !periods[i]!.kept) i--;
  let current = 0;
  while (i >= 0 && periods[i]!.kept) {
    current++;
    i--;
  }
  return { current, best };
}
