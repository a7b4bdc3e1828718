import type { BatchSummary, CustomerSite } from '../../../src-shared/domains/batches/batches.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { newId } from '../../lib/ids';
import { writeZip } from '../../lib/zip';
import type { BatchesContext } from './batches-context';
import { labelContentFor } from './batches-labels.service';
import { parseThresholds, toBatchSummary } from './batches-mapping';
import { batchesRepository as repo, type BatchWithProductRow } from './batches.repository';
import type { ProductRow } from './batches.table';
import { renderCustomerPage } from './customer-page/customer-page.html';
import type { CustomerPageBatch } from './customer-page/customer-page.types';

const fileSafe = (value: string): string =>
  value
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'batch';

/**
 * Where a batch's page goes in the site so that its QR link finds it on a static host: the path of the
 * link (`/01/<gtin>/10/<lot>/index.html` for a Digital Link), or null when the link has no usable path
 * (text payloads, or a path with "." / ".." / slashes inside a segment). Those batches are still on index.html.
 */
export function sitePathFor(qrPayload: string): string | null {
  if (!qrPayload.startsWith('https://')) return null;
  let segments: string[];
  try {
    segments = new URL(qrPayload).pathname
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
  if (segments.length === 0 || segments.some((s) => s === '.' || s === '..' || /[\\/\p{Cc}:*?"<>|]/u.test(s))) return null;
  const last = segments[segments.length - 1] ?? '';
  return /\.html?$/i.test(last) ? segments.join('/') : `${segments.join('/')}/index.html`;
}

/** Customer pages: one self-contained HTML page per batch, or a zipped folder site for every batch on the shelf. */
export function createSiteService(ctx: BatchesContext, stock: { batchRow(id: string): Promise<BatchWithProductRow> }) {
  const pageBatch = (b: BatchSummary, p: ProductRow): CustomerPageBatch & { effectiveExpiry: string | null } => ({
    productName: p.name,
    lot: b.lot,
    gtin14: p.gtin14,
    productionDate: b.productionDate,
    arrivalDate: b.arrivalDate,
    expiryDate: b.explicitExpiryDate,
    shelfLifeDays: p.shelf_life_days,
    dateType: p.date_type,
    thresholds: parseThresholds(p.thresholds),
    price: p.price,
    allergens: p.allergens,
    effectiveExpiry: b.expiryDate,
  });

  async function common() {
    const [settings, clock, script] = await Promise.all([ctx.settings(), ctx.clock(), ctx.deps.customerPageScript()]);
    return { settings, clock, script, shop: { shopName: settings.shopName, timeZone: clock.timeZone } };
  }

  return {
    async customerPage({ id }: { id: string }): Promise<{ html: string; fileName: string }> {
      const row = await stock.batchRow(id);
      const product = await repo.getProduct(ctx.db(), row.product_id);
      if (!product) throw new AppError('NOT_FOUND', `The product of lot ${row.lot} was deleted.`);
      const { clock, script, shop } = await common();
      const batch = toBatchSummary(row, clock);
      const html = renderCustomerPage({ ...shop, batches: [pageBatch(batch, product)] }, script, `${product.name} – lot ${batch.lot}`);
      return { html, fileName: `${fileSafe(`${product.name}-${batch.lot}`)}.html` };
    },

    /** The zipped site, handed over as a temporary blob (its 'export' ref lapses after an hour) with a download ticket URL. */
    async customerSite(): Promise<CustomerSite> {
      const { settings, clock, script, shop } = await common();
      const products = new Map((await repo.listProducts(ctx.db())).map((p) => [p.id, p]));
      const rows = await repo.listBatches(ctx.db(), { includeInactive: false });
      const files: Record<string, string> = {};
      // Names compared case-insensitively, as on Windows and macOS disks (writeZip refuses such duplicates).
      const taken = new Set(['index.html', 'readme.txt']);
      const all: (CustomerPageBatch & { effectiveExpiry: string | null })[] = [];
      const readme = [
        'Customer pages exported by Hearth. Upload this folder to the website your QR codes point at.',
        '',
        'index.html lists every batch; a link with the lot in its path or query shows just that batch.',
        '',
      ];
      for (const row of rows) {
        const product = products.get(row.product_id);
        if (!product) continue;
        const batch = toBatchSummary(row, clock);
        const data = pageBatch(batch, product);
        all.push(data);
        let link: string | null = null;
        try {
          link = sitePathFor(labelContentFor(batch, product, settings).qrPayload);
        } catch {
          link = null;
        }
        const base = `lots/${fileSafe(`${product.name}-${batch.lot}`)}`;
        let file = link && !taken.has(link.toLowerCase()) ? link : `${base}.html`;
        for (let n = 2; taken.has(file.toLowerCase()); n++) file = `${base}-${n}.html`;
        taken.add(file.toLowerCase());
        files[file] = renderCustomerPage({ ...shop, batches: [data] }, script, `${product.name} – lot ${batch.lot}`);
        readme.push(`${product.name}, lot ${batch.lot}: ${file}`);
      }
      files['index.html'] = renderCustomerPage({ ...shop, batches: all }, script, shop.shopName || 'Batches');
      files['README.txt'] = `${readme.join('\n')}\n`;
      const zip = writeZip(files, { level: 6, mtime: ctx.nowMs() });
      const fileName = 'customer-pages.zip';
      const published = await ctx.blobs().publish([zip], {
        name: fileName,
        mime: 'application/zip',
        owner: { ownerDomain: 'batches', ownerTable: 'customer_site', ownerId: newId(), role: 'export' },
      });
      return { blobId: published.blobId, url: published.url, expiresAt: published.expiresAt, fileName, pages: Object.keys(files).length - 1 };
    },
  };
}
