import type { Kysely } from 'kysely';
import { dateOfDay, epochDay } from '../../../src-shared/domains/goals/habit-streaks';
import { AppError } from '../../../src-shared/ipc/result';
import { addDays, assertIsoDate } from '../../../src-shared/lib/local-date';
import { expand, type SeriesSpec } from '../../../src-shared/lib/recurrence';
import type { Database } from '../../db/database';

/**
 * Which days a habit is due: the instances of its RRULE on the shared recurrence engine, as a series of whole days
 * starting on the habit's start date. Dates are wall dates read in UTC, so a DST change never moves a day.
 *
 * The engine steps through every instance (tens of µs each), and a daily habit read over ten years on every Today
 * view is thousands of steps. The common habit rules (FREQ=DAILY or WEEKLY with INTERVAL, plain BYDAY, WKST) repeat
 * exactly every P days (DAILY: INTERVAL, or lcm(INTERVAL, 7) with BYDAY; WEEKLY: 7 × INTERVAL), so for those the
 * engine expands the first 2P + 7 days once (memoised) and later days are read off that template. Any other rule
 * (COUNT, UNTIL, BYMONTH, BYSETPOS…) is expanded by the engine over the window. goals-habit-rules.test.ts checks the
 * template against the engine on random rules.
 */

const DAY_MS = 86_400_000;
/** How far back streaks look: ten years of a daily habit (3,650 instances) stays well under the engine's caps. */
export const HISTORY_DAYS = 3650;
/** Habits are about days: a rule faster than daily has no meaning on a DATE series. */
const DAILY_OR_SLOWER = /(?:^|;)FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(?:;|$)/i;
const PLAIN_BYDAY = /^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/;
/** Longer cycles gain nothing: their instances are sparse, the engine is quick on them. */
const MAX_CYCLE = 400;
const MEMO_SIZE = 500;

const spec = (start: string, rrule: string): SeriesSpec => ({
  start: { kind: 'date', date: start },
  durationMs: DAY_MS,
  rrules: [rrule],
  rdates: [],
  exdates: [],
});

/** The engine's instances as epoch days from `lo` to `hi` inclusive. */
function engineDays(start: string, rrule: string, lo: number, hi: number): number[] {
  if (hi < lo) return [];
  const occ = expand(spec(start, rrule), { fromMs: lo * DAY_MS, toMs: (hi + 1) * DAY_MS }, { viewerZone: 'UTC', limit: HISTORY_DAYS + 400 });
  return occ.map((o) => Math.round(o.startMs / DAY_MS));
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The cycle in days of a rule that repeats exactly, or null. */
export function cycleOf(rrule: string): number | null {
  const parts = new Map<string, string>();
  for (const p of rrule.toUpperCase().split(';')) {
    if (!p) continue;
    const [k, v] = p.split('=');
    if (!k || v === undefined || parts.has(k)) return null;
    parts.set(k, v);
  }
  if ([...parts.keys()].some((k) => !['FREQ', 'INTERVAL', 'BYDAY', 'WKST'].includes(k))) return null;
  const interval = parts.has('INTERVAL') ? Number(parts.get('INTERVAL')) : 1;
  if (!Number.isSafeInteger(interval) || interval < 1) return null;
  const byday = parts.get('BYDAY');
  if (byday !== undefined && !PLAIN_BYDAY.test(byday)) return null;
  const freq = parts.get('FREQ');
  const cycle = freq === 'DAILY' ? (byday ? (interval * 7) / gcd(interval, 7) : interval) : freq === 'WEEKLY' ? 7 * interval : null;
  return cycle !== null && cycle <= MAX_CYCLE ? cycle : null;
}

/** Memo of templates: the engine's instances over the first 2P + 7 days of a (start, rule). Day numbers only. */
const templates = new Map<string, { cycle: number; end: number; days: Set<number> }>();

function template(start: string, rrule: string, cycle: number) {
  const key = `${start}|${rrule}`;
  let t = templates.get(key);
  if (!t) {
    const s = epochDay(start);
    const end = s + 2 * cycle + 7; // exclusive
    t = { cycle, end, days: new Set(engineDays(start, rrule, s, end - 1)) };
    if (templates.size >= MEMO_SIZE) templates.delete(templates.keys().next().value!);
    templates.set(key, t);
  }
  return t;
}

/** The habit's due days from epoch day `from` to `to` inclusive (never before its start date), ascending. */
export function dueDayNumbers(habit: { start_date: string; rrule: string }, from: number, to: number): number[] {
  const lo = Math.max(from, epochDay(habit.start_date));
  if (to < lo) return [];
  const cycle = cycleOf(habit.rrule);
  if (cycle === null) return engineDays(habit.start_date, habit.rrule, lo, to);
  const t = template(habit.start_date, habit.rrule, cycle);
  const out: number[] = [];
  // Past the template, day d falls like the day a whole number of cycles earlier inside its last full cycle.
  const base = t.end - cycle;
  for (let d = lo; d <= to; d++) if (t.days.has(d < t.end ? d : base + ((d - t.end) % cycle))) out.push(d);
  return out;
}

/** The habit's due days from `from` to `to` inclusive (never before its start date), in order. */
export function dueDays(habit: { start_date: string; rrule: string }, from: string, to: string): string[] {
  return dueDayNumbers(habit, epochDay(from), epochDay(to)).map(dateOfDay);
}

/** Throws INVALID_INPUT unless the shared engine reads `rrule` as a habit's rule (daily or slower) from `start`. */
export function assertHabitRule(rrule: string, start: string): void {
  assertIsoDate(start, 'The start date');
  const bad = (message: string) => new AppError('INVALID_INPUT', message, { issues: [{ path: 'rrule', message }] });
  if (/^RRULE:/i.test(rrule)) throw bad('Give the rule without the "RRULE:" prefix.');
  if (!DAILY_OR_SLOWER.test(rrule)) throw bad('A habit repeats daily, weekly, monthly or yearly (FREQ=DAILY|WEEKLY|MONTHLY|YEARLY).');
  try {
    engineDays(start, rrule, epochDay(start), epochDay(addDays(start, 7)));
  } catch (error) {
    if (error instanceof AppError) throw bad(error.message);
    throw error;
  }
}

/** The total of a habit's check-ins dated `fromDate` or later (what a key result linked to the habit counts). */
export async function sumCheckins(db: Kysely<Database>, habitId: string, fromDate: string): Promise<number> {
  const r = await db
    .selectFrom('habit_checkins')
    .select((eb) => eb.fn.sum<number>('value').as('s'))
    .where('habit_id', '=', habitId)
    .where('date', '>=', fromDate)
    .executeTakeFirst();
  return Number(r?.s ?? 0);
}
