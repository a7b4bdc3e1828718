import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRoot } from '../../test/helpers';
import { createKysely, openSqlite } from '../connection';
import { migrateToLatest } from '../migrator';
import { migrations } from './index';

/** Migration 0004 on a real encrypted database written by 0001–0003: one freshness rule per product, meaning kept. */

const NOW = '2026-11-20T10:00:00.000Z';
const shelfAge = (c: number, e: number) => JSON.stringify({ kind: 'days-on-shelf', cautionFrom: c, expiredFrom: e });

describe('migration 0004-batches-freshness-rule', () => {
  it('moves dated products to the date rule and keeps undated ones on the rule that applied to them', async () => {
    const sqlite = openSqlite(path.join(tempRoot(), 'm.db'), { keyPragma: `x'${randomBytes(32).toString('hex')}'`, label: 'm.db', create: true });
    const db = createKysely(sqlite);
    const before = migrations.filter((m) => m.name < '0004');
    await migrateToLatest(db, before);
    const products: [string, number | null, string][] = [
      ['cheese', null, shelfAge(3, 5)], // batches carry a printed date → date rule, the caution span as window
      ['bread', 4, shelfAge(1, 2)], // a shelf life gives every batch a date → date rule
      ['apples', null, shelfAge(2, 6)], // no date anywhere → keeps its shelf-age rule
      ['milk', 10, JSON.stringify({ kind: 'percent-of-shelf-life', cautionAtPercent: 70, expiredAtPercent: 100 })],
      ['herbs', null, JSON.stringify({ kind: 'percent-of-shelf-life', cautionAtPercent: 50, expiredAtPercent: 90 })], // undated batches: the fallback applied
      ['feta', null, JSON.stringify({ kind: 'days-before-expiry', cautionWithinDays: 1 })], // has dated batches: unchanged
      ['olives', null, JSON.stringify({ kind: 'days-before-expiry', cautionWithinDays: 1 })], // only undated batches: the fallback applied
      ['broken', null, '{not json'],
    ];
    const insertProduct = sqlite.prepare(
      `INSERT INTO products (id, name, date_type, shelf_life_days, thresholds, created_at, updated_at) VALUES (?, ?, 'use-by', ?, ?, ?, ?)`,
    );
    for (const [name, life, rule] of products) insertProduct.run(name, name, life, rule, NOW, NOW);
    const insertBatch = sqlite.prepare(
      `INSERT INTO batches (id, product_id, lot, production_date, arrival_date, expiry_date, quantity, remaining, unit, created_at, updated_at) VALUES (?, ?, ?, '2026-11-18', '2026-11-19', ?, 1, 1, 'pcs', ?, ?)`,
    );
    for (const [product, expiry] of [
      ['cheese', '2026-12-04'],
      ['cheese', null],
      ['bread', null],
      ['apples', null],
      ['herbs', null],
      ['feta', '2026-11-30'],
      ['olives', null],
    ] as const) {
      insertBatch.run(`${product}-${expiry ?? 'x'}`, product, `${product}-${expiry ?? 'x'}`, expiry, NOW, NOW);
    }

    const through0004 = migrations.filter((m) => m.name <= '0004-batches-freshness-rule');
    expect((await migrateToLatest(db, through0004)).applied).toEqual(['0004-batches-freshness-rule']);
    const rules = Object.fromEntries(
      (sqlite.prepare('SELECT id, thresholds FROM products').all() as { id: string; thresholds: string }[]).map((r) => [
        r.id,
        r.thresholds.startsWith('{n') ? r.thresholds : JSON.parse(r.thresholds),
      ]),
    );
    expect(rules).toEqual({
      cheese: { kind: 'days-before-expiry', cautionWithinDays: 2 },
      bread: { kind: 'days-before-expiry', cautionWithinDays: 1 },
      apples: { kind: 'days-on-shelf', cautionFrom: 2, expiredFrom: 6 },
      milk: { kind: 'days-before-expiry', cautionWithinDays: 3 },
      herbs: { kind: 'days-on-shelf', cautionFrom: 3, expiredFrom: 5 },
      feta: { kind: 'days-before-expiry', cautionWithinDays: 1 },
      olives: { kind: 'days-on-shelf', cautionFrom: 3, expiredFrom: 5 },
      broken: '{not json',
    });
    sqlite.close();
  });
});
