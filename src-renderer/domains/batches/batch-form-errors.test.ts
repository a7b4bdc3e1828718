import { describe, expect, it } from 'vitest';
import { batchFormErrors, parseQuantity, type BatchDraft } from './batch-form-errors';

const TODAY = '2026-11-20';
const PRODUCT = { shelfLifeDays: 5, thresholds: { kind: 'days-on-shelf', cautionFrom: 3, expiredFrom: 5 } } as const;
const draft = (over: Partial<BatchDraft> = {}): BatchDraft => ({
  productId: '01JD0000000000000000000000',
  lot: 'L-1',
  productionDate: '2026-11-19',
  arrivalDate: TODAY,
  expiryDate: '',
  quantity: '4',
  unit: '',
  supplier: '',
  location: '',
  notes: '',
  ...over,
});

describe('batchFormErrors: the batch form shows every error at once', () => {
  it('has nothing to say about a good draft', () => {
    expect(batchFormErrors(draft(), PRODUCT, TODAY)).toEqual({});
  });

  it('reports lot, quantity and a future production date together, not one per attempt', () => {
    const errors = batchFormErrors(draft({ lot: '', quantity: '', productionDate: '2026-11-25' }), PRODUCT, TODAY);
    expect(Object.keys(errors).sort()).toEqual(['arrivalDate', 'lot', 'productionDate', 'quantity']);
    expect(errors.lot).toBe('Enter the lot code');
    expect(errors.quantity).toBe('Enter a quantity above zero');
    expect(errors.productionDate).toMatch(/is in the future/);
  });

  it('rejects zero, negative and non-numeric quantities; accepts a decimal comma', () => {
    for (const quantity of ['0', '-2', 'abc', '  ']) expect(batchFormErrors(draft({ quantity }), PRODUCT, TODAY).quantity).toBe('Enter a quantity above zero');
    expect(batchFormErrors(draft({ quantity: '3,5' }), PRODUCT, TODAY)).toEqual({});
    expect(parseQuantity('3,5')).toBe(3.5);
  });

  it('asks for a product when there is none', () => {
    expect(batchFormErrors(draft({ productId: '' }), undefined, TODAY).productId).toBe('Choose a product, or add one');
  });
});

describe("batchFormErrors without the shop's today", () => {
  it('still reports the field problems and leaves the dates to main', () => {
    expect(batchFormErrors(draft({ lot: '', productionDate: '2099-01-01' }), PRODUCT, null)).toEqual({ lot: 'Enter the lot code' });
  });
});
