import fc from 'fast-check';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeBatchStatus, effectiveExpiryDate } from '../../../src-shared/domains/batches/batch-status';
import { batchOf, caseArb } from '../../../src-shared/domains/batches/freshness-rule.test-helpers';
import { errorOf } from '../../test/helpers';
import { labelContentFor } from './batches-labels.service';
import { batchesRepository as repo } from './batches.repository';
import { setupShop, type Shop } from './batches.test-helpers';
import { launchChromium, openPage } from './customer-page/customer-page.test-helpers';
import { labelTextLines } from './labels/label-content';

/**
 * Issue 7, property: for random products, batch dates, instants and shop time zones, the status in the
 * app, the dashboard, the customer page (its script in a real Chromium) and the label text all agree
 * with the date on the pack, through a real encrypted profile.
 */

const PAGE_WORDS = { fresh: '✓ Fresh', caution: '! Use soon', expired: '✕ Past its date' } as const;

let browser: Browser;
let shop: Shop;
beforeAll(async () => {
  [browser, shop] = await Promise.all([launchChromium(), setupShop()]);
});
afterAll(async () => {
  await browser?.close();
});

describe('freshness agreement (property)', () => {
  it('app status, dashboard, customer page and label all follow the date on the pack', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        n += 1;
        const { today, input } = batchOf(c);
        const nowIso = new Date(c.nowMs).toISOString();
        shop.setNow(nowIso);
        await shop.call('setSettings', { timeZone: c.timeZone });
        const product = await shop.call('createProduct', { name: `P${n}`, dateType: c.dateType, shelfLifeDays: c.shelfLifeDays, thresholds: c.rule });
        const fields = {
          productId: product.id,
          lot: `L${n}`,
          productionDate: input.productionDate,
          arrivalDate: input.arrivalDate,
          expiryDate: input.expiryDate ?? null,
          quantity: 1,
        };
        const date = effectiveExpiryDate(input);
        if (date === null && c.rule.kind === 'days-before-expiry') {
          // A product sold by its date never gets an undated batch (no silent shelf-age default).
          expect((await errorOf(() => shop.call('create', fields))).code).toBe('INVALID_INPUT');
          return;
        }
        const { batch } = await shop.call('create', fields);
        try {
          const expected = computeBatchStatus(input, { nowMs: c.nowMs, timeZone: c.timeZone });
          expect(batch).toMatchObject({ status: expected.status, expiryDate: date, daysLeft: expected.daysLeft });
          if (date !== null) expect(batch.status === 'expired', `today ${today}, date ${date}`).toBe(today > date);

          const dashboard = await shop.call('dashboard', {});
          expect(dashboard.today).toBe(today);
          expect(dashboard.counts[batch.status]).toBe(1);
          expect(dashboard.sellFirst.map((b) => b.id)).toEqual(batch.status === 'expired' ? [] : [batch.id]);
          expect(dashboard.mustGo.map((b) => b.id)).toEqual(batch.status === 'expired' ? [batch.id] : []);

          const { html } = await shop.call('customerPage', { id: batch.id });
          const page = await openPage(browser, html, 'https://shop.example/p', nowIso);
          expect(page.errors).toEqual([]);
          expect(page.text).toContain(PAGE_WORDS[batch.status]);
          if (date !== null) expect(page.text).toContain(date);

          const row = await repo.getProduct(shop.core.profiles.current().db, product.id);
          const settings = { ...(await shop.call('getSettings')), qr: { mode: 'text' as const } };
          const lines = labelTextLines(labelContentFor(batch, row!, settings)).map((l) => l.variants[0]);
          const dateLine = lines.find((l) => /^(Use by|Best before) /.test(l ?? ''));
          expect(dateLine).toBe(date === null ? undefined : `${c.dateType === 'use-by' ? 'Use by' : 'Best before'} ${date}`);
        } finally {
          await shop.call('delete', { id: batch.id });
        }
      }),
      { numRuns: 15 },
    );
  }, 180_000);
});
