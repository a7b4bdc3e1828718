/**
 * Test-only helpers for the batches tests: a real encrypted profile (testCore), the batches service
 * on it with a pinned clock and zone, and a typed `call` that parses input and output with the contract,
 * as the router does.
 */
import type { z } from 'zod';
import { batchesContract } from '../../../src-shared/domains/batches/batches.contract';
import { PASSWORD, testCore } from '../../test/helpers';
import { AppError } from '../../../src-shared/ipc/result';
import { createBatchesService } from './batches.service';
import { DEFAULT_THRESHOLDS } from '../../../src-shared/domains/batches/freshness-rule';
import { buildCustomerPageScript } from './customer-page/customer-page.build';

type Ops = (typeof batchesContract)['ops'];
export type OpName = keyof Ops;

let script: Promise<string> | null = null;
/** The customer page script, bundled from source once per test file. */
export const customerScript = (): Promise<string> => (script ??= buildCustomerPageScript());

/** A shop profile at `nowIso` in `zone`; `setNow` moves the clock. */
export async function setupShop(nowIso = '2026-11-20T10:00:00Z', zone = 'Europe/London') {
  const core = testCore();
  await core.call('profile:create', { name: 'Shop', password: PASSWORD });
  let nowMs = Date.parse(nowIso);
  const changed: string[][] = [];
  const service = createBatchesService({
    db: () => core.profiles.current().db,
    now: () => nowMs,
    systemTimeZone: () => zone,
    // Image decoding is wired in bootstrap; image scans are tested through the real core (batches-labels.test.ts).
    decodeQrImage: () => {
      throw new AppError('UNSUPPORTED', 'No decoder in this test');
    },
    customerPageScript: customerScript,
    emitChanged: (ids) => changed.push(ids),
  });
  async function call<K extends OpName>(op: K, input?: z.input<Ops[K]['input']>): Promise<z.output<Ops[K]['output']>> {
    const def = batchesContract.ops[op];
    const result = def.input.safeParse(input ?? {});
    if (!result.success) {
      const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      throw new AppError('INVALID_INPUT', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
    }
    const parsed: unknown = result.data;
    const handler = service[op] as (input: unknown, ctx: { transport: 'test' }) => unknown;
    return def.output.parse(await handler(parsed, { transport: 'test' })) as z.output<Ops[K]['output']>;
  }
  return { core, service, call, changed, setNow: (iso: string) => (nowMs = Date.parse(iso)) };
}

export type Shop = Awaited<ReturnType<typeof setupShop>>;

/** A product with sensible defaults (the shelf-age rule of 3 and 5 days unless `over` states another). */
export const product = (shop: Shop, over: Partial<z.input<Ops['createProduct']['input']>> = {}) =>
  shop.call('createProduct', { name: 'Rye bread', unit: 'pcs', shelfLifeDays: 7, thresholds: DEFAULT_THRESHOLDS, ...over });

/** A batch with sensible defaults. */
export const batch = (shop: Shop, productId: string, over: Partial<z.input<Ops['create']['input']>> = {}) =>
  shop.call('create', { productId, lot: 'L1', productionDate: '2026-11-19', arrivalDate: '2026-11-20', quantity: 10, ...over });
