import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../ipc/result';
import {
  addDays,
  assertIsoDate,
  daysBetween,
  isValidIsoDate,
  isoWeek,
  isoWeekday,
  isValidTimeZone,
  startOfDayIn,
  startOfIsoWeek,
  todayIn,
  zoneOffsetMinutes,
} from './local-date';

function expectInvalid(fn: () => unknown, message?: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_INPUT');
    if (message) expect((error as AppError).message).toMatch(message);
    return;
  }
  throw new Error('expected an INVALID_INPUT AppError');
}

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

describe('local-date', () => {
  describe('isValidIsoDate', () => {
    it('accepts leap days only in leap years', () => {
      expect(isValidIsoDate('2028-02-29')).toBe(true);
      expect(isValidIsoDate('2000-02-29')).toBe(true);
      expect(isValidIsoDate('2025-02-29')).toBe(false);
      expect(isValidIsoDate('2100-02-29')).toBe(false);
    });

    it('rejects impossible months and days', () => {
      for (const bad of ['2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00', '2026-01-32']) {
        expect(isValidIsoDate(bad), bad).toBe(false);
      }
    });

    it('rejects other shapes, years outside 1000–9999 and non-strings', () => {
      for (const bad of ['2026-4-1', ' 2026-04-01', '2026-04-01T00:00', '20260401', '0999-12-31', '', null, 20260401]) {
        expect(isValidIsoDate(bad), String(bad)).toBe(false);
      }
      expect(isValidIsoDate('1000-01-01')).toBe(true);
      expect(isValidIsoDate('9999-12-31')).toBe(true);
    });

    it('names the field when asserting', () => {
      expectInvalid(() => assertIsoDate('2025-02-29', 'Arrival date'), /^Arrival date 2025-02-29 is not a real calendar date/);
      expectInvalid(() => assertIsoDate('29/02/2028', 'Arrival date'), /YYYY-MM-DD/);
    });
  });

  describe('addDays', () => {
    it('steps onto and over a leap day', () => {
      expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
      expect(addDays('2028-02-27', 3)).toBe('2028-03-01');
      expect(addDays('2027-02-27', 3)).toBe('2027-03-02');
      expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    });

    it('crosses month and year ends and adds zero as identity', () => {
      expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
      expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
      expect(addDays('2026-11-21', 0)).toBe('2026-11-21');
      expect(addDays('2026-01-31', 365)).toBe('2027-01-31');
    });

    it('moves whole calendar days over DST changes', () => {
      expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // EU spring forward on 29 March
      expect(addDays('2026-10-24', 2)).toBe('2026-10-26'); // EU fall back on 25 October
    });

    it('rejects fractional days, bad dates and results outside the supported years', () => {
      expectInvalid(() => addDays('2026-11-21', 1.5), /whole number/);
      expectInvalid(() => addDays('2026-11-21', Number.NaN), /whole number/);
      expectInvalid(() => addDays('2025-02-29', 1), /not a real calendar date/);
      expectInvalid(() => addDays('9999-12-31', 1), /supported range/);
    });
  });

  describe('daysBetween', () => {
    it('counts calendar days, signed', () => {
      expect(daysBetween('2026-11-21', '2026-11-21')).toBe(0);
      expect(daysBetween('2026-11-21', '2026-11-24')).toBe(3);
      expect(daysBetween('2026-11-24', '2026-11-21')).toBe(-3);
    });

    it('is exact across DST changes in any zone', () => {
      expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
      expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
      expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2); // US spring forward on 8 March
      expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2); // US fall back on 1 November
    });

    it('counts February 29 in leap years', () => {
      expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
      expect(daysBetween('2027-02-01', '2027-03-01')).toBe(28);
      expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    });

    it('does not depend on the process time zone', () => {
      for (const tz of ['Europe/Berlin', 'America/St_Johns', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect(daysBetween('2026-03-28', '2026-03-30'), tz).toBe(2);
        expect(addDays('2026-10-24', 1), tz).toBe('2026-10-25');
      }
    });
  });

  describe('todayIn', () => {
    it('turns over at local midnight in London, winter and summer', () => {
      expect(todayIn('Europe/London', Date.UTC(2026, 0, 15, 23, 59, 59, 999))).toBe('2026-01-15');
      expect(todayIn('Europe/London', Date.UTC(2026, 0, 16, 0, 0, 0, 0))).toBe('2026-01-16');
      // BST (UTC+1): local midnight is 23:00 UTC.
      expect(todayIn('Europe/London', Date.UTC(2026, 6, 15, 22, 59, 59, 999))).toBe('2026-07-15');
      expect(todayIn('Europe/London', Date.UTC(2026, 6, 15, 23, 0, 0, 0))).toBe('2026-07-16');
    });

    it('turns over at local midnight in New York and Auckland', () => {
      // EST (UTC−5): local midnight is 05:00 UTC the same date.
      expect(todayIn('America/New_York', Date.UTC(2026, 0, 16, 4, 59, 59, 999))).toBe('2026-01-15');
      expect(todayIn('America/New_York', Date.UTC(2026, 0, 16, 5, 0, 0, 0))).toBe('2026-01-16');
      // NZDT (UTC+13): local midnight is 11:00 UTC the previous date.
      expect(todayIn('Pacific/Auckland', Date.UTC(2026, 0, 15, 10, 59, 59, 999))).toBe('2026-01-15');
      expect(todayIn('Pacific/Auckland', Date.UTC(2026, 0, 15, 11, 0, 0, 0))).toBe('2026-01-16');
    });

    it('gives different days for one instant in different zones', () => {
      const instant = Date.UTC(2026, 0, 15, 12, 0, 0);
      expect(todayIn('Pacific/Auckland', instant)).toBe('2026-01-16');
      expect(todayIn('Europe/London', instant)).toBe('2026-01-15');
      expect(todayIn('Pacific/Honolulu', Date.UTC(2026, 0, 15, 9, 0, 0))).toBe('2026-01-14');
    });

    it('keeps the date through DST changes in Berlin and New York', () => {
      // Berlin spring forward, 29 March 2026 02:00 CET → 03:00 CEST.
      expect(todayIn('Europe/Berlin', Date.UTC(2026, 2, 28, 22, 59, 59, 999))).toBe('2026-03-28');
      expect(todayIn('Europe/Berlin', Date.UTC(2026, 2, 28, 23, 0, 0))).toBe('2026-03-29');
      expect(todayIn('Europe/Berlin', Date.UTC(2026, 2, 29, 1, 0, 0))).toBe('2026-03-29');
      expect(todayIn('Europe/Berlin', Date.UTC(2026, 2, 29, 21, 59, 59, 999))).toBe('2026-03-29');
      expect(todayIn('Europe/Berlin', Date.UTC(2026, 2, 29, 22, 0, 0))).toBe('2026-03-30');
      // Berlin fall back, 25 October 2026 03:00 CEST → 02:00 CET: a 25-hour day.
      expect(todayIn('Europe/Berlin', Date.UTC(2026, 9, 24, 22, 0, 0))).toBe('2026-10-25');
      expect(todayIn('Europe/Berlin', Date.UTC(2026, 9, 25, 22, 59, 59, 999))).toBe('2026-10-25');
      expect(todayIn('Europe/Berlin', Date.UTC(2026, 9, 25, 23, 0, 0))).toBe('2026-10-26');
      // New York: 8 March 2026 (23-hour day) and 1 November 2026 (25-hour day, 01:30 happens twice).
      expect(todayIn('America/New_York', Date.UTC(2026, 2, 9, 3, 59, 59, 999))).toBe('2026-03-08');
      expect(todayIn('America/New_York', Date.UTC(2026, 2, 9, 4, 0, 0))).toBe('2026-03-09');
      expect(todayIn('America/New_York', Date.UTC(2026, 10, 1, 5, 30, 0))).toBe('2026-11-01');
      expect(todayIn('America/New_York', Date.UTC(2026, 10, 1, 6, 30, 0))).toBe('2026-11-01');
      expect(todayIn('America/New_York', Date.UTC(2026, 10, 2, 4, 59, 59, 999))).toBe('2026-11-01');
      expect(todayIn('America/New_York', Date.UTC(2026, 10, 2, 5, 0, 0))).toBe('2026-11-02');
    });

    it('handles a day whose midnight does not exist (Santiago, 8 September 2024)', () => {
      expect(todayIn('America/Santiago', Date.UTC(2024, 8, 8, 3, 59, 59, 999))).toBe('2024-09-07');
      // Clocks jump from 24:00 −04 to 01:00 −03: the first instant of the new day.
      expect(todayIn('America/Santiago', Date.UTC(2024, 8, 8, 4, 0, 0))).toBe('2024-09-08');
    });

    it('ignores the process time zone', () => {
      const instant = Date.UTC(2026, 0, 15, 23, 30, 0);
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
        process.env.TZ = tz;
        expect(todayIn('Europe/London', instant), tz).toBe('2026-01-15');
      }
    });

    it('rejects unknown or empty zones and invalid clock readings', () => {
      expectInvalid(() => todayIn('Mars/Olympus_Mons', 0), /Unknown time zone/);
      expectInvalid(() => todayIn('', 0), /time zone is required/);
      expectInvalid(() => todayIn('Europe/London', Number.NaN), /valid number/);
      expectInvalid(() => todayIn('Europe/London', Number.POSITIVE_INFINITY), /valid number/);
      expect(isValidTimeZone('Europe/London')).toBe(true);
      expect(isValidTimeZone('Europe/Londres')).toBe(false);
    });
  });

  describe('ISO weeks', () => {
    it('numbers weeks from the week holding the first Thursday, across year ends', () => {
      expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 }); // a Thursday
      expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 }); // a Friday
      expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 }); // a Monday
      expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 }); // a Sunday
      expect(isoWeek('2026-06-15')).toEqual({ year: 2026, week: 25 });
      expect(isoWeek('2026-12-28')).toEqual({ year: 2026, week: 53 });
    });

    it('gives ISO weekdays and the Monday of the week', () => {
      expect(['2026-11-30', '2026-12-05', '2026-12-06', '1970-01-01'].map(isoWeekday)).toEqual([1, 6, 7, 4]);
      expect(startOfIsoWeek('2026-12-06')).toBe('2026-11-30');
      expect(startOfIsoWeek('2027-01-01')).toBe('2026-12-28');
      expectInvalid(() => isoWeek('2026-02-30'), /not a real calendar date/);
    });
  });

  describe('time-zone helpers', () => {
    it('finds the first instant of a day, including one whose midnight does not exist', () => {
      expect(startOfDayIn('Europe/London', '2026-07-16')).toBe(Date.UTC(2026, 6, 15, 23));
      expect(startOfDayIn('Pacific/Auckland', '2026-01-16')).toBe(Date.UTC(2026, 0, 15, 11));
      expect(startOfDayIn('America/Santiago', '2024-09-08')).toBe(Date.UTC(2024, 8, 8, 4));
      expect(startOfDayIn('UTC', '2026-03-29')).toBe(Date.UTC(2026, 2, 29));
    });

    it('reads the UTC offset on both sides of a DST change', () => {
      expect(zoneOffsetMinutes('Europe/Berlin', Date.UTC(2026, 2, 29, 0, 59))).toBe(60);
      expect(zoneOffsetMinutes('Europe/Berlin', Date.UTC(2026, 2, 29, 1, 0))).toBe(120);
      expect(zoneOffsetMinutes('America/New_York', Date.UTC(2026, 0, 15))).toBe(-300);
      expect(zoneOffsetMinutes('Asia/Kolkata', 0)).toBe(330);
      expect(zoneOffsetMinutes('UTC', 0)).toBe(0);
      expectInvalid(() => zoneOffsetMinutes('Mars/Olympus_Mons', 0), /Unknown time zone/);
    });
  });
});
