/**
 * Test-only helpers for the batches tests: a real encrypted profile (testCore) with a pinned clock and
 * zone, and a typed `call` through the router's typed client.
 */
import type { z } from 'zod';
import { batchesContract } from '../../../src-shared/domains/batches/batches.contract';
import { PASSWORD, testCore } from '../../test/helpers';
import { appModules, moduleList } from '../../app/modules';
import { defineModule } from '../../platform/module';
import { batchesModuleWith } from './batches.module';
import { DEFAULT_THRESHOLDS } from '../../../src-shared/domains/batches/freshness-rule';
import { buildCustomerPageScript } from './customer-page/customer-page.build';

type Ops = (typeof batchesContract)['ops'];
export type OpName = keyof Ops;

let script: Promise<string> | null = null;
/** The customer page script, bundled from source once per test file. */
export const customerScript = (): Promise<string> => (script ??= buildCustomerPageScript());

/** A shop profile at `nowIso` in `zone`; `setNow` moves the clock. Calls go through the real router. */
export async function setupShop(nowIso = '2026-11-20T10:00:00Z', zone = 'Europe/London') {
  let nowMs = Date.parse(nowIso);
  const batches = defineModule({
    ...appModules.batches,
    // The real image decoder; the customer page script bundled from source (the app reads the built one).
    load: async () => batchesModuleWith({ customerPageScript: customerScript }),
  });
  const core = testCore(undefined, { now: () => nowMs, systemTimeZone: () => zone, modules: moduleList({ ...appModules, batches }) });
  await core.client.profile.create({ name: 'Shop', password: PASSWORD });
  const changed: string[][] = [];
  core.client.batches.onChanged(({ ids }) => changed.push(ids));
  /** `client.batches[op]` by name (input and output checked by the router, as for every caller). */
  const call = <K extends OpName>(op: K, input?: z.input<Ops[K]['input']>): Promise<z.output<Ops[K]['output']>> =>
    (core.client.batches[op] as (input?: unknown) => Promise<z.output<Ops[K]['output']>>)(input);
  return { core, call, changed, setNow: (iso: string) => (nowMs = Date.parse(iso)) };
}

export type Shop = Awaited<ReturnType<typeof setupShop>>;

/** A product with sensible defaults (the shelf-age rule of 3 and 5 days unless `over` states another). */
export const product = (shop: Shop, over: Partial<z.input<Ops['createProduct']['input']>> = {}) =>
  shop.call('createProduct', { name: 'Rye bread', unit: 'pcs', shelfLifeDays: 7, thresholds: DEFAULT_THRESHOLDS, ...over });

/** A batch with sensible defaults. */
export const batch = (shop: Shop, productId: string, over: Partial<z.input<Ops['create']['input']>> = {}) =>
  shop.call('create', { productId, lot: 'L1', productionDate: '2026-11-19', arrivalDate: '2026-11-20', quantity: 10, ...over });
