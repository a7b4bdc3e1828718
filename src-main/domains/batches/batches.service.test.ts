import { describe, expect, it } from 'vitest';
import { computeGtinCheckDigit } from '../../../src-shared/domains/batches/gtin';
import { errorOf } from '../../test/helpers';
import { batch, product, setupShop } from './batches.test-helpers';

describe('batches.service: products', () => {
  it('stores a GTIN in 14 digits, marks an in-store RCN as local and rejects a bad check digit', async () => {
    const shop = await setupShop();
    const global = await product(shop, { name: 'Milk 1 l', gtin: '5901234123457' });
    expect(global).toMatchObject({ gtin: '5901234123457', gtin14: '05901234123457', isLocal: false, activeBatches: 0 });
    const rcnBody = '201234567890';
    const local = await product(shop, { name: 'Ham slices', gtin: `${rcnBody}${computeGtinCheckDigit(rcnBody)}` });
    expect(local.isLocal).toBe(true);
    const bad = await errorOf(() => product(shop, { name: 'Cheese', gtin: '5901234123458' }));
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toContain('check digit');
  });

  it('keeps product names and GTINs unique and refuses to delete a product with stock on the shelf', async () => {
    const shop = await setupShop();
    const bread = await product(shop);
    expect((await errorOf(() => product(shop, { name: 'RYE BREAD' }))).code).toBe('CONFLICT');
    await product(shop, { name: 'Milk', gtin: '5901234123457' });
    expect((await errorOf(() => product(shop, { name: 'Milk 2', gtin: '05901234123457' }))).issues?.[0]?.path).toBe('gtin');
    await batch(shop, bread.id);
    expect((await errorOf(() => shop.call('deleteProduct', { id: bread.id }))).code).toBe('CONFLICT');
    const milk = (await shop.call('listProducts')).find((p) => p.name === 'Milk');
    await shop.call('deleteProduct', { id: milk!.id });
    expect((await shop.call('listProducts')).map((p) => [p.name, p.activeBatches])).toEqual([['Rye bread', 1]]);
  });
});

