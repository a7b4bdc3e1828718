import { describe, expect, it } from 'vitest';
import { deliveryWarnings, type FefoBatch, sellFirst } from './fefo';

const b = (id: string, expiryDate: string | null, arrivalDate = '2026-11-15', extra: Partial<FefoBatch> = {}): FefoBatch => ({
  id,
  productId: 'mince',
  arrivalDate,
  expiryDate,
  ...extra,
});

describe('fefo', () => {
  describe('sellFirst', () => {
    it('orders by expiry date, soonest first', () => {
      const batches = [b('c', '2026-11-30'), b('a', '2026-11-22'), b('b', '2026-11-25')];
      expect(sellFirst(batches).map((x) => x.id)).toEqual(['a', 'b', 'c']);
    });

    it('breaks expiry ties by earliest arrival, then by id', () => {
      const batches = [b('late', '2026-11-25', '2026-11-18'), b('z-early', '2026-11-25', '2026-11-16'), b('a-early', '2026-11-25', '2026-11-16')];
      expect(sellFirst(batches).map((x) => x.id)).toEqual(['a-early', 'z-early', 'late']);
    });

    it('puts batches without a known expiry last, by arrival', () => {
      const batches = [b('unknown-late', null, '2026-11-20'), b('dated', '2027-01-01'), b('unknown-early', null, '2026-11-10')];
      expect(sellFirst(batches).map((x) => x.id)).toEqual(['dated', 'unknown-early', 'unknown-late']);
    });

    it('leaves out inactive batches and keeps the input untouched', () => {
      const batches = [b('sold-out', '2026-11-20', undefined, { isActive: false }), b('y', '2026-11-28'), b('x', '2026-11-24', undefined, { isActive: true })];
      const before = batches.map((x) => x.id);
      expect(sellFirst(batches).map((x) => x.id)).toEqual(['x', 'y']);
      expect(batches.map((x) => x.id)).toEqual(before);
    });

    it('keeps the caller’s batch type', () => {
      const typed = [{ ...b('a', '2026-11-22'), label: 'Mince 500 g' }];
      expect(sellFirst(typed)[0]?.label).toBe('Mince 500 g');
    });
  });

  describe('deliveryWarnings', () => {
    const delivery = b('new', '2026-11-25', '2026-11-21');

    it('reports on-shelf batches of the same product that expire after the new delivery', () => {
      const existing = [b('later-2', '2026-11-30'), b('same-day', '2026-11-25'), b('sooner', '2026-11-23'), b('later-1', '2026-11-26')];
      expect(deliveryWarnings(delivery, existing).map((w) => [w.batch.id, w.expiresDaysLater])).toEqual([
        ['later-1', 1],
        ['later-2', 5],
      ]);
    });

    it('ignores other products, inactive batches, batches without a date and the delivery itself', () => {
      const existing = [
        b('other-product', '2026-11-30', undefined, { productId: 'sausages' }),
        b('discarded', '2026-11-30', undefined, { isActive: false }),
        b('undated', null),
        { ...delivery, expiryDate: '2026-12-01' },
      ];
      expect(deliveryWarnings(delivery, existing)).toEqual([]);
    });

    it('reports nothing when the new delivery has no expiry date', () => {
      expect(deliveryWarnings(b('new', null), [b('old', '2026-12-31')])).toEqual([]);
    });

    it('counts calendar days across a leap day', () => {
      const warnings = deliveryWarnings(b('new', '2028-02-28'), [b('old', '2028-03-01')]);
      expect(warnings[0]?.expiresDaysLater).toBe(2);
    });
  });
});
