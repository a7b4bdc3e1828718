import ICAL from 'ical.js';
import { AppError } from '../../ipc/result';
import { DAY, parseDate, parseLocal } from './wall';
import type { When, ZoneResolver } from './types';

type IcalRecur = InstanceType<typeof ICAL.Recur>;
type IcalTime = InstanceType<typeof ICAL.Time>;

export interface ParsedRule {
  recur: IcalRecur;
  freq: string;
  interval: number;
  count: number | null;
  /** UNTIL as a wall ms in the series frame (inclusive), or null. */
  untilWall: number | null;
  /** Day filters (BYMONTH, BYMONTHDAY, BYYEARDAY) of a DAILY-or-faster rule, applied by iterate.ts instead of ical.js. */
  dayFilter: ((wall: number) => boolean) | null;
  /** COUNT counted by iterate.ts (when dayFilter is set, ical.js would count unfiltered steps). */
  ownCount: number | null;
}

const SUB_DAILY_OR_DAILY = new Set(['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY']);
const DAY_PARTS = ['BYMONTH', 'BYMONTHDAY', 'BYYEARDAY'] as const;

/**
 * For DAILY and faster rules ical.js applies BYMONTH/BYMONTHDAY/BYYEARDAY by stepping inside one `next()` call until a
 * step matches: a negative BYMONTHDAY (never equal to a day number there) or an impossible day (BYMONTH=2;BYMONTHDAY=30)
 * loops forever, and FREQ=SECONDLY;BYMONTH=2 seen from June takes 20 million steps in one call. So these parts are
 * taken out of the rule and applied here, one budgeted step at a time (they only keep or drop whole days, so the rest of
 * the rule, BYSETPOS included, is unchanged). Negative values count from the end of the month or year (RFC 5545).
 */
function takeDayFilter(recur: IcalRecur): ((wall: number) => boolean) | null {
  const parts = recur.parts as Record<string, number[] | undefined>;
  if (!SUB_DAILY_OR_DAILY.has(recur.freq) || !DAY_PARTS.some((p) => parts[p] !== undefined)) return null;
  const months = parts.BYMONTH;
  const monthDays = parts.BYMONTHDAY;
  const yearDays = parts.BYYEARDAY;
  for (const p of DAY_PARTS) delete parts[p];
  return (wall) => {
    const d = new Date(wall);
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    if (months && !months.includes(month)) return false;
    if (monthDays) {
      const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
      if (!monthDays.some((v) => (v > 0 ? v : length + 1 + v) === day)) return false;
    }
    if (yearDays) {
      const length = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY;
      const doy = (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / DAY + 1;
      if (!yearDays.some((v) => (v > 0 ? v : length + 1 + v) === doy)) return false;
    }
    return true;
  };
}

const FREQS = new Set(['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const MAX_RULE_LENGTH = 2000;

const invalid = (rule: string, why: string): AppError => new AppError('INVALID_INPUT', `Recurrence rule "${rule.slice(0, 80)}" is not valid: ${why}`);

/** A floating ical.js time for a wall ms (all recurrence arithmetic runs on floating wall times, see wall.ts). */
export function icalTime(wall: number, isDate: boolean): IcalTime {
  const d = new Date(wall);
  return ICAL.Time.fromData({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: isDate ? 0 : d.getUTCHours(),
    minute: isDate ? 0 : d.getUTCMinutes(),
    second: isDate ? 0 : d.getUTCSeconds(),
    isDate,
  });
}

export function wallOf(time: IcalTime): number {
  return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
}

/** Wall ms of a series start. */
export function startWall(start: When): number {
  if (start.kind === 'date') return parseDate(start.date);
  if (start.kind === 'utc') return start.ms;
  return parseLocal(start.local);
}

/**
 * UNTIL in the series frame. RFC 5545 wants UNTIL in UTC for zoned starts, a DATE for all-day ones, local for floating;
 * files mix them, so every form is read:
 * - a UTC UNTIL becomes the series zone's wall time (floating and all-day series: the viewer zone's). For an all-day series
 *   a date is kept when its start (midnight in the viewer zone) is not after UNTIL: Outlook's 20240728T230000Z (midnight
 *   29 July in London) keeps 29 July for a viewer in London, not for one in New York;
 * - a DATE UNTIL on a date-time series keeps every instance of that day (until 23:59:59 of it);
 * - a floating UNTIL is read as a wall time in the series frame.
 */
function untilWallOf(until: IcalTime, start: When, zones: ZoneResolver, viewerZone: string): number {
  const wall = wallOf(until);
  const isUtc = until.zone?.tzid === 'UTC' && !until.isDate;
  let out = wall;
  if (until.isDate) out = start.kind === 'date' ? wall : wall + DAY - 1000;
  else if (isUtc && start.kind === 'zoned') out = parseLocal(zones.fromUtc(wall, start.tz));
  else if (isUtc && (start.kind === 'floating' || start.kind === 'date')) out = parseLocal(zones.fromUtc(wall, viewerZone));
  return start.kind === 'date' ? Math.floor(out / DAY) * DAY : out;
}

/** Parses an RRULE value with ical.js; anything it cannot iterate is INVALID_INPUT. */
export function parseRule(rule: string, start: When, zones: ZoneResolver, viewerZone: string): ParsedRule {
  if (typeof rule !== 'string' || rule.length === 0 || rule.length > MAX_RULE_LENGTH) throw invalid(String(rule), 'expected a non-empty RRULE value.');
  // ical.js quietly reads a bad INTERVAL (0, -1) as 1: check the numbers as written.
  for (const [, name = '', value = ''] of rule.matchAll(/(?:^|;)(INTERVAL|COUNT)=([^;]*)/gi)) {
    if (!/^[1-9]\d{0,8}$/.test(value)) throw invalid(rule, `${name.toUpperCase()} must be a positive whole number.`);
  }
  let recur: IcalRecur;
  let dayFilter: ParsedRule['dayFilter'];
  try {
    recur = ICAL.Recur.fromString(rule.trim().replace(/^RRULE:/i, ''));
    if (!recur.freq || !FREQS.has(recur.freq)) throw invalid(rule, 'FREQ is missing.');
    dayFilter = takeDayFilter(recur);
    recur.iterator(icalTime(startWall(start), start.kind === 'date')); // ical.js checks BY* values while building the iterator
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(rule, error instanceof Error ? error.message.slice(0, 200) : 'unreadable.');
  }
  if (!Number.isSafeInteger(recur.interval) || recur.interval < 1) throw invalid(rule, 'INTERVAL must be a positive whole number.');
  const count = recur.count ?? null;
  if (count !== null && (!Number.isSafeInteger(count) || count < 1)) throw invalid(rule, 'COUNT must be a positive whole number.');
  let untilWall: number | null = null;
  if (recur.until) {
    untilWall = untilWallOf(recur.until, start, zones, viewerZone);
    if (!Number.isFinite(untilWall)) throw invalid(rule, 'UNTIL is not a real date.');
    // From here on ical.js compares floating wall times with a floating UNTIL: no zone mixing inside the iterator.
    recur.until = icalTime(untilWall, start.kind === 'date');
  }
  let ownCount: number | null = null;
  if (dayFilter && count !== null) {
    ownCount = count;
    recur.count = null;
  }
  return { recur, freq: recur.freq, interval: recur.interval, count, untilWall, dayFilter, ownCount };
}
