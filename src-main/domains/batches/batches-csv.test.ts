import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/helpers';
import { parseCsvRows } from '../../../src-shared/lib/csv';
import { cellText, mapHeaders } from './batches-csv';
import { batch, product, setupShop } from './batches.test-helpers';

const HEADER = 'product,gtin,lot,production_date,arrival_date,quantity,unit,date_type,shelf_life_days';

describe('batches-csv', () => {
  // Reading and writing CSV text (quotes, line breaks, BOM, formula escaping) is tested in src-shared/lib/csv.test.ts.
  it('matches headers by name and synonym, and honours an explicit mapping', () => {
    const { index, ignored } = mapHeaders(['Product Name', 'Batch', 'Use by', 'Qty', 'Colour'], {});
    expect(index).toMatchObject({ product: 0, lot: 1, expiry_date: 2, quantity: 3 });
    expect(ignored).toEqual(['Colour']);
    expect(mapHeaders(['Artikel', 'Charge'], { product: 'Artikel', lot: 'Charge' }).index).toEqual({ product: 0, lot: 1 });
    expect(() => mapHeaders(['a'], { lot: 'Charge' })).toThrow(/no column "Charge"/);
  });

  it("reads cells trimmed and takes the export's formula guard off again", () => {
    expect(["  '=SUM(A1) ", "'-L1", "'+1 555", '-2.5', "'-2", undefined].map(cellText)).toEqual(['=SUM(A1)', '-L1', '+1 555', '-2.5', "'-2", '']);
  });
});

describe('batches.service: CSV import and export', () => {
  const good = [
    HEADER,
    'Rye bread,,R-1,2026-11-18,2026-11-19,12,pcs,use-by,5',
    'Rye bread,,R-2,2026-11-19,2026-11-20,8,pcs,use-by,5',
    'Milk 1 l,5901234123457,M-1,2026-11-18,2026-11-19,2.5,l,best-before,10',
  ].join('\n');

  it('dry-runs without writing, creating products on the fly only on commit', async () => {
    const shop = await setupShop();
    const report = await shop.call('importCsv', { csv: good, dryRun: true });
    expect(report).toMatchObject({ dryRun: true, committed: false, batches: 3, productsCreated: 2, errors: 0 });
    expect(report.rows.map((r) => [r.row, r.product, r.lot, r.productAction])).toEqual([
      [2, 'Rye bread', 'R-1', 'create'],
      [3, 'Rye bread', 'R-2', 'create'],
      [4, 'Milk 1 l', 'M-1', 'create'],
    ]);
    expect(await shop.call('listProducts')).toEqual([]);

    const done = await shop.call('importCsv', { csv: good, dryRun: false });
    expect(done).toMatchObject({ committed: true, batches: 3, productsCreated: 2 });
    const products = await shop.call('listProducts');
    expect(products.map((p) => [p.name, p.gtin14, p.dateType, p.shelfLifeDays, p.activeBatches])).toEqual([
      ['Milk 1 l', '05901234123457', 'best-before', 10, 1],
      ['Rye bread', null, 'use-by', 5, 2],
    ]);
    const milk = (await shop.call('list', { query: 'M-1' })).items[0];
    expect(milk).toMatchObject({ quantity: 2.5, unit: 'l', expiryDate: '2026-11-28' });
  });

  it('reports every problem per row and commits nothing when any row is wrong', async () => {
    const shop = await setupShop();
    const p = await product(shop);
    await batch(shop, p.id, { lot: 'TAKEN' });
    const csv = [
      HEADER,
      'Rye bread,,TAKEN,2026-11-18,2026-11-19,1,pcs,,',
      'Cake,5901234123458,C-1,2026-11-18,2026-11-17,x,pcs,sometimes,abc',
      'Cake2,,C-2,2026-11-18,2026-11-19,3,pcs,use-by,2',
      'Cake2,,C-2,2026-11-18,2026-11-19,3,pcs,use-by,2',
      'Fine,,F-1,2026-11-18,2026-11-19,3,pcs,,',
    ].join('\n');
    const report = await shop.call('importCsv', { csv, dryRun: true });
    expect(report.errors).toBe(3);
    const errors = Object.fromEntries(report.rows.map((r) => [r.row, r.errors.join(' | ')]));
    expect(errors[2]).toContain('already recorded');
    expect(errors[3]).toMatch(/gtin: The check digit.*date_type.*shelf_life_days.*quantity/);
    expect(errors[3]).toContain('arrival_date: Arrival date 2026-11-17 is before');
    expect(errors[4]).toBe('');
    expect(errors[5]).toContain('more than once');
    expect(errors[6]).toBe('');

    const err = await errorOf(() => shop.call('importCsv', { csv, dryRun: false }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('nothing was imported');
    expect(err.issues?.[0]?.path).toBe('row 2');
    expect((await shop.call('listProducts')).map((x) => x.name)).toEqual(['Rye bread']);
  });

  it('names missing required columns', async () => {
    const shop = await setupShop();
    const err = await errorOf(() => shop.call('importCsv', { csv: 'product,lot\nA,1', dryRun: true }));
    expect(err.message).toBe('The file has no production_date, arrival_date, quantity columns.');
  });

  it('exports formula-safe CSV that imports back into an empty profile', async () => {
    const shop = await setupShop();
    const p = await product(shop, { name: '=cmd|calc', price: '+4.20', allergens: 'milk, "nuts"' });
    await batch(shop, p.id, { lot: '-L1', supplier: '@farm', notes: 'line one\nline two' });
    const out = await shop.call('exportCsv', {});
    expect(out.fileName).toBe('batches-2026-11-20.csv');
    const [header, row] = parseCsvRows(out.csv);
    expect(header?.slice(0, 6)).toEqual(['product', 'gtin', 'lot', 'production_date', 'arrival_date', 'expiry_date']);
    expect(row?.[0]).toBe("'=cmd|calc");
    expect(row?.[2]).toBe("'-L1");
    // Only plain numbers (harmless to a spreadsheet) may start with + or -.
    for (const cell of row ?? []) if (!/^[+-]?\d+(\.\d+)?$/.test(cell)) expect(cell).not.toMatch(/^[=+\-@]/);

    const other = await setupShop();
    const back = await other.call('importCsv', { csv: out.csv, dryRun: false });
    expect(back).toMatchObject({ committed: true, batches: 1, ignoredHeaders: ['remaining', 'effective_expiry', 'status', 'days_on_shelf', 'days_left'] });
    const again = (await other.call('list', {})).items[0];
    expect(again).toMatchObject({ productName: '=cmd|calc', lot: '-L1', supplier: '@farm', notes: 'line one\nline two' });
    expect((await other.call('listProducts'))[0]).toMatchObject({ price: '+4.20', allergens: 'milk, "nuts"' });
  });
});
