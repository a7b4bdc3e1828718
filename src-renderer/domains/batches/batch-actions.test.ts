import { describe, expect, it } from 'vitest';
import { mainAction, pastDateWarning, shopTodayOf } from './batch-actions';

describe('batch actions (issue 7)', () => {
  it('makes Discard the main action of an expired lot, Print labels of one on sale, and nothing once off the shelf', () => {
    expect(mainAction({ isActive: true, status: 'expired', remaining: 3 })).toBe('discard');
    expect(mainAction({ isActive: true, status: 'caution', remaining: 3 })).toBe('print');
    expect(mainAction({ isActive: true, status: 'fresh', remaining: 3 })).toBe('print');
    expect(mainAction({ isActive: false, status: 'expired', remaining: 0 })).toBe('none');
  });

  it('warns before saving a batch whose date (printed or from the shelf life) has passed', () => {
    const cheese = { shelfLifeDays: null, dateType: 'use-by' as const };
    expect(pastDateWarning({ productionDate: '2026-11-20', expiryDate: '2026-11-30' }, cheese, '2026-12-01')).toBe(
      'This batch is already past its use-by date (2026-11-30, 1 day ago): it will show as Expired and must not be sold. Save it anyway to log it, then discard it.',
    );
    expect(pastDateWarning({ productionDate: '2026-11-20', expiryDate: '2026-12-01' }, cheese, '2026-12-01')).toBeNull();
    expect(pastDateWarning({ productionDate: '2026-11-20', expiryDate: '' }, { shelfLifeDays: 3, dateType: 'best-before' }, '2026-12-01')).toContain(
      'best-before date (2026-11-23, 8 days ago)',
    );
    expect(pastDateWarning({ productionDate: '2026-11-20', expiryDate: '' }, cheese, '2026-12-01')).toBeNull();
    expect(pastDateWarning({ productionDate: 'nonsense', expiryDate: '' }, { shelfLifeDays: 3, dateType: 'use-by' }, '2026-12-01')).toBeNull();
  });

  it('finds the shop today from a batch summary', () => {
    expect(shopTodayOf({ arrivalDate: '2026-11-28', daysOnShelf: 3 })).toBe('2026-12-01');
  });
});
