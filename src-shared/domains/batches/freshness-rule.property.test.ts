import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBatchStatus, effectiveExpiryDate } from './batch-status';
import { batchOf, caseArb } from './freshness-rule.test-helpers';
import { daysBetween } from '../../lib/local-date';

/** Issue 7: for any product, dates, instant and shop zone, the status agrees with the date on the pack. */

describe('freshness rule: property', () => {
  it('never calls a dated batch expired before its date nor fresh after it; the date rule goes by the date alone', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { today, input } = batchOf(c);
        const info = computeBatchStatus(input, { nowMs: c.nowMs, timeZone: c.timeZone });
        const date = effectiveExpiryDate(input);
        expect(info.today).toBe(today);
        expect(info.expiryDate).toBe(date);
        if (date !== null) {
          expect(info.daysLeft).toBe(daysBetween(today, date));
          expect(info.status === 'expired').toBe(today > date);
          if (c.rule.kind === 'days-before-expiry') expect(info.status === 'fresh').toBe(daysBetween(today, date) > c.rule.cautionWithinDays);
        } else if (c.rule.kind === 'days-on-shelf') {
          const days = daysBetween(input.arrivalDate, today);
          expect(info.status).toBe(days >= c.rule.expiredFrom ? 'expired' : days >= c.rule.cautionFrom ? 'caution' : 'fresh');
        } else {
          expect(info.status).toBe('caution');
        }
      }),
      { numRuns: 2000 },
    );
  });
});
