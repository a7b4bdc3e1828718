import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL_TEMPLATE_IDS } from '../../../src-shared/domains/batches/batches.schemas';
import { todayIn } from '../../../src-shared/lib/local-date';
import { storedBytes } from '../../blobs/blob-test-kit';
import { errorOf } from '../../test/helpers';
import { decodeQrConcatenated, pdfText, rasterise } from './labels/label-pdf.test-helpers';
import { batch, product, setupShop, type Shop } from './batches.test-helpers';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-batch-labels-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function gs1Shop(): Promise<{ shop: Shop; batchId: string; productId: string }> {
  const shop = await setupShop();
  await shop.call('setSettings', { qr: { mode: 'gs1', domain: 'shop.example' }, shopName: 'Corner Deli' });
  const p = await product(shop, { name: 'Milk 1 l', gtin: '5901234123457', shelfLifeDays: 10, price: '€1.20', allergens: 'milk' });
  const { batch: b } = await batch(shop, p.id, { lot: 'AB/12', productionDate: '2026-11-18', arrivalDate: '2026-11-19' });
  return { shop, batchId: b.id, productId: p.id };
}

const LINK = 'https://shop.example/01/05901234123457/10/AB%2F12?11=261118&17=261128';

describe('batches.service: labels', () => {
  it('builds the QR payload from the shop settings and shows it on the batch detail', async () => {
    const { shop, batchId } = await gs1Shop();
    expect((await shop.call('get', { id: batchId })).qrPayload).toBe(LINK);
    await shop.call('setSettings', { qr: { mode: 'url', template: 'https://shop.example/b/{lot}?e={expiry}' } });
    expect((await shop.call('get', { id: batchId })).qrPayload).toBe('https://shop.example/b/AB%2F12?e=2026-11-28');
    await shop.call('setSettings', { qr: { mode: 'text' } });
    expect((await shop.call('get', { id: batchId })).qrPayload).toBe('Milk 1 l\nLot: AB/12\nProduced: 2026-11-18\nArrived: 2026-11-19\nUse by: 2026-11-28');
  });

  it.each(LABEL_TEMPLATE_IDS)('prints %s to a PDF whose QR decodes to the batch link, and logs the print', async (template) => {
    const { shop, batchId } = await gs1Shop();
    const job = await shop.call('printLabels', { batchIds: [batchId], template, copies: 2 });
    expect(job).toMatchObject({ labels: 2, fileName: `labels-Milk-1-l-AB-12-${template}.pdf` });
    const pdf = await storedBytes(shop.core, job.blobId);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = await rasterise(pdf, dir, template);
    expect(pages).toHaveLength(job.pages);
    expect(await decodeQrConcatenated(pages[0]!)).toContain(LINK);
    const text = await pdfText(dir, template);
    for (const words of ['Milk 1 l', 'AB/12', '2026-11-18', '2026-11-28']) expect(text).toContain(words);
    const detail = await shop.call('get', { id: batchId });
    expect(detail.prints).toEqual([expect.objectContaining({ jobId: job.jobId, template, copies: 2, startAt: 1, payload: LINK, lot: 'AB/12' })]);
  });

  it('counts pages from the start position on a partly used sheet', async () => {
    const { shop, batchId } = await gs1Shop();
    expect((await shop.call('printLabels', { batchIds: [batchId], template: 'avery-l7160', copies: 3, startAt: 20 })).pages).toBe(2);
    expect((await errorOf(() => shop.call('printLabels', { batchIds: [batchId], template: 'avery-l7160', startAt: 22 }))).code).toBe('INVALID_INPUT');
  });

  it('traces a lot: every label printed for it, newest first', async () => {
    const { shop, batchId, productId } = await gs1Shop();
    const first = await shop.call('printLabels', { batchIds: [batchId], template: 'thermal-50x30' });
    shop.setNow('2026-11-21T08:00:00Z');
    const second = await shop.call('printLabels', { batchIds: [batchId], template: 'avery-l7163', copies: 5, startAt: 3 });
    const trace = await shop.call('traceLot', { lot: 'AB/12', productId });
    expect(trace.batches.map((b) => b.id)).toEqual([batchId]);
    expect(trace.prints.map((p) => [p.jobId, p.template, p.copies, p.startAt])).toEqual([
      [second.jobId, 'avery-l7163', 5, 3],
      [first.jobId, 'thermal-50x30', 1, 1],
    ]);
    expect((await shop.call('traceLot', { lot: 'NOPE' })).prints).toEqual([]);
  });
});

describe('batches.service: scan to find', () => {
  it('lands on the batch from a Digital Link, the URL template, a text label or a bare lot', async () => {
    const { shop, batchId } = await gs1Shop();
    const find = (text: string) => shop.call('findByScan', { text });
    expect(await find(LINK)).toMatchObject({ matchedBy: 'digital-link', batch: { id: batchId } });
    expect(await find('https://id.gs1.org/01/5901234123457/10/AB%2F12')).toMatchObject({ batch: { id: batchId } });
    await shop.call('setSettings', { qr: { mode: 'url', template: 'https://shop.example/b/{lot}?e={expiry}' } });
    expect(await find('https://shop.example/b/AB%2F12?e=2026-11-28')).toMatchObject({ matchedBy: 'url-template', batch: { id: batchId } });
    expect(await find('Milk 1 l\nLot: AB/12\nProduced: 2026-11-18')).toMatchObject({ matchedBy: 'text', batch: { id: batchId } });
    expect(await find('AB/12')).toMatchObject({ matchedBy: 'lot', batch: { id: batchId } });
    expect((await errorOf(() => find('https://shop.example/01/05901234123457/10/OTHER'))).code).toBe('NOT_FOUND');
  });

  it('prefers a batch on the shelf over a sold-out one with the same lot', async () => {
    const shop = await setupShop();
    const a = await product(shop, { name: 'Bread' });
    const b = await product(shop, { name: 'Buns' });
    const soldOut = (await batch(shop, a.id, { lot: 'X1', quantity: 1 })).batch;
    await shop.call('recordMovement', { batchId: soldOut.id, kind: 'sold', quantity: 1 });
    const onShelf = (await batch(shop, b.id, { lot: 'X1' })).batch;
    const found = await shop.call('findByScan', { text: 'X1' });
    expect(found.batch.id).toBe(onShelf.id);
    expect(found.candidates.map((c) => c.id)).toEqual([onShelf.id, soldOut.id]);
  });

  it('decodes a printed label image through the real core (decoder wired in bootstrap)', async () => {
    // The core's clock is the shop's (pinned by setupShop), so pin it to the real now: the dates below are today's.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const { core } = await setupShop(new Date().toISOString(), zone);
    const today = todayIn(zone, Date.now());
    await core.client.batches.setSettings({ qr: { mode: 'gs1', domain: 'shop.example' } });
    const p = await core.client.batches.createProduct({
      name: 'Eggs',
      gtin: '5901234123457',
      shelfLifeDays: 14,
      thresholds: { kind: 'days-before-expiry', cautionWithinDays: 2 },
    });
    const { batch: b } = await core.client.batches.create({ productId: p.id, lot: 'EGG-7', productionDate: today, arrivalDate: today, quantity: 30 });
    const job = await core.client.batches.printLabels({ batchIds: [b.id], template: 'thermal-50x30' });
    const [png] = await rasterise(await storedBytes(core, job.blobId), dir, 'scan');
    const found = await core.client.batches.findByScan({ imageBase64: (await readFile(png!)).toString('base64') });
    expect(found).toMatchObject({ matchedBy: 'digital-link', batch: { id: b.id } });
  });
});
