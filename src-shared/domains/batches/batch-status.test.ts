import { describe, expect, it } from 'vitest';
import { AppError } from '../../ipc/result';
import {
  type BatchStatusInput,
  computeBatchStatus,
  DEFAULT_DATE_RULE,
  DEFAULT_THRESHOLDS,
  describeRule,
  effectiveExpiryDate,
  FreshnessThresholds,
  type ShopClock,
  validateBatchDates,
} from './batch-status';
import { addDays } from '../../lib/local-date';

/** Noon UTC is the same calendar day in London; tests that care about midnight use explicit instants. */
const londonNoon = (date: string): ShopClock => ({ nowMs: Date.parse(`${date}T12:00:00Z`), timeZone: 'Europe/London' });
const TODAY = '2026-11-21';
const CLOCK = londonNoon(TODAY);

function batch(overrides: Partial<BatchStatusInput> = {}): BatchStatusInput {
  return {
    productionDate: TODAY,
    arrivalDate: TODAY,
    dateType: 'use-by',
    thresholds: DEFAULT_THRESHOLDS,
    ...overrides,
  };
}

function catchAppError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_INPUT');
    return error as AppError;
  }
  throw new Error('expected an INVALID_INPUT AppError');
}

describe('batch-status', () => {
  describe('default days-on-shelf rule', () => {
    it('is fresh on days 0–2, caution on 3–4 and expired from day 5, counting the arrival day as 0', () => {
      const expected = ['fresh', 'fresh', 'fresh', 'caution', 'caution', 'expired', 'expired'];
      expected.forEach((status, day) => {
        const arrivalDate = addDays(TODAY, -day);
        const info = computeBatchStatus(batch({ productionDate: arrivalDate, arrivalDate }), CLOCK);
        expect(info.daysOnShelf, `day ${day}`).toBe(day);
        expect(info.status, `day ${day}`).toBe(status);
      });
    });

    it('reports the shop day, and null expiry and days left when nothing gives a date', () => {
      expect(computeBatchStatus(batch(), CLOCK)).toEqual({
        status: 'fresh',
        daysOnShelf: 0,
        expiryDate: null,
        daysLeft: null,
        today: TODAY,
      });
    });

    it('honours custom thresholds at their exact boundaries, and equal values skip caution', () => {
      const thresholds = { kind: 'days-on-shelf', cautionFrom: 1, expiredFrom: 2 } as const;
      const at = (day: number) => computeBatchStatus(batch({ productionDate: '2026-11-01', arrivalDate: addDays(TODAY, -day), thresholds }), CLOCK).status;
      expect([at(0), at(1), at(2)]).toEqual(['fresh', 'caution', 'expired']);
      const noCaution = { kind: 'days-on-shelf', cautionFrom: 4, expiredFrom: 4 } as const;
      const arrived3 = batch({ productionDate: '2026-11-01', arrivalDate: addDays(TODAY, -3), thresholds: noCaution });
      const arrived4 = { ...arrived3, arrivalDate: addDays(TODAY, -4) };
      expect(computeBatchStatus(arrived3, CLOCK).status).toBe('fresh');
      expect(computeBatchStatus(arrived4, CLOCK).status).toBe('expired');
    });

    it('never reports negative days on shelf for an arrival dated after today', () => {
      const info = computeBatchStatus(batch({ arrivalDate: addDays(TODAY, 1) }), CLOCK);
      expect(info.daysOnShelf).toBe(0);
      expect(info.status).toBe('fresh');
    });
  });

  describe('expiry date', () => {
    it('is production date plus shelf life when no date is printed', () => {
      const info = computeBatchStatus(batch({ productionDate: '2026-11-19', arrivalDate: '2026-11-20', shelfLifeDays: 7 }), CLOCK);
      expect(info.expiryDate).toBe('2026-11-26');
      expect(info.daysLeft).toBe(5);
    });

    it('uses an explicit expiry date over the shelf life', () => {
      const input = batch({ productionDate: '2026-11-01', arrivalDate: '2026-11-20', shelfLifeDays: 30, expiryDate: '2026-11-20' });
      const info = computeBatchStatus(input, CLOCK);
      expect(info.expiryDate).toBe('2026-11-20');
      expect(info.daysLeft).toBe(-1);
      expect(info.status).toBe('expired');
      expect(effectiveExpiryDate({ productionDate: '2026-11-01', shelfLifeDays: 30, expiryDate: null })).toBe('2026-12-01');
    });

    it('crosses a leap day when adding shelf life', () => {
      expect(effectiveExpiryDate({ productionDate: '2028-02-27', shelfLifeDays: 3 })).toBe('2028-03-01');
      expect(effectiveExpiryDate({ productionDate: '2027-02-27', shelfLifeDays: 3 })).toBe('2027-03-02');
      const onLeapDay = computeBatchStatus(batch({ productionDate: '2028-02-27', arrivalDate: '2028-02-28', shelfLifeDays: 3 }), londonNoon('2028-02-29'));
      expect(onLeapDay).toMatchObject({ today: '2028-02-29', daysOnShelf: 1, expiryDate: '2028-03-01', daysLeft: 1, status: 'fresh' });
    });

    it('treats the date itself as the last sellable day and expires the batch the day after', () => {
      const input = batch({ expiryDate: TODAY, productionDate: '2026-11-20', arrivalDate: TODAY });
      expect(computeBatchStatus(input, CLOCK)).toMatchObject({ status: 'fresh', daysLeft: 0 });
      expect(computeBatchStatus(input, londonNoon('2026-11-22'))).toMatchObject({ status: 'expired', daysLeft: -1 });
    });

    it('expires a batch past its date whatever the threshold style says', () => {
      const styles: FreshnessThresholds[] = [
        { kind: 'days-on-shelf', cautionFrom: 100, expiredFrom: 200 },
        { kind: 'days-before-expiry', cautionWithinDays: 0 },
      ];
      for (const thresholds of styles) {
        const input = batch({ productionDate: '2026-11-10', arrivalDate: TODAY, expiryDate: '2026-11-20', thresholds });
        expect(computeBatchStatus(input, CLOCK).status, thresholds.kind).toBe('expired');
      }
    });

    it('gives a best-before product and a use-by product the same boundary', () => {
      for (const dateType of ['use-by', 'best-before'] as const) {
        const input = batch({ dateType, productionDate: '2026-11-18', arrivalDate: '2026-11-20', shelfLifeDays: 3 });
        expect(computeBatchStatus(input, londonNoon('2026-11-21')).status, dateType).toBe('fresh');
        expect(computeBatchStatus(input, londonNoon('2026-11-22')).status, dateType).toBe('expired');
      }
    });
  });

  describe('days-before-expiry thresholds', () => {
    const thresholds = { kind: 'days-before-expiry', cautionWithinDays: 2 } as const;
    const withDaysLeft = (daysLeft: number) =>
      computeBatchStatus(batch({ productionDate: '2026-11-01', arrivalDate: '2026-11-01', expiryDate: addDays(TODAY, daysLeft), thresholds }), CLOCK);

    it('is caution within N days of the date, counting the date itself, and expired after it', () => {
      expect(withDaysLeft(3).status).toBe('fresh');
      expect(withDaysLeft(2).status).toBe('caution');
      expect(withDaysLeft(0).status).toBe('caution');
      expect(withDaysLeft(-1).status).toBe('expired');
    });

    it('ignores days on shelf', () => {
      expect(withDaysLeft(10)).toMatchObject({ daysOnShelf: 20, status: 'fresh' });
    });

    it('with 0 days flags only the date itself', () => {
      const input = batch({ expiryDate: addDays(TODAY, 1), thresholds: { kind: 'days-before-expiry', cautionWithinDays: 0 } });
      expect(computeBatchStatus(input, CLOCK).status).toBe('fresh');
      expect(computeBatchStatus(input, londonNoon('2026-11-22')).status).toBe('caution');
    });

    it('never calls a batch without a date fresh: caution, to check the pack (no silent shelf-age default)', () => {
      const input = batch({ productionDate: TODAY, arrivalDate: TODAY, thresholds });
      expect(computeBatchStatus(input, CLOCK)).toMatchObject({ expiryDate: null, daysOnShelf: 0, status: 'caution' });
      const old = batch({ productionDate: '2026-11-01', arrivalDate: '2026-11-01', thresholds });
      expect(computeBatchStatus(old, CLOCK)).toMatchObject({ daysOnShelf: 20, status: 'caution' });
    });
  });

  describe('one rule per product (issue 7)', () => {
    // The reported case: goat cheese, use-by 4 December, delivered 26 November, looked at on 1 December.
    const cheese = (thresholds: FreshnessThresholds) =>
      batch({ productionDate: '2026-11-25', arrivalDate: '2026-11-26', expiryDate: '2026-12-04', thresholds });

    it('never expires a dated batch before its date, even under the shelf-age rule', () => {
      expect(computeBatchStatus(cheese(DEFAULT_THRESHOLDS), londonNoon('2026-12-01'))).toMatchObject({ daysOnShelf: 5, daysLeft: 3, status: 'caution' });
      expect(computeBatchStatus(cheese(DEFAULT_THRESHOLDS), londonNoon('2026-12-04')).status).toBe('caution');
      expect(computeBatchStatus(cheese(DEFAULT_THRESHOLDS), londonNoon('2026-12-05')).status).toBe('expired');
    });

    it('judges a dated batch by its date under the date rule, whatever its days on the shelf', () => {
      expect(computeBatchStatus(cheese(DEFAULT_DATE_RULE), londonNoon('2026-12-01'))).toMatchObject({ daysLeft: 3, status: 'fresh' });
      expect(computeBatchStatus(cheese(DEFAULT_DATE_RULE), londonNoon('2026-12-02')).status).toBe('caution');
    });

    it('still expires an undated batch by its days on the shelf under the shelf-age rule', () => {
      const undated = batch({ productionDate: '2026-11-16', arrivalDate: '2026-11-16' });
      expect(computeBatchStatus(undated, CLOCK)).toMatchObject({ daysLeft: null, daysOnShelf: 5, status: 'expired' });
    });

    it('describes each rule in words', () => {
      expect(describeRule(DEFAULT_DATE_RULE)).toBe('by the date; sell soon within 2 days');
      expect(describeRule({ kind: 'days-before-expiry', cautionWithinDays: 0 })).toBe('by the date; sell soon on the date itself');
      expect(describeRule(DEFAULT_THRESHOLDS)).toBe('by days on the shelf; caution from day 3, expired from day 5');
    });

    it('asks for a date when a batch of a product sold by its date has none', () => {
      const noDate = { productionDate: '2026-11-20', arrivalDate: TODAY, thresholds: DEFAULT_DATE_RULE };
      expect(catchAppError(() => validateBatchDates(noDate, CLOCK)).issues).toEqual([
        { path: 'expiryDate', message: 'This product is sold by its date: enter the date printed on the pack (or give the product a shelf life).' },
      ]);
      expect(() => validateBatchDates({ ...noDate, shelfLifeDays: 5 }, CLOCK)).not.toThrow();
      expect(() => validateBatchDates({ ...noDate, expiryDate: '2026-11-30' }, CLOCK)).not.toThrow();
      expect(() => validateBatchDates({ ...noDate, thresholds: DEFAULT_THRESHOLDS }, CLOCK)).not.toThrow();
    });
  });

  describe('midnight and time zones', () => {
    // Arrived 13 January: day 2 until local midnight ending the 15th, day 3 (caution) from then.
    const arrived13 = batch({ productionDate: '2026-01-12', arrivalDate: '2026-01-13', expiryDate: '2026-01-15' });
    const cases = [
      { timeZone: 'Europe/London', lastMs: Date.UTC(2026, 0, 15, 23, 59, 59, 999) },
      { timeZone: 'America/New_York', lastMs: Date.UTC(2026, 0, 16, 4, 59, 59, 999) },
      { timeZone: 'Pacific/Auckland', lastMs: Date.UTC(2026, 0, 15, 10, 59, 59, 999) },
    ];

    for (const { timeZone, lastMs } of cases) {
      it(`turns the day over at local midnight in ${timeZone}`, () => {
        const before = computeBatchStatus(arrived13, { nowMs: lastMs, timeZone });
        const after = computeBatchStatus(arrived13, { nowMs: lastMs + 1, timeZone });
        expect(before).toMatchObject({ today: '2026-01-15', daysOnShelf: 2, daysLeft: 0, status: 'fresh' });
        expect(after).toMatchObject({ today: '2026-01-16', daysOnShelf: 3, daysLeft: -1, status: 'expired' });
      });
    }

    it('turns the day over at midnight in London summer time', () => {
      const input = batch({ productionDate: '2026-07-13', arrivalDate: '2026-07-13' });
      expect(computeBatchStatus(input, { nowMs: Date.UTC(2026, 6, 15, 22, 59, 59, 999), timeZone: 'Europe/London' }).status).toBe('fresh');
      expect(computeBatchStatus(input, { nowMs: Date.UTC(2026, 6, 15, 23, 0, 0), timeZone: 'Europe/London' }).status).toBe('caution');
    });

    it('reads one instant as each shop’s own calendar day', () => {
      const nowMs = Date.UTC(2026, 0, 15, 12, 0, 0);
      expect(computeBatchStatus(arrived13, { nowMs, timeZone: 'Pacific/Auckland' }).status).toBe('expired');
      expect(computeBatchStatus(arrived13, { nowMs, timeZone: 'America/New_York' }).status).toBe('fresh');
    });
  });

  describe('DST changes', () => {
    // Each pair is the last millisecond of day 2 and the first of day 3 after arrival, in local time.
    const cases = [
      { name: 'Berlin spring forward (29 Mar)', timeZone: 'Europe/Berlin', arrival: '2026-03-27', lastMs: Date.UTC(2026, 2, 29, 21, 59, 59, 999) },
      { name: 'Berlin fall back (25 Oct)', timeZone: 'Europe/Berlin', arrival: '2026-10-23', lastMs: Date.UTC(2026, 9, 25, 22, 59, 59, 999) },
      { name: 'New York spring forward (8 Mar)', timeZone: 'America/New_York', arrival: '2026-03-06', lastMs: Date.UTC(2026, 2, 9, 3, 59, 59, 999) },
      { name: 'New York fall back (1 Nov)', timeZone: 'America/New_York', arrival: '2026-10-30', lastMs: Date.UTC(2026, 10, 2, 4, 59, 59, 999) },
    ];

    for (const { name, timeZone, arrival, lastMs } of cases) {
      it(`counts whole calendar days across ${name}`, () => {
        const input = batch({ productionDate: arrival, arrivalDate: arrival });
        expect(computeBatchStatus(input, { nowMs: lastMs, timeZone })).toMatchObject({ daysOnShelf: 2, status: 'fresh' });
        expect(computeBatchStatus(input, { nowMs: lastMs + 1, timeZone })).toMatchObject({ daysOnShelf: 3, status: 'caution' });
      });
    }
  });

  describe('bad input', () => {
    it('rejects malformed dates and unknown zones', () => {
      expect(catchAppError(() => computeBatchStatus(batch({ arrivalDate: '2025-02-29' }), CLOCK)).message).toMatch(/Arrival date/);
      expect(catchAppError(() => computeBatchStatus(batch({ expiryDate: '21/11/2026' }), CLOCK)).message).toMatch(/Expiry date/);
      expect(catchAppError(() => computeBatchStatus(batch({ shelfLifeDays: -1 }), CLOCK)).message).toMatch(/Shelf life/);
      catchAppError(() => computeBatchStatus(batch(), { nowMs: CLOCK.nowMs, timeZone: 'Nowhere/Town' }));
    });
  });

  describe('validateBatchDates', () => {
    const valid = { productionDate: '2026-11-19', arrivalDate: '2026-11-20', expiryDate: '2026-11-26', shelfLifeDays: 7 };

    it('accepts consistent dates, same-day production and arrival, and an already passed expiry', () => {
      expect(() => validateBatchDates(valid, CLOCK)).not.toThrow();
      expect(() => validateBatchDates({ productionDate: TODAY, arrivalDate: TODAY, expiryDate: TODAY }, CLOCK)).not.toThrow();
      expect(() => validateBatchDates({ ...valid, expiryDate: '2026-11-19' }, CLOCK)).not.toThrow();
      expect(() => validateBatchDates({ productionDate: '2028-02-29', arrivalDate: '2028-02-29' }, londonNoon('2028-03-01'))).not.toThrow();
    });

    it('rejects an arrival before production', () => {
      const error = catchAppError(() => validateBatchDates({ ...valid, arrivalDate: '2026-11-18' }, CLOCK));
      expect(error.message).toBe('Arrival date 2026-11-18 is before the production date 2026-11-19.');
      expect(error.issues).toEqual([{ path: 'arrivalDate', message: error.message }]);
    });

    it('rejects production and arrival dates after today in the shop’s zone', () => {
      const tomorrow = '2026-11-22';
      const production = catchAppError(() => validateBatchDates({ ...valid, productionDate: tomorrow, arrivalDate: tomorrow }, CLOCK));
      expect(production.issues?.map((i) => i.path)).toEqual(['productionDate', 'arrivalDate']);
      expect(production.message).toMatch(/Production date 2026-11-22 is in the future \(today is 2026-11-21\)/);
      const arrival = catchAppError(() => validateBatchDates({ ...valid, arrivalDate: tomorrow }, CLOCK));
      expect(arrival.message).toMatch(/Arrival date 2026-11-22 is in the future/);
    });

    it('judges "future" by the shop’s local day, not UTC', () => {
      // 11:00 UTC on 15 January is already 16 January in Auckland, but still the 15th in London.
      const nowMs = Date.UTC(2026, 0, 15, 11, 0, 0);
      const input = { productionDate: '2026-01-16', arrivalDate: '2026-01-16' };
      expect(() => validateBatchDates(input, { nowMs, timeZone: 'Pacific/Auckland' })).not.toThrow();
      catchAppError(() => validateBatchDates(input, { nowMs, timeZone: 'Europe/London' }));
    });

    it('rejects an expiry before production but accepts one on the production day', () => {
      const error = catchAppError(() => validateBatchDates({ ...valid, expiryDate: '2026-11-18' }, CLOCK));
      expect(error.message).toBe('Expiry date 2026-11-18 is before the production date 2026-11-19.');
      expect(() => validateBatchDates({ ...valid, expiryDate: '2026-11-19' }, CLOCK)).not.toThrow();
    });

    it('rejects impossible and malformed dates and bad shelf lives, reporting every problem', () => {
      const error = catchAppError(() =>
        validateBatchDates({ productionDate: '2025-02-29', arrivalDate: '20-11-2026', expiryDate: '2026-02-30', shelfLifeDays: 1.5 }, CLOCK),
      );
      expect(error.issues).toEqual([
        { path: 'productionDate', message: 'Production date 2025-02-29 is not a real calendar date.' },
        { path: 'arrivalDate', message: 'Arrival date must be a date written as YYYY-MM-DD.' },
        { path: 'expiryDate', message: 'Expiry date 2026-02-30 is not a real calendar date.' },
        { path: 'shelfLifeDays', message: 'Shelf life must be a whole number of days from 0 to 3650.' },
      ]);
    });
  });

  describe('threshold schemas', () => {
    it('accepts the default and each style', () => {
      expect(FreshnessThresholds.parse(DEFAULT_THRESHOLDS)).toEqual({ kind: 'days-on-shelf', cautionFrom: 3, expiredFrom: 5 });
      expect(FreshnessThresholds.safeParse({ kind: 'days-before-expiry', cautionWithinDays: 2 }).success).toBe(true);
    });

    it('rejects caution after expiry, out-of-range numbers, unknown kinds and extra keys', () => {
      const bad: unknown[] = [
        { kind: 'days-on-shelf', cautionFrom: 5, expiredFrom: 3 },
        { kind: 'days-on-shelf', cautionFrom: 0, expiredFrom: 0 },
        { kind: 'days-on-shelf', cautionFrom: -1, expiredFrom: 3 },
        { kind: 'days-on-shelf', cautionFrom: 1.5, expiredFrom: 3 },
        { kind: 'days-before-expiry', cautionWithinDays: 4000 },
        // The percentage style is gone (migration 0004 moved its products to the date rule).
        { kind: 'percent-of-shelf-life', cautionAtPercent: 50, expiredAtPercent: 100 },
        { kind: 'weeks', cautionFrom: 1 },
        { ...DEFAULT_THRESHOLDS, extra: true },
      ];
      for (const value of bad) expect(FreshnessThresholds.safeParse(value).success, JSON.stringify(value)).toBe(false);
    });
  });
});
