import { AppError } from '../ipc/result';

/**
 * Calendar-day arithmetic for the freshness register.
 *
 * A calendar date (a food date, a week on a report) is a day in some IANA time zone, never an instant. So:
 * - "today" comes from an injected clock (`nowMs`) and an IANA zone, via `Intl.DateTimeFormat`;
 *   nothing here reads `Date.now()` or the process time zone;
 * - arithmetic runs on date-only values mapped to UTC midnights (`Date.UTC`), where every day has
 *   exactly 86 400 000 ms, so a DST change can never make a 23- or 25-hour "day".
 * Pure: no node:*, no DOM; runs in main, the renderer and the exported customer page.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Years outside this range are rejected: `Date.UTC` maps years 0–99 to 1900–1999, and YYYY must stay 4 digits. */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

const invalid = (message: string): AppError => new AppError('INVALID_INPUT', message);

interface DateParts {
  year: number;
  month: number;
  day: number;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12) of `year` (proleptic Gregorian, as `Date.UTC`). */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (for any other month number, as before).
  if (!Number.isInteger(month) || month < 1 || month > 12) return new Date(Date.UTC(year, month, 0)).getUTCDate();
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number);
}

function parseParts(value: string): DateParts | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True for a real calendar date written as YYYY-MM-DD (years 1000–9999): `2028-02-29` yes, `2025-02-29` no. */
export function isValidIsoDate(value: unknown): value is string {
  return typeof value === 'string' && parseParts(value) !== null;
}

/** Why `value` is not a real YYYY-MM-DD date, in a sentence starting with `what`; null when it is one. */
export function isoDateError(value: unknown, what = 'Date'): string | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return `${what} must be a date written as YYYY-MM-DD.`;
  return parseParts(value) === null ? `${what} ${value} is not a real calendar date.` : null;
}

/** Throws `INVALID_INPUT` naming `what` unless `value` is a real YYYY-MM-DD date. */
export function assertIsoDate(value: unknown, what = 'Date'): asserts value is string {
  const problem = isoDateError(value, what);
  if (problem !== null) throw invalid(problem);
}

function toEpochDay(date: string, what: string): number {
  const parts = typeof date === 'string' ? parseParts(date) : null;
  if (parts === null) throw invalid(isoDateError(date, what) ?? `${what} is not a date.`);
  return Date.UTC(parts.year, parts.month - 1, parts.day) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): string {
  const d = new Date(epochDay * MS_PER_DAY);
  const year = d.getUTCFullYear();
  if (!Number.isFinite(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw invalid(`Date arithmetic left the supported range (${MIN_YEAR}–${MAX_YEAR}).`);
  }
  return formatParts(year, d.getUTCMonth() + 1, d.getUTCDate());
}

/** YYYY-MM-DD of numeric parts (no validation: callers pass real dates). */
export function formatParts(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `date` moved by `n` whole calendar days (negative goes back): `addDays('2028-02-28', 1)` is `2028-02-29`. */
export function addDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw invalid('A number of days must be a whole number.');
  return fromEpochDay(toEpochDay(date, 'Date') + n);
}

/** Calendar days from `from` to `to`: 0 for the same day, positive when `to` is later, negative when earlier. */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to, 'Date') - toEpochDay(from, 'Date');
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  // An empty or missing zone would silently fall back to the process zone; the rule is "always the shop's zone".
  if (typeof timeZone !== 'string' || timeZone.trim() === '') throw invalid('A time zone is required.');
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
  } catch {
    throw invalid(`Unknown time zone "${timeZone.slice(0, 64)}".`);
  }
  // Only zones the runtime accepted are cached, so the map is bounded by the IANA list.
  formatters.set(timeZone, formatter);
  return formatter;
}

/** True when the runtime knows `timeZone` as an IANA zone (e.g. `Europe/London`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The last `todayIn` answer: a view or an import over many batches asks for the same clock reading each time. */
let lastToday: { timeZone: string; nowMs: number; today: string } | null = null;

/** The calendar date (YYYY-MM-DD) in `timeZone` at the instant `nowMs` (ms since the Unix epoch). */
export function todayIn(timeZone: string, nowMs: number): string {
  if (lastToday !== null && lastToday.nowMs === nowMs && lastToday.timeZone === timeZone) return lastToday.today;
  const today = computeToday(timeZone, nowMs);
  lastToday = { timeZone, nowMs, today };
  return today;
}

function computeToday(timeZone: string, nowMs: number): string {
  const formatter = formatterFor(timeZone);
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatter.formatToParts(nowMs);
  } catch {
    throw invalid('The clock reading must be a valid number of milliseconds since 1970.');
  }
  const pick = (type: 'year' | 'month' | 'day'): number => Number(parts.find((p) => p.type === type)?.value);
  const era = parts.find((p) => p.type === 'era');
  const year = pick('year');
  const month = pick('month');
  const day = pick('day');
  if (era || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw invalid(`The clock reading is outside the supported years (${MIN_YEAR}–${MAX_YEAR}).`);
  }
  return formatParts(year, month, day);
}

/** Day of the week of a YYYY-MM-DD date, ISO 8601 numbering: Monday 1 … Sunday 7. */
export function isoWeekday(date: string): number {
  // 1970-01-01 (epoch day 0) was a Thursday.
  return ((((toEpochDay(date, 'Date') + 3) % 7) + 7) % 7) + 1;
}

/**
 * ISO 8601 week of a date: weeks start on Monday and week 1 holds the year's first Thursday, so
 * `2027-01-01` (a Friday) is week 53 of 2026 and `2024-12-30` (a Monday) is week 1 of 2025.
 */
export function isoWeek(date: string): { year: number; week: number } {
  const day = toEpochDay(date, 'Date');
  // The Thursday of the same Monday-to-Sunday week decides the year.
  const thursday = fromEpochDay(day - isoWeekday(date) + 4);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((toEpochDay(thursday, 'Date') - toEpochDay(formatParts(year, 1, 1), 'Date')) / 7) + 1;
  return { year, week };
}

/** The Monday that starts the ISO week of `date`. */
export function startOfIsoWeek(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * The first instant (ms since 1970) of calendar day `date` in `timeZone`: usually local midnight, but
 * the first minute after a DST jump where midnight does not exist (Santiago, 2024-09-08 starts at 01:00).
 * Found by bisection over ±14 h around UTC midnight, which covers every zone offset, using only `todayIn`.
 */
export function startOfDayIn(timeZone: string, date: string): number {
  const utcMidnight = toEpochDay(date, 'Date') * MS_PER_DAY;
  let lo = utcMidnight - 14 * 3_600_000; // still the previous day everywhere
  let hi = utcMidnight + 14 * 3_600_000; // already `date` (or later) everywhere
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (todayIn(timeZone, mid) < date) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Offset formatters per zone (only zones `formatterFor` accepted, so bounded by the IANA list). */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes `timeZone` is ahead of UTC at instant `atMs` (e.g. 60 for Europe/Berlin in winter, −300 for New York). */
export function zoneOffsetMinutes(timeZone: string, atMs: number): number {
  formatterFor(timeZone); // validates the zone with the usual error
  let offsets = offsetFormatters.get(timeZone);
  if (!offsets) {
    // Building an Intl formatter costs ~70 µs; a timeline page asks for dozens. Cached like `formatterFor`'s.
    offsets = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, offsets);
  }
  const parts = offsets.formatToParts(atMs);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (!match) throw invalid(`Cannot read the UTC offset of time zone "${timeZone.slice(0, 64)}".`);
  if (match[1] === undefined) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}
