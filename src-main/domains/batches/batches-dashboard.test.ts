/**
 * The grouped dashboard (batches-dashboard.ts) against the plain definition: the status of every batch on
 * the shelf from the shared rule (the list view), counts by status, and `sellFirst` over them. Hundreds of
 * batches share expiry and arrival days across products, so the lists' ties (broken by id) are exercised.
 */
import { describe, expect, it } from 'vitest';
import type { BatchSummary, Dashboard } from '../../../src-shared/domains/batches/batches.schemas';
import { sellFirst } from '../../../src-shared/domains/batches/fefo';
import { addDays } from '../../../src-shared/lib/local-date';
import { seededRandom } from '../../bench/measure';
import { DASHBOARD_LIST_MAX } from './batches-dashboard';
import { product, setupShop, type Shop } from './batches.test-helpers';

const TODAY = '2026-11-20';
const BATCHES = 400;

/** The dashboard as its definition states it, over every batch on the shelf. */
async function expected(shop: Shop, sellFirstLimit: number): Promise<Omit<Dashboard, 'today' | 'timeZone'>> {
  const all = (await shop.call('list', { limit: 5000 })).items;
  const ids = (xs: BatchSummary[], n: number) => sellFirst(xs).slice(0, n);
  const today = all.filter((b) => b.daysLeft === 0);
  const tomorrow = all.filter((b) => b.daysLeft === 1);
  const count = (s: BatchSummary['status']) => all.filter((b) => b.status === s).length;
  return {
    counts: { fresh: count('fresh'), caution: count('caution'), expired: count('expired'), active: all.length },
    expiringToday: ids(today, DASHBOARD_LIST_MAX),
    expiringTodayCount: today.length,
    expiringTomorrow: ids(tomorrow, DASHBOARD_LIST_MAX),
    expiringTomorrowCount: tomorrow.length,
    sellFirst: ids(
      all.filter((b) => b.status !== 'expired'),
      sellFirstLimit,
    ),
    mustGo: ids(
      all.filter((b) => b.status === 'expired'),
      DASHBOARD_LIST_MAX,
    ),
  };
}

describe('batches dashboard over many batches', () => {
  it('counts and lists exactly what the shared rule over every batch gives (ties, undated, sold out, deleted)', async () => {
    const shop = await setupShop(`${TODAY}T10:00:00Z`);
    const rules = [
      { name: 'Undated rolls', shelfLifeDays: null, thresholds: { kind: 'days-on-shelf', cautionFrom: 2, expiredFrom: 4 } },
      { name: 'Rye bread', shelfLifeDays: 7, thresholds: { kind: 'days-on-shelf', cautionFrom: 3, expiredFrom: 5 } },
      { name: 'Milk', shelfLifeDays: 10, thresholds: { kind: 'days-before-expiry', cautionWithinDays: 2 } },
      { name: 'Cheese', shelfLifeDays: null, thresholds: { kind: 'days-before-expiry', cautionWithinDays: 3 } },
    ] as const;
    for (const r of rules) await product(shop, { name: r.name, shelfLifeDays: r.shelfLifeDays, thresholds: r.thresholds });
    const rand = seededRandom(13);
    const day = (max: number) => Math.floor(rand() * (max + 1));
    const rows = Array.from({ length: BATCHES }, (_, i) => {
      const r = rules[i % rules.length]!;
      const production = addDays(TODAY, -day(12));
      const arrived = addDays(production, day(2));
      const arrival = arrived > TODAY ? TODAY : arrived;
      const printed = r.name === 'Cheese' || (r.name !== 'Undated rolls' && rand() < 0.4);
      return [r.name, `L${i}`, production, arrival, printed ? addDays(production, 4 + day(14)) : '', 1].join(',');
    });
    const csv = ['product,lot,production_date,arrival_date,expiry_date,quantity', ...rows].join('\n');
    expect(await shop.call('importCsv', { csv, dryRun: false })).toMatchObject({ committed: true, errors: 0, batches: BATCHES });
    // Some batches leave the shelf: sold out, or deleted.
    const listed = (await shop.call('list', { limit: 5000 })).items;
    for (const b of listed.slice(0, 10)) await shop.call('recordMovement', { batchId: b.id, kind: 'sold', quantity: 1 });
    for (const b of listed.slice(10, 15)) await shop.call('delete', { id: b.id });

    for (const [now, limit] of [
      [`${TODAY}T10:00:00Z`, 1],
      [`${TODAY}T10:00:00Z`, 100],
      ['2026-11-23T10:00:00Z', 7],
    ] as const) {
      shop.setNow(now);
      const { today, timeZone, ...got } = await shop.call('dashboard', { sellFirstLimit: limit });
      expect(today).toBe(now.slice(0, 10));
      expect(timeZone).toBe('Europe/London');
      const want = await expected(shop, limit);
      expect(got).toEqual(want);
      expect(got.counts.active).toBe(BATCHES - 15);
      // The data reach every list and state, so an empty list cannot pass by accident.
      expect(Math.min(got.counts.fresh, got.counts.caution, got.counts.expired, got.expiringTodayCount, got.expiringTomorrowCount)).toBeGreaterThan(0);
    }
  });
});
