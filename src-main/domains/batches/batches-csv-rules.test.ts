import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/helpers';
import { parseDecimal } from './batches-csv';
import { batch, product, setupShop } from './batches.test-helpers';

/** Issue 7: a CSV import states each new product's freshness rule, and reads numbers with a declared decimal separator. */

const HEADER = 'product,lot,production_date,arrival_date,expiry_date,quantity,shelf_life_days';

describe('CSV import: the freshness rule of new products', () => {
  it('gives a product created from a dated row the date rule: use-by 4 December is not expired on 1 December', async () => {
    const shop = await setupShop('2026-11-26T10:00:00Z');
    const csv = `${HEADER}\nGoat cheese,G-1,2026-11-25,2026-11-26,2026-12-04,6,`;
    expect((await shop.call('importCsv', { csv, dryRun: false })).committed).toBe(true);
    shop.setNow('2026-12-01T10:00:00Z');
    const [cheese] = (await shop.call('list', {})).items;
    expect(cheese).toMatchObject({ daysOnShelf: 5, daysLeft: 3, status: 'fresh' });
    expect((await shop.call('listProducts'))[0]?.thresholds).toEqual({ kind: 'days-before-expiry', cautionWithinDays: 2 });
    shop.setNow('2026-12-05T10:00:00Z');
    expect((await shop.call('list', {})).items[0]?.status).toBe('expired');
  });

  it('says in the dry run, row by row, when a new product would take a default rule', async () => {
    const shop = await setupShop();
    const csv = [
      `${HEADER},rule,sell_soon_days,caution_from_day,expired_from_day`,
      'Goat cheese,G-1,2026-11-19,2026-11-20,2026-11-30,6,,,,,',
      'Loose apples,A-1,2026-11-19,2026-11-20,,40,,,,,',
      'Herbs,H-1,2026-11-19,2026-11-20,,5,,shelf-age,,1,',
      'Yoghurt,Y-1,2026-11-19,2026-11-20,,5,14,date,3,,',
      'Bread,B-1,2026-11-19,2026-11-20,,5,,shelf-age,,2,4',
      'Goat cheese,G-2,2026-11-19,2026-11-20,2026-12-01,6,,,,,',
    ].join('\n');
    const report = await shop.call('importCsv', { csv, dryRun: true });
    expect(report).toMatchObject({ errors: 0, warnings: 3, productsCreated: 5 });
    const warnings = report.rows.map((r) => r.warnings.join(' | '));
    expect(warnings[0]).toBe(
      'rule: none given, so the new product is judged by the date; sell soon within 2 days (the row has a date). Add a rule column to choose.',
    );
    expect(warnings[1]).toBe(
      'rule: none given, so the new product is judged by days on the shelf; caution from day 3, expired from day 5 (the row has no date). Add a rule column to choose.',
    );
    expect(warnings[2]).toContain('caution_from_day/expired_from_day: only one given');
    expect(warnings.slice(3)).toEqual(['', '', '']);

    await shop.call('importCsv', { csv, dryRun: false });
    const rules = Object.fromEntries((await shop.call('listProducts')).map((p) => [p.name, p.thresholds]));
    expect(rules).toEqual({
      'Goat cheese': { kind: 'days-before-expiry', cautionWithinDays: 2 },
      'Loose apples': { kind: 'days-on-shelf', cautionFrom: 3, expiredFrom: 5 },
      Herbs: { kind: 'days-on-shelf', cautionFrom: 1, expiredFrom: 5 },
      Yoghurt: { kind: 'days-before-expiry', cautionWithinDays: 3 },
      Bread: { kind: 'days-on-shelf', cautionFrom: 2, expiredFrom: 4 },
    });
  });

  it('takes the rule of an existing product, warns when the row asks for another, and needs a date for a dated product', async () => {
    const shop = await setupShop();
    await product(shop, { name: 'Feta', shelfLifeDays: null, thresholds: { kind: 'days-before-expiry', cautionWithinDays: 1 } });
    const csv = [
      `${HEADER},rule,sell_soon_days`,
      'Feta,F-1,2026-11-19,2026-11-20,2026-11-28,3,,date,1',
      'Feta,F-2,2026-11-19,2026-11-20,2026-11-28,3,,shelf-age,',
      'Feta,F-3,2026-11-19,2026-11-20,,3,,,',
      'Olives,O-1,2026-11-19,2026-11-20,,3,,nonsense,',
    ].join('\n');
    const report = await shop.call('importCsv', { csv, dryRun: true });
    expect(report.rows.map((r) => [r.warnings.length, r.errors.length])).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
      [0, 1],
    ]);
    expect(report.rows[1]?.warnings[0]).toContain('keeps its rule (by the date; sell soon within 1 day)');
    expect(report.rows[2]?.errors[0]).toBe(
      'expiry_date: This product is sold by its date: enter the date printed on the pack (or give the product a shelf life).',
    );
    expect(report.rows[3]?.errors[0]).toBe('rule: "nonsense" is not date or shelf-age.');
  });

  it('exports each product rule in columns that import back unchanged', async () => {
    const shop = await setupShop();
    const feta = await product(shop, { name: 'Feta', thresholds: { kind: 'days-before-expiry', cautionWithinDays: 4 } });
    const herbs = await product(shop, { name: 'Herbs', shelfLifeDays: null, thresholds: { kind: 'days-on-shelf', cautionFrom: 1, expiredFrom: 3 } });
    await batch(shop, feta.id, { lot: 'F-1' });
    await batch(shop, herbs.id, { lot: 'H-1' });
    const other = await setupShop();
    const back = await other.call('importCsv', { csv: (await shop.call('exportCsv', {})).csv, dryRun: false });
    expect(back).toMatchObject({ committed: true, warnings: 0 });
    expect((await other.call('listProducts')).map((p) => [p.name, p.thresholds])).toEqual([
      [feta.name, feta.thresholds],
      [herbs.name, herbs.thresholds],
    ]);
  });
});

