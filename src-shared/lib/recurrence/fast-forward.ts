import { DAY, HOUR, MINUTE, SECOND } from './wall';
import type { ParsedRule } from './rule';

const FIXED_PERIOD: Record<string, number> = { SECONDLY: SECOND, MINUTELY: MINUTE, HOURLY: HOUR, DAILY: DAY, WEEKLY: 7 * DAY };

/**
 * A later DTSTART for iterating `rule` that yields exactly the same instances from `targetWall` on, or `startWall` itself.
 *
 * Why this is safe: an RRULE without COUNT is periodic. Its instances are built period by period (a day for DAILY, a week
 * starting on WKST for WEEKLY, …), every INTERVAL-th period counted from the one holding DTSTART, and inside a period the
 * BY* parts (BYSETPOS included) only look at that period. DTSTART itself contributes the defaults for missing BY* parts:
 * the time of day, the weekday (WEEKLY), the day of the month (MONTHLY), month and day (YEARLY). Moving DTSTART by a whole
 * number of INTERVAL periods keeps all of that: the same time, the same weekday (7-day steps keep the WKST week alignment),
 * the same day of month, the same period phase. So the new iteration is the old one minus the instances before the new
 * DTSTART, all of which lie before `targetWall` and are discarded anyway. ical.js does not emit a DTSTART that does not
 * match the rule, so a moved DTSTART adds nothing either. Not done:
 * - with COUNT (it counts from the real DTSTART);
 * - MONTHLY from a day after the 28th without BYDAY or BYMONTHDAY, YEARLY from 29 February (the moved day would not
 *   exist in every month or year);
 * - YEARLY with BYWEEKNO but no BYDAY (ical.js then takes the weekday from DTSTART, which a year step changes);
 * - sub-daily rules of all-day series (a step of hours would leave midnight).
 * recurrence.property.test.ts compares random rules with and without it, windows 10–20 years after DTSTART.
 */
export function fastForward(rule: ParsedRule, startWall: number, targetWall: number, isDate: boolean): number {
  if (rule.count !== null || targetWall <= startWall) return startWall;
  const fixed = FIXED_PERIOD[rule.freq];
  if (fixed !== undefined) {
    if (isDate && fixed < DAY) return startWall;
    const period = fixed * rule.interval;
    const k = Math.floor((targetWall - startWall) / period);
    return k > 0 ? startWall + k * period : startWall;
  }
  const start = new Date(startWall);
  const target = new Date(targetWall);
  const day = start.getUTCDate();
  const month = start.getUTCMonth();
  let months: number;
  // With BYDAY or BYMONTHDAY the days come from the rule, not from DTSTART's day of the month (only its time of day
  // counts), so a DTSTART after the 28th may move to the 1st of the period: the instances it would skip in that period
  // all lie before the target, one period back.
  const parts = rule.recur.parts as Record<string, unknown>;
  const dayFree = parts.BYDAY !== undefined || parts.BYMONTHDAY !== undefined;
  if (rule.freq === 'MONTHLY') {
    if (day > 28 && !dayFree) return startWall;
    months = (target.getUTCFullYear() - start.getUTCFullYear()) * 12 + target.getUTCMonth() - month - 1;
  } else {
    if ((month === 1 && day === 29) || (parts.BYWEEKNO !== undefined && parts.BYDAY === undefined)) return startWall;
    months = (target.getUTCFullYear() - start.getUTCFullYear() - 1) * 12;
  }
  const step = rule.freq === 'MONTHLY' ? rule.interval : 12 * rule.interval;
  const k = Math.floor(months / step);
  if (k <= 0) return startWall;
  const moved = new Date(startWall);
  if (day > 28) moved.setUTCDate(1); // MONTHLY with the days from the rule (above)
  moved.setUTCMonth(moved.getUTCMonth() + k * step); // day ≤ 28 (or not 29 Feb): never rolls over
  return moved.getTime();
}
