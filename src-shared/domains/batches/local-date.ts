import { AppError } from '../../ipc/result';

/**
 * Calendar-day arithmetic for the freshness register.
 *
 * A food date is a calendar day in the shop's time zone, never an instant. So:
 * - "today" comes from an injected clock (`nowMs`) and an IANA zone, via `Intl.DateTimeFormat`;
 *   nothing here reads `Date.now()` or the process time zone;
 * - arithmetic runs on date-only values mapped to UTC midnights (`Date.UTC`), where every day has
 *   exactly 86 400 000 ms, so a DST change can never make a 23- or 25-hour "day".
 * Pure: no node:*, no DOM; runs in main, the renderer and the exported customer page.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Years outside this range are rejected: `Date.UTC` maps years 0–99 to 1900–1999, and YYYY must stay 4 digits. */
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

const invalid = (message: string): AppError => new AppError('INVALID_INPUT', message);

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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

function formatParts(year: number, month: number, day: number): string {
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

/** The calendar date (YYYY-MM-DD) in `timeZone` at the instant `nowMs` (ms since the Unix epoch). */
export function todayIn(timeZone: string, nowMs: number): string {
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

/** The GS1 date form YYMMDD (AIs 11, 13, 15, 16, 17) of a YYYY-MM-DD date: `2026-12-31` → `261231`. */
export function toGs1Date(date: string): string {
  assertIsoDate(date, 'Date');
  return `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}`;
}

/** Options for `fromGs1Date`. */
export interface Gs1DateOptions {
  /**
   * Four-digit current year for the GS1 century rule (General Specifications §7.12): a YY more than 50
   * years ahead is last century, one 50 or more years behind is next century. Without it, 20YY.
   */
  referenceYear?: number;
  /**
   * How DD = 00 ("only year and month are known") resolves. GS1 reads it as the end of the month for
   * best-before and expiry (AIs 15, 16, 17); 'start-of-month' suits production dates (AI 11), where the
   * earliest possible day is the cautious reading. Default 'end-of-month'.
   */
  dayZero?: 'end-of-month' | 'start-of-month';
}

/** YYYY-MM-DD of a GS1 YYMMDD value; throws `INVALID_INPUT` for anything but a real date (or DD = 00). */
export function fromGs1Date(yymmdd: string, options: Gs1DateOptions = {}): string {
  const match = /^(\d{2})(\d{2})(\d{2})$/.exec(yymmdd);
  if (!match) throw invalid('A GS1 date must be six digits, YYMMDD.');
  const yy = Number(match[1]);
  const month = Number(match[2]);
  const dd = Number(match[3]);
  const year = resolveCentury(yy, options.referenceYear);
  if (month < 1 || month > 12) throw invalid(`GS1 date ${yymmdd} has no month ${match[2]}.`);
  const lastDay = daysInMonth(year, month);
  if (dd > lastDay) throw invalid(`GS1 date ${yymmdd} is not a real calendar date.`);
  const day = dd !== 0 ? dd : options.dayZero === 'start-of-month' ? 1 : lastDay;
  return formatParts(year, month, day);
}

function resolveCentury(yy: number, referenceYear: number | undefined): number {
  if (referenceYear === undefined) return 2000 + yy;
  if (!Number.isInteger(referenceYear) || referenceYear < MIN_YEAR + 100 || referenceYear > MAX_YEAR - 100) {
    throw invalid('The reference year must be a four-digit year.');
  }
  const century = Math.floor(referenceYear / 100) * 100;
  const diff = yy - (referenceYear % 100);
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}