describe('CSV import: numbers with a declared decimal separator', () => {
  it('parses thousands strictly and refuses what the separator does not allow', () => {
    expect(parseDecimal('12', '.')).toEqual({ value: 12 });
    expect(parseDecimal('2.5', '.')).toEqual({ value: 2.5 });
    expect(parseDecimal('1,234.5', '.')).toEqual({ value: 1234.5 });
    expect(parseDecimal('1,234,567', '.')).toEqual({ value: 1234567 });
    expect(parseDecimal('2,5', ',')).toEqual({ value: 2.5 });
    expect(parseDecimal('1.234,5', ',')).toEqual({ value: 1234.5 });
    expect(parseDecimal('1 234,5', ',')).toEqual({ value: 1234.5 });
    expect(parseDecimal('1\u00a0234.25', '.')).toEqual({ value: 1234.25 });
    expect(parseDecimal('1234,567', ',')).toEqual({ value: 1234.567 });
    expect(parseDecimal('1,5', '.')).toEqual({ error: '"1,5" is not a number with "." as the decimal separator (is the file\'s separator ","?).' });
    expect(parseDecimal('2.5', ',')).toMatchObject({ error: expect.stringContaining('is not a number with "," as the decimal separator') });
    for (const bad of ['1,23,456.5', '12,34', '1.234,5', '1,234 567', 'abc', '1e3', '0x10', '.5', '5.', '']) {
      expect(parseDecimal(bad, '.'), bad).toHaveProperty('error');
    }
  });

  it('refuses a value that means a thousand-fold different number under the other convention, under either setting', () => {
    for (const decimal of ['.', ','] as const) {
      expect(parseDecimal('1,000', decimal)).toEqual({
        error: '"1,000" is ambiguous: 1 with a decimal comma, or 1000 with thousands grouped. Write it without the separator, or with fewer decimals.',
      });
      expect(parseDecimal('1.500', decimal)).toMatchObject({ error: expect.stringContaining('1.5 with a decimal point, or 1500') });
    }
  });

  it('reads the file with the chosen separator (default: the shop setting, else "."), one error per ambiguous row', async () => {
    const shop = await setupShop();
    const csv = `${HEADER}\nFeta,F-1,2026-11-19,2026-11-20,2026-11-28,"1,5",\nFeta,F-2,2026-11-19,2026-11-20,2026-11-28,"1,000",\nFeta,F-3,2026-11-19,2026-11-20,2026-11-28,"1.234,5",`;
    const asPoint = await shop.call('importCsv', { csv, dryRun: true });
    expect(asPoint).toMatchObject({ decimal: '.', errors: 3 });
    const asComma = await shop.call('importCsv', { csv, dryRun: true, decimal: ',' });
    expect(asComma).toMatchObject({ decimal: ',', errors: 1 });
    expect(asComma.rows[1]?.errors).toEqual([
      'quantity: "1,000" is ambiguous: 1 with a decimal comma, or 1000 with thousands grouped. Write it without the separator, or with fewer decimals.',
    ]);
    const err = await errorOf(() => shop.call('importCsv', { csv, dryRun: false, decimal: ',' }));
    expect(err).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'row 3' }] });
    expect(await shop.call('listProducts')).toEqual([]);

    await shop.call('setSettings', { csvDecimal: ',' });
    const fixed = csv.replace('"1,000"', '1');
    expect(await shop.call('importCsv', { csv: fixed, dryRun: false })).toMatchObject({ decimal: ',', committed: true });
    const quantities = (await shop.call('list', { sort: 'lot' })).items.map((b) => b.quantity);
    expect(quantities).toEqual([1.5, 1, 1234.5]);
  });
});