describe('batches.service: batches and status', () => {
  it('computes status with the injected clock and zone: fresh, caution from day 3, expired from day 5 (undated, shelf-age rule)', async () => {
    const shop = await setupShop('2026-11-20T10:00:00Z');
    const p = await product(shop, { shelfLifeDays: null });
    const { batch: b } = await batch(shop, p.id);
    expect(b).toMatchObject({ status: 'fresh', daysOnShelf: 0, expiryDate: null, daysLeft: null, remaining: 10, unit: 'pcs', isActive: true });
    shop.setNow('2026-11-23T10:00:00Z');
    expect((await shop.call('get', { id: b.id })).batch).toMatchObject({ status: 'caution', daysOnShelf: 3 });
    shop.setNow('2026-11-25T10:00:00Z');
    expect((await shop.call('get', { id: b.id })).batch).toMatchObject({ status: 'expired', daysOnShelf: 5 });
  });

  it('uses the shop time zone for the calendar day, not UTC', async () => {
    const shop = await setupShop('2026-11-20T10:00:00Z', 'UTC');
    const p = await product(shop);
    const { batch: b } = await batch(shop, p.id);
    await shop.call('setSettings', { timeZone: 'Pacific/Auckland' });
    // 2026-11-22 11:30 UTC is already the 23rd in Auckland (UTC+13): three days on the shelf.
    shop.setNow('2026-11-22T11:30:00Z');
    expect((await shop.call('get', { id: b.id })).batch.daysOnShelf).toBe(3);
    expect((await shop.call('getSettings')).resolvedTimeZone).toBe('Pacific/Auckland');
  });

  it('rejects arrival before production and future arrivals, with field paths', async () => {
    const shop = await setupShop();
    const p = await product(shop);
    const err = await errorOf(() => batch(shop, p.id, { productionDate: '2026-11-19', arrivalDate: '2026-11-18' }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.issues?.map((i) => i.path)).toEqual(['arrivalDate']);
    const future = await errorOf(() => batch(shop, p.id, { arrivalDate: '2026-11-21' }));
    expect(future.issues?.[0]?.message).toContain('in the future');
    expect((await errorOf(() => batch(shop, p.id, { productionDate: '2026-02-30' }))).code).toBe('INVALID_INPUT');
  });

  it('keeps lots unique per product, but the same lot may exist for another product', async () => {
    const shop = await setupShop();
    const bread = await product(shop);
    const milk = await product(shop, { name: 'Milk' });
    await batch(shop, bread.id, { lot: 'A1' });
    const dup = await errorOf(() => batch(shop, bread.id, { lot: 'A1' }));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.issues?.[0]?.path).toBe('lot');
    await expect(batch(shop, milk.id, { lot: 'A1' })).resolves.toBeTruthy();
  });

  it('prefers an explicit expiry date over production + shelf life', async () => {
    const shop = await setupShop();
    const p = await product(shop, { shelfLifeDays: 10 });
    const { batch: b } = await batch(shop, p.id, { expiryDate: '2026-11-22' });
    expect(b).toMatchObject({ explicitExpiryDate: '2026-11-22', expiryDate: '2026-11-22', daysLeft: 2 });
  });

  it('warns when a new delivery expires before stock already on the shelf (FEFO)', async () => {
    const shop = await setupShop();
    const p = await product(shop, { shelfLifeDays: null });
    const old = await batch(shop, p.id, { lot: 'OLD', productionDate: '2026-11-10', arrivalDate: '2026-11-12', expiryDate: '2026-11-30' });
    expect(old.warnings).toEqual([]);
    const fresh = await batch(shop, p.id, { lot: 'NEW', expiryDate: '2026-11-25' });
    expect(fresh.warnings).toEqual([{ batchId: old.batch.id, lot: 'OLD', expiryDate: '2026-11-30', expiresDaysLater: 5 }]);
    expect((await shop.call('get', { id: fresh.batch.id })).warnings).toHaveLength(1);
  });
});

