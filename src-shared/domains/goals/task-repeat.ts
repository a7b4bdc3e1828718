/**
 * When a repeating task is due next (docs/architecture.md#goals-tasks). Pure, on the one recurrence engine.
 *
 * A task's rule is read over calendar dates only: the series starts on a DATE (the task's due date, or the day it was
 * completed for "repeat from completion") and the due time, if any, is carried over unchanged to the next date. Dates
 * are wall dates, so a DST change never shifts a daily task; the zone is kept for callers that turn dates into instants.
 */
import { AppError } from '../../ipc/result';
import { addDays } from '../../lib/local-date';
import { expand, type SeriesSpec } from '../../lib/recurrence';

export interface RepeatingTask {
  dueDate: string;
  dueTime: string | null;
  zone: string;
  rrule: string;
  repeatFrom: 'due' | 'completion';
}

/** The most instances `instancesBetween` returns (a daily task over the longest Upcoming range is 62). */
export const MAX_INSTANCES = 400;
/** How far ahead the next instance is looked for: a rule with none within 10 years (e.g. a past UNTIL) has ended. */
const HORIZON_DAYS = 3660;
const DAY_MS = 86_400_000;
/** Tasks repeat by the day at most: a sub-daily rule on a DATE series has no meaning. */
const DAILY_OR_SLOWER = /(?:^|;)FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(?:;|$)/i;

const dateMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const msDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function spec(anchor: string, rrule: string): SeriesSpec {
  return { start: { kind: 'date', date: anchor }, durationMs: DAY_MS, rrules: [rrule], rdates: [], exdates: [] };
}

/** Instance dates of the rule started on `anchor`, from `from` to `to` inclusive. Dates are read in UTC: wall dates, no DST. */
function datesOf(anchor: string, rrule: string, from: string, to: string, limit: number): string[] {
  if (to < from) return [];
  const occ = expand(spec(anchor, rrule), { fromMs: dateMs(from), toMs: dateMs(addDays(to, 1)) }, { viewerZone: 'UTC', limit });
  return occ.map((o) => msDate(o.startMs));
}

/** Throws INVALID_INPUT unless the shared engine can read `rrule` as a task's rule (daily or slower). */
export function assertTaskRule(rrule: string, anchor: string): void {
  if (!DAILY_OR_SLOWER.test(rrule.trim().replace(/^RRULE:/i, ''))) {
    throw new AppError('INVALID_INPUT', 'A task repeats daily, weekly, monthly or yearly (FREQ=DAILY|WEEKLY|MONTHLY|YEARLY).', {
      issues: [{ path: 'rrule', message: 'Unsupported frequency' }],
    });
  }
  try {
    datesOf(anchor, rrule, anchor, anchor, 1);
  } catch (error) {
    if (error instanceof AppError) throw new AppError('INVALID_INPUT', error.message, { issues: [{ path: 'rrule', message: error.message }] });
    throw error;
  }
}

const countOf = (rrule: string): number | null => {
  const m = /(?:^|;)COUNT=(\d+)/i.exec(rrule);
  return m ? Number(m[1]) : null;
};
const withCount = (rrule: string, n: number): string => rrule.replace(/((?:^|;)COUNT=)\d+/i, `$1${n}`);

/** The series a completion reads: anchored at the due date, or at the day of completion. */
const anchorOf = (t: RepeatingTask, completedOn: string): string => (t.repeatFrom === 'completion' ? completedOn : t.dueDate);

/**
 * The next due date after completing `t` on local date `completedOn`, or null when the rule has ended (COUNT used up,
 * UNTIL passed): the task then stays completed.
 * - from due: the first instance strictly after the current due date, even when that is still before `completedOn`
 *   (Todoist does the same: finishing a late daily task moves it one day, it does not skip to today);
 * - from completion: the rule started again on `completedOn`, its first instance after that day
 *   ("every 3 days" completed on the 10th is due on the 13th).
 */
export function nextDueDate(t: RepeatingTask, completedOn: string): string | null {
  return advance(t, completedOn)?.dueDate ?? null;
}

/**
 * `nextDueDate` plus the rule to store with it. The series restarts at each new due date, so a COUNT is lowered by the
 * instances used up (the one completed) to keep the total as written: COUNT=3 repeats three times, not forever.
 */
export function advance(t: RepeatingTask, completedOn: string): { dueDate: string; rrule: string } | null {
  const anchor = anchorOf(t, completedOn);
  const from = addDays(anchor, 1);
  const next = datesOf(anchor, t.rrule, from, addDays(anchor, HORIZON_DAYS), 1)[0];
  if (next === undefined) return null;
  const count = countOf(t.rrule);
  if (count === null) return { dueDate: next, rrule: t.rrule };
  const used = datesOf(anchor, t.rrule, anchor, next, MAX_INSTANCES).length - 1;
  return { dueDate: next, rrule: withCount(t.rrule, Math.max(1, count - used)) };
}

/**
 * The rule a task had before `advance` moved it from `previousDue` to its current due date (for "uncomplete"):
 * the COUNT given back. `completedOn` is the day of that completion (the anchor of a "from completion" rule).
 */
export function retreatRule(t: RepeatingTask, previousDue: string, completedOn: string): string {
  const count = countOf(t.rrule);
  if (count === null) return t.rrule;
  const anchor = t.repeatFrom === 'completion' ? completedOn : previousDue;
  const open = t.rrule.replace(/(?:^|;)COUNT=\d+/i, '').replace(/^;/, '');
  const used = datesOf(anchor, open, anchor, t.dueDate, MAX_INSTANCES).length - 1;
  return withCount(t.rrule, count + Math.max(0, used));
}

/**
 * The dates a repeating task falls on from `fromDate` to `toDate` inclusive (Upcoming, the calendar overlay), at most
 * MAX_INSTANCES: its current due date when in range, then the rule's later instances counted from it.
 */
export function instancesBetween(t: RepeatingTask, fromDate: string, toDate: string): string[] {
  const out = datesOf(t.dueDate, t.rrule, fromDate < t.dueDate ? t.dueDate : fromDate, toDate, MAX_INSTANCES);
  // The current due date is an instance even when the rule would not yield it (an unsynchronised start).
  if (t.dueDate >= fromDate && t.dueDate <= toDate && out[0] !== t.dueDate) out.unshift(t.dueDate);
  return out.slice(0, MAX_INSTANCES);
}

/** The first date on or after `date` that the rule falls on (a repeating task made without a due date starts there), or null. */
export function firstOnOrAfter(rrule: string, date: string): string | null {
  return datesOf(date, rrule, date, addDays(date, HORIZON_DAYS), 1)[0] ?? null;
}
