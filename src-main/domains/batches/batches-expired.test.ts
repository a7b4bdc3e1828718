import { describe, expect, it } from 'vitest';
import { DEFAULT_DATE_RULE } from '../../../src-shared/domains/batches/freshness-rule';
import { batch, product, setupShop } from './batches.test-helpers';

/** Issue 7: a lot past its date (or off the shelf) is never offered for sale first. */

describe('expired and discarded lots', () => {
  it('gives an expired lot no "sell this lot first" warning and keeps it out of Sell first', async () => {
    const shop = await setupShop('2026-12-01T10:00:00Z');
    const cheese = await product(shop, { name: 'Goat cheese', shelfLifeDays: null, thresholds: DEFAULT_DATE_RULE });
    const { batch: later } = await batch(shop, cheese.id, { lot: 'LATER', productionDate: '2026-11-28', arrivalDate: '2026-11-29', expiryDate: '2026-12-10' });
    const created = await batch(shop, cheese.id, { lot: 'OLD', productionDate: '2026-11-20', arrivalDate: '2026-11-21', expiryDate: '2026-11-30' });
    expect(created.batch.status).toBe('expired');
    expect(created.warnings).toEqual([]);
    expect((await shop.call('get', { id: created.batch.id })).warnings).toEqual([]);

    const dashboard = await shop.call('dashboard', {});
    expect(dashboard.sellFirst.map((b) => b.lot)).toEqual(['LATER']);
    expect(dashboard.mustGo.map((b) => b.lot)).toEqual(['OLD']);

    // A lot still in date that expires first keeps its warning.
    const { batch: soon, warnings } = await batch(shop, cheese.id, {
      lot: 'SOON',
      productionDate: '2026-11-28',
      arrivalDate: '2026-12-01',
      expiryDate: '2026-12-03',
    });
    expect(warnings.map((w) => w.lot)).toEqual(['LATER']);
    expect((await shop.call('get', { id: soon.id })).warnings.map((w) => w.batchId)).toEqual([later.id]);
  });

  it('gives a discarded lot no warning and no place in Sell first', async () => {
    const shop = await setupShop('2026-12-01T10:00:00Z');
    const cheese = await product(shop, { name: 'Goat cheese', shelfLifeDays: null, thresholds: DEFAULT_DATE_RULE });
    await batch(shop, cheese.id, { lot: 'LATER', productionDate: '2026-11-28', arrivalDate: '2026-11-29', expiryDate: '2026-12-10' });
    const { batch: soon } = await batch(shop, cheese.id, {
      lot: 'SOON',
      productionDate: '2026-11-28',
      arrivalDate: '2026-12-01',
      expiryDate: '2026-12-03',
      quantity: 2,
    });
    await shop.call('recordMovement', { batchId: soon.id, kind: 'discarded', quantity: 2, reason: 'damaged' });
    expect((await shop.call('get', { id: soon.id })).warnings).toEqual([]);
    expect((await shop.call('dashboard', {})).sellFirst.map((b) => b.lot)).toEqual(['LATER']);
  });
});