describe('batches.service: stock movements and waste', () => {
  it('sells and discards, never below zero; at zero the batch leaves the active list', async () => {
    const shop = await setupShop();
    const p = await product(shop);
    const { batch: b } = await batch(shop, p.id, { quantity: 10 });
    expect((await shop.call('recordMovement', { batchId: b.id, kind: 'sold', quantity: 4 })).remaining).toBe(6);
    const noReason = await errorOf(() => shop.call('recordMovement', { batchId: b.id, kind: 'discarded', quantity: 1 }));
    expect(noReason.issues?.[0]?.path).toBe('reason');
    const tooMuch = await errorOf(() => shop.call('recordMovement', { batchId: b.id, kind: 'sold', quantity: 7 }));
    expect(tooMuch.message).toContain('Only 6 pcs');
    const gone = await shop.call('recordMovement', { batchId: b.id, kind: 'discarded', quantity: 6, reason: 'expired' });
    expect(gone).toMatchObject({ remaining: 0, isActive: false });
    expect((await shop.call('list', {})).items).toEqual([]);
    expect((await shop.call('list', { includeInactive: true })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await shop.call('dashboard', {})).counts.active).toBe(0);
    expect((await errorOf(() => shop.call('recordMovement', { batchId: b.id, kind: 'sold', quantity: 1 }))).code).toBe('INVALID_INPUT');
  });

  it('adjusts by a signed correction, keeps 3 decimals, and undoes a movement', async () => {
    const shop = await setupShop();
    const p = await product(shop, { unit: 'kg' });
    const { batch: b } = await batch(shop, p.id, { quantity: 2.5 });
    await shop.call('recordMovement', { batchId: b.id, kind: 'sold', quantity: 0.1 });
    await shop.call('recordMovement', { batchId: b.id, kind: 'sold', quantity: 0.2 });
    expect((await shop.call('recordMovement', { batchId: b.id, kind: 'adjusted', quantity: -0.2, note: 'recount' })).remaining).toBe(2);
    const detail = await shop.call('get', { id: b.id });
    expect(detail.movements.map((m) => [m.kind, m.quantity])).toEqual([
      ['adjusted', -0.2],
      ['sold', 0.2],
      ['sold', 0.1],
    ]);
    const undone = await shop.call('undoMovement', { id: detail.movements[1]!.id });
    expect(undone.remaining).toBe(2.2);
    expect((await shop.call('get', { id: b.id })).movements).toHaveLength(2);
  });

  it('logs waste by product and ISO week, with the reasons', async () => {
    const shop = await setupShop('2026-11-10T09:00:00Z');
    const bread = await product(shop);
    const milk = await product(shop, { name: 'Milk', unit: 'l' });
    const b1 = (await batch(shop, bread.id, { lot: 'B1', productionDate: '2026-11-09', arrivalDate: '2026-11-10' })).batch;
    const m1 = (await batch(shop, milk.id, { lot: 'M1', productionDate: '2026-11-09', arrivalDate: '2026-11-10' })).batch;
    await shop.call('recordMovement', { batchId: b1.id, kind: 'discarded', quantity: 2, reason: 'damaged' });
    await shop.call('recordMovement', { batchId: b1.id, kind: 'sold', quantity: 1 });
    shop.setNow('2026-11-17T09:00:00Z'); // Tuesday of week 47
    await shop.call('recordMovement', { batchId: b1.id, kind: 'discarded', quantity: 3, reason: 'expired' });
    await shop.call('recordMovement', { batchId: b1.id, kind: 'discarded', quantity: 1, reason: 'expired' });
    await shop.call('recordMovement', { batchId: m1.id, kind: 'discarded', quantity: 4, reason: 'recall' });
    const log = await shop.call('wasteLog', {});
    expect(log.map((r) => [r.week, r.weekStart, r.productName, r.quantity, r.movements])).toEqual([
      ['2026-W47', '2026-11-16', 'Milk', 4, 1],
      ['2026-W47', '2026-11-16', 'Rye bread', 4, 2],
      ['2026-W46', '2026-11-09', 'Rye bread', 2, 1],
    ]);
    expect(log[1]!.byReason).toEqual({ expired: 4, damaged: 0, recall: 0, other: 0 });
    expect(await shop.call('wasteLog', { productId: milk.id, from: '2026-11-16' })).toHaveLength(1);
  });
});

