import type { z } from 'zod';
import type { ShopClock } from '../../../src-shared/domains/batches/batch-status';
import type { BatchSettings, BatchSummary, ScanInput, ScanResult } from '../../../src-shared/domains/batches/batches.schemas';
import { parseDigitalLink } from '../../../src-shared/domains/batches/gs1-digital-link';
import { validateGtin } from '../../../src-shared/domains/batches/gtin';
import { URL_TEMPLATE_PLACEHOLDERS } from '../../../src-shared/domains/batches/qr-payload';
import { AppError } from '../../../src-shared/ipc/result';
import type { BatchesContext } from './batches-context';
import { toBatchSummary } from './batches-mapping';
import { batchesRepository as repo } from './batches.repository';

type Matched = { matchedBy: ScanResult['matchedBy']; batches: BatchSummary[] };
type Captured = Partial<Record<(typeof URL_TEMPLATE_PLACEHOLDERS)[number], string>>;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Reads the placeholders back out of a URL made from the shop's template, or null when it does not fit. */
export function matchUrlTemplate(template: string, text: string): Captured | null {
  const names: string[] = [];
  const pattern = template
    .trim()
    .split(/(\{[a-z0-9]+\})/)
    .map((part) => {
      const name = /^\{([a-z0-9]+)\}$/.exec(part)?.[1];
      if (name === undefined) return escapeRegExp(part);
      names.push(name);
      return '([^/?#&]*)';
    })
    .join('');
  const match = new RegExp(`^${pattern}$`, 'i').exec(text.trim());
  if (!match) return null;
  const captured: Record<string, string> = {};
  names.forEach((name, i) => {
    try {
      captured[name] = decodeURIComponent(match[i + 1] ?? '');
    } catch {
      captured[name] = match[i + 1] ?? '';
    }
  });
  return captured;
}

/** Reads product name and lot from our plain-text payload (`name\nLot: X\nProduced: …`). */
export function parseTextPayload(text: string): { productName: string; lot: string } | null {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const lot = lines
    .find((l) => l.startsWith('Lot: '))
    ?.slice(5)
    .trim();
  return lot ? { productName: lines[0] ?? '', lot } : null;
}

/** Active batches first, then by expiry (soonest first), then the newest arrival. */
const rank = (a: BatchSummary, b: BatchSummary): number =>
  Number(b.isActive) - Number(a.isActive) || (a.expiryDate ?? '9999').localeCompare(b.expiryDate ?? '9999') || b.arrivalDate.localeCompare(a.arrivalDate);

/** Scan to find: decodes the image in main and maps what the code says to a batch. */
export function createScanService(ctx: BatchesContext) {
  const byLot = async (lot: string, clock: ShopClock, productIds?: string[]): Promise<BatchSummary[]> =>
    (await repo.findBatchesByLot(ctx.db(), lot, productIds)).map((r) => toBatchSummary(r, clock));

  async function viaDigitalLink(text: string, clock: ShopClock): Promise<Matched | null> {
    let link;
    try {
      link = parseDigitalLink(text, { referenceYear: Number(new Date(clock.nowMs).getUTCFullYear()) });
    } catch {
      return null;
    }
    const product = await repo.findProductByGtin14(ctx.db(), link.gtin14);
    if (!product) return { matchedBy: 'digital-link', batches: [] };
    const batches =
      link.lot !== null
        ? await byLot(link.lot, clock, [product.id])
        : (await repo.listBatches(ctx.db(), { includeInactive: false, productId: product.id })).map((r) => toBatchSummary(r, clock));
    return { matchedBy: 'digital-link', batches };
  }

  async function viaUrlTemplate(text: string, settings: BatchSettings, clock: ShopClock): Promise<Matched | null> {
    if (settings.qr.mode !== 'url') return null;
    const captured = matchUrlTemplate(settings.qr.template, text);
    if (!captured) return null;
    const gtin14 = captured.gtin14 || (captured.gtin ? validateGtin(captured.gtin).gtin14 : undefined);
    const candidates = captured.lot
      ? await byLot(captured.lot, clock)
      : (await repo.listBatches(ctx.db(), { includeInactive: true })).map((r) => toBatchSummary(r, clock));
    const products = gtin14 ? await repo.findProductByGtin14(ctx.db(), gtin14) : undefined;
    const batches = candidates.filter(
      (b) =>
        (!gtin14 || b.productId === products?.id) &&
        (!captured.product || b.productName.toLowerCase() === captured.product.toLowerCase()) &&
        (!captured.production || b.productionDate === captured.production) &&
        (!captured.arrival || b.arrivalDate === captured.arrival) &&
        (!captured.expiry || b.expiryDate === captured.expiry),
    );
    return { matchedBy: 'url-template', batches };
  }

  async function viaText(text: string, clock: ShopClock): Promise<Matched | null> {
    const parsed = parseTextPayload(text);
    if (!parsed) return null;
    const all = await byLot(parsed.lot, clock);
    const name = parsed.productName.replace(/…$/, '').toLowerCase();
    const named = all.filter((b) => b.productName.toLowerCase().startsWith(name));
    return { matchedBy: 'text', batches: named.length > 0 ? named : all };
  }

  return {
    async findByScan(input: z.output<typeof ScanInput>): Promise<ScanResult> {
      // The image decoders (jsqr, pngjs, jpeg-js) load on the first image scan, not on every unlock.
      const text = 'imageBase64' in input ? (await import('../../lib/qr')).decodeQrImage(Buffer.from(input.imageBase64, 'base64')) : input.text.trim();
      const [settings, clock] = await Promise.all([ctx.settings(), ctx.clock()]);
      const attempts = [
        () => viaDigitalLink(text, clock),
        () => viaUrlTemplate(text, settings, clock),
        () => viaText(text, clock),
        async (): Promise<Matched | null> => (/^[^\r\n]{1,40}$/.test(text) ? { matchedBy: 'lot', batches: await byLot(text, clock) } : null),
      ];
      for (const attempt of attempts) {
        const found = await attempt();
        if (!found || found.batches.length === 0) continue;
        const candidates = [...found.batches].sort(rank);
        return { text, matchedBy: found.matchedBy, batch: candidates[0] as BatchSummary, candidates: candidates.slice(0, 50) };
      }
      throw new AppError('NOT_FOUND', `No batch matches this code: ${text.length > 120 ? `${text.slice(0, 117)}…` : text}`);
    },
  };
}
