import { addDays, daysBetween, startOfDayIn, todayIn, zoneOffsetMinutes } from '../../../../src-shared/lib/local-date';

const MINUTE = 60_000;

/**
 * Calendar days of a visible range in one viewer zone, as instants. Every view buckets occurrences with these
 * boundaries, so the zone is always explicit (never the process zone) and a DST day is 23 or 25 hours long.
 */
export interface DayRange {
  zone: string;
  /** First day, 'YYYY-MM-DD'. */
  from: string;
  /** Number of days. */
  count: number;
  /** count + 1 instants: starts[i] is when day i begins in `zone`, starts[count] when the range ends. */
  starts: number[];
}

/** The first instant of `date` in `zone`: two offset reads usually settle it; otherwise the exact bisection. */
function dayStart(zone: string, date: string): number {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const guess = utcMidnight - zoneOffsetMinutes(zone, utcMidnight) * MINUTE;
  const start = utcMidnight - zoneOffsetMinutes(zone, guess) * MINUTE;
  // Midnight missing (a DST jump at 00:00) or the guess landed on the other side of a change: take the slow, exact way.
  if (todayIn(zone, start) === date && todayIn(zone, start - 1) < date) return start;
  return startOfDayIn(zone, date);
}

/** The day boundaries of `count` days from `from` in `zone`: about 3 Intl reads per day, done once per range. */
export function dayRange(zone: string, from: string, count: number): DayRange {
  const starts: number[] = [];
  for (let i = 0; i <= count; i++) starts.push(dayStart(zone, addDays(from, i)));
  return { zone, from, count, starts };
}

/** When day `i` of the range begins (i = count: when the range ends). Indices come from this module, so always in bounds. */
const at = (range: DayRange, i: number): number => range.starts[i] ?? Number.NaN;

/** The ISO date of day index `i` of the range. */
export const dateAt = (range: DayRange, i: number): string => addDays(range.from, i);

/** Index of the day of `range` holding instant `ms`, -1 before the range, `count` after it. O(1): a guess and a nudge. */
export function dayIndexOf(range: DayRange, ms: number): number {
  const { count } = range;
  const first = at(range, 0);
  if (ms < first) return -1;
  if (ms >= at(range, count)) return count;
  // Days are 23–25 h long, so dividing by 24 h is off by at most one either way over a few years of days.
  let i = Math.min(count - 1, Math.floor((ms - first) / 86_400_000));
  while (i > 0 && ms < at(range, i)) i--;
  while (i < count - 1 && ms >= at(range, i + 1)) i++;
  return i;
}

/** Index of an ISO date in the range (may be outside 0…count-1). */
export const indexOfDate = (range: DayRange, date: string): number => daysBetween(range.from, date);

/** Minutes since the start of day `i` of the range for instant `ms` (the time grid's vertical position). */
export const minutesInto = (range: DayRange, i: number, ms: number): number => (ms - at(range, i)) / MINUTE;

/** Today's date in the viewer zone. */
export const todayInZone = (zone: string, nowMs: number): string => todayIn(zone, nowMs);

/** The computer's zone, read once, explicitly (layout functions always take a zone parameter). */
export function viewerZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * Wall-clock minutes after midnight of day `i` for instant `ms` (the time grid's rows are wall hours): equal to the
 * elapsed minutes except on a DST day, where the zone's offset change is added back (09:00 stays at the 09:00 row).
 */
export function wallMinutes(range: DayRange, i: number, ms: number): number {
  const start = at(range, i);
  const elapsed = (ms - start) / MINUTE;
  if (at(range, i + 1) - start === 86_400_000) return elapsed;
  return elapsed + zoneOffsetMinutes(range.zone, ms) - zoneOffsetMinutes(range.zone, start);
}