describe('batches.service: dashboard, list and calendar hook', () => {
  async function stocked() {
    const shop = await setupShop('2026-11-20T10:00:00Z');
    const p = await product(shop, { shelfLifeDays: null });
    const mk = (lot: string, expiryDate: string, over = {}) =>
      batch(shop, p.id, { lot, expiryDate, productionDate: '2026-11-15', arrivalDate: '2026-11-19', ...over });
    const today = (await mk('TODAY', '2026-11-20', { supplier: 'Mill', location: 'Counter' })).batch;
    const tomorrow = (await mk('TOMORROW', '2026-11-21', { supplier: 'Mill' })).batch;
    const later = (await mk('LATER', '2026-12-30', { location: 'Counter', arrivalDate: '2026-11-20' })).batch;
    const expired = (await mk('GONE', '2026-11-18')).batch;
    return { shop, today, tomorrow, later, expired };
  }

  it('counts by status and lists what expires today and tomorrow, sell-first and must-go', async () => {
    const { shop, today, tomorrow, later, expired } = await stocked();
    const d = await shop.call('dashboard', { sellFirstLimit: 2 });
    expect(d).toMatchObject({ today: '2026-11-20', timeZone: 'Europe/London', counts: { fresh: 3, caution: 0, expired: 1, active: 4 } });
    expect(d.expiringToday.map((b) => b.id)).toEqual([today.id]);
    expect(d.expiringTomorrow.map((b) => b.id)).toEqual([tomorrow.id]);
    expect(d.sellFirst.map((b) => b.id)).toEqual([today.id, tomorrow.id]);
    expect(d.mustGo.map((b) => b.id)).toEqual([expired.id]);
    expect(later.status).toBe('fresh');
  });

  it('filters by status, supplier, location and text, and sorts', async () => {
    const { shop, today, tomorrow, later, expired } = await stocked();
    const ids = async (input: Parameters<typeof shop.call<'list'>>[1]) => (await shop.call('list', input)).items.map((b) => b.id);
    expect(await ids({})).toEqual([expired.id, today.id, tomorrow.id, later.id]);
    expect(await ids({ status: ['expired'] })).toEqual([expired.id]);
    expect(await ids({ supplier: 'Mill' })).toEqual([today.id, tomorrow.id]);
    expect(await ids({ location: 'Counter', sort: 'arrival', descending: true })).toEqual([later.id, today.id]);
    expect(await ids({ query: 'tomor' })).toEqual([tomorrow.id]);
    const list = await shop.call('list', { sort: 'lot', limit: 2 });
    expect(list).toMatchObject({ total: 4, suppliers: ['Mill'], locations: ['Counter'] });
    expect(list.items.map((b) => b.lot)).toEqual(['GONE', 'LATER']);
  });

  it('gives the calendar one event per active batch expiring in the range', async () => {
    const { shop, today, tomorrow } = await stocked();
    expect(await shop.call('expiryEvents', { from: '2026-11-20', to: '2026-11-21' })).toEqual([
      { batchId: today.id, date: '2026-11-20', title: 'Use by: Rye bread (lot TODAY)' },
      { batchId: tomorrow.id, date: '2026-11-21', title: 'Use by: Rye bread (lot TOMORROW)' },
    ]);
    expect((await errorOf(() => shop.call('expiryEvents', { from: '2026-11-21', to: '2026-11-20' }))).code).toBe('INVALID_INPUT');
  });
});

describe('batches.service: settings', () => {
  it('validates QR settings and keeps the rest at their defaults', async () => {
    const shop = await setupShop();
    const s = await shop.call('setSettings', { qr: { mode: 'gs1', domain: 'shop.example' }, shopName: 'Corner Deli' });
    expect(s).toMatchObject({
      qr: { mode: 'gs1', domain: 'shop.example' },
      shopName: 'Corner Deli',
      defaultTemplate: 'avery-l7160',
      timeZone: '',
      resolvedTimeZone: 'Europe/London',
    });
    expect((await errorOf(() => shop.call('setSettings', { qr: { mode: 'url', template: 'http://shop.example/{lot}' } }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(() => shop.call('setSettings', { timeZone: 'Mars/Olympus' }))).code).toBe('INVALID_INPUT');
    await shop.call('setSettings', { calibration: { 'thermal-50x30': { x: 0.5, y: -0.25 } } });
    expect((await shop.call('getSettings')).calibration).toEqual({ 'thermal-50x30': { x: 0.5, y: -0.25 } });
  });

  it('rejects a lot outside the GS1 character set when labels carry a Digital Link', async () => {
    const shop = await setupShop();
    await shop.call('setSettings', { qr: { mode: 'gs1', domain: 'shop.example' } });
    const p = await product(shop, { gtin: '5901234123457' });
    const err = await errorOf(() => batch(shop, p.id, { lot: 'LOT 1' }));
    expect(err.issues?.[0]).toMatchObject({ path: 'lot' });
    const plain = await product(shop, { name: 'No GTIN' });
    await expect(batch(shop, plain.id, { lot: 'LOT 1' })).resolves.toBeTruthy();
  });
});
