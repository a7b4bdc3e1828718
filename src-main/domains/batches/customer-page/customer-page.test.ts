import { strFromU8, unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOB_PATH } from '../../../blobs/blob-http';
import { storedBytes } from '../../../blobs/blob-test-kit';
import { errorOf } from '../../../test/helpers';
import { batch, customerScript, product, setupShop } from '../batches.test-helpers';
import { sitePathFor } from '../batches-site.service';
import { launchChromium, openPage } from './customer-page.test-helpers';

/** The page runs in a real browser: the status must come from the shared rules, on the shop's calendar. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const open = (html: string, url: string, nowIso: string) => openPage(browser, html, url, nowIso);

describe('customer page', () => {
  it('bundles a small script with no zod inside', async () => {
    const script = await customerScript();
    expect(script.length).toBeLessThan(12_000);
    expect(script).not.toContain('ZodError');
  });

  it('computes days on shelf and status in the browser, the same as the app, and loads nothing else', async () => {
    const shop = await setupShop('2026-11-20T10:00:00Z');
    await shop.call('setSettings', { shopName: 'Corner Deli <Bakery>' });
    const p = await product(shop, { name: 'Rye & Seeds', shelfLifeDays: 10, allergens: 'gluten, sesame' });
    const { batch: b } = await batch(shop, p.id, { lot: 'R-7', productionDate: '2026-11-19', arrivalDate: '2026-11-20' });
    const page = await shop.call('customerPage', { id: b.id });
    expect(page.fileName).toBe('Rye-Seeds-R-7.html');
    expect(page.html).toContain("script-src 'sha256-");
    expect(page.html).toContain('Corner Deli &lt;Bakery&gt;');
    expect(page.html).not.toMatch(/\b(src|href)=["']?https?:/);

    for (const [now, status, shelf] of [
      ['2026-11-20T12:00:00Z', '✓ Fresh', 'Arrived in the shop today'],
      ['2026-11-23T12:00:00Z', '! Use soon', 'On the shelf for 3 days'],
      ['2026-11-30T12:00:00Z', '✕ Past its date', 'On the shelf for 10 days'],
    ] as const) {
      const { text, errors } = await open(page.html, 'https://shop.example/b/R-7', now);
      shop.setNow(now);
      const app = (await shop.call('get', { id: b.id })).batch;
      expect(errors).toEqual([]);
      expect(text).toContain(status);
      expect(text).toContain(shelf);
      expect(status.toLowerCase()).toContain({ fresh: 'fresh', caution: 'soon', expired: 'past' }[app.status]);
    }
  });

  it('uses the shop time zone for the day boundary, not the customer device', async () => {
    const shop = await setupShop('2026-11-20T10:00:00Z', 'Pacific/Auckland');
    const p = await product(shop, { shelfLifeDays: 10 });
    const { batch: b } = await batch(shop, p.id, { productionDate: '2026-11-20', arrivalDate: '2026-11-20' });
    const { html } = await shop.call('customerPage', { id: b.id });
    // 11:30 UTC on the 22nd is the 23rd in Auckland.
    expect((await open(html, 'https://shop.example/x', '2026-11-22T11:30:00Z')).text).toContain('On the shelf for 3 days');
  });

  it('exports a zipped site laid out like the QR links, whose index picks the batch from the link', async () => {
    const shop = await setupShop('2026-11-20T10:00:00Z');
    await shop.call('setSettings', { qr: { mode: 'gs1', domain: 'shop.example' } });
    const milk = await product(shop, { name: 'Milk', gtin: '5901234123457', shelfLifeDays: 10 });
    const bread = await product(shop, { name: 'Bread', shelfLifeDays: 3 });
    await batch(shop, milk.id, { lot: 'M1' });
    await batch(shop, milk.id, { lot: 'M/2' });
    await batch(shop, bread.id, { lot: 'B1' });
    const site = await shop.call('customerSite');
    // Handed over as a temporary stored file with a ticket URL, never as base64.
    expect(site.url).toMatch(BLOB_PATH);
    const files = unzipSync(await storedBytes(shop.core, site.blobId));
    expect(Object.keys(files).sort()).toEqual(['01/05901234123457/10/M1/index.html', 'README.txt', 'index.html', 'lots/Bread-B1.html', 'lots/Milk-M-2.html']);
    const index = strFromU8(files['index.html']!);
    const { text } = await open(index, 'https://shop.example/01/05901234123457/10/M1?11=261119&17=261129', '2026-11-21T09:00:00Z');
    expect(text).toContain('M1');
    expect(text).not.toContain('B1');
    expect((await open(index, 'https://shop.example/', '2026-11-21T09:00:00Z')).text).toMatch(/M1[\s\S]*M\/2[\s\S]*B1/);
    // A hand-over, not data: its 'export' ref lapses after an hour and collection deletes the zip.
    shop.setNow('2026-11-20T11:01:00Z');
    expect(await shop.core.blobs().store.gc()).toMatchObject({ blobs: 1 });
    expect((await errorOf(shop.core.blobs().store.get(site.blobId))).code).toBe('NOT_FOUND');
  });

  it('maps only safe link paths to files', () => {
    expect(sitePathFor('https://shop.example/01/05901234123457/10/AB12?17=261231')).toBe('01/05901234123457/10/AB12/index.html');
    expect(sitePathFor('https://shop.example/b/page.html?lot=1')).toBe('b/page.html');
    expect(sitePathFor('https://shop.example/01/05901234123457/10/A%2FB')).toBeNull();
    expect(sitePathFor('https://shop.example/')).toBeNull();
    expect(sitePathFor('Milk\nLot: 1')).toBeNull();
  });
});
