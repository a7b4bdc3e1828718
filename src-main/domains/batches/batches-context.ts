import type { Kysely } from 'kysely';
import type { ShopClock } from '../../../src-shared/domains/batches/batch-status';
import type { batchesContract } from '../../../src-shared/domains/batches/batches.contract';
import { DEFAULT_BATCH_SETTINGS, BatchSettings } from '../../../src-shared/domains/batches/batches.schemas';
import type { BlobHub } from '../../blobs/blob-hub';
import type { Database } from '../../db/database';
import type { DomainContext } from '../../platform/context';
import { defineSettings, readSettings } from '../../platform/settings-store';

/** What the batches domain needs beyond its DomainContext (passed in by batches.module.ts). */
export interface BatchesDeps {
  /** The customer page's browser script (built by `npm run build` into dist/main/customer-page.js). */
  customerPageScript: () => Promise<string>;
}

/** The shop's settings: namespace `batches` in the one settings table. */
export const batchSettings = defineSettings<BatchSettings>({ namespace: 'batches', schema: BatchSettings, defaults: DEFAULT_BATCH_SETTINGS });

/** Stored settings over the defaults; a stored value that no longer validates falls back to its default. */
export const readBatchSettings = (db: Kysely<Database>): Promise<BatchSettings> => readSettings(db, batchSettings);

/** Shared helpers for the batches service parts. */
export interface BatchesContext {
  db(): Kysely<Database>;
  /** The write path (transaction + change log + `batches:changed`). */
  write<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  nowMs(): number;
  settings(): Promise<BatchSettings>;
  setSettings(patch: Partial<BatchSettings>): Promise<BatchSettings>;
  /** The shop's clock: now, in the shop's zone (or the computer's). */
  clock(): Promise<ShopClock>;
  resolveZone(settings: BatchSettings): string;
  /** Heavy work in worker threads, with progress and cancel (host.jobs). */
  jobs: DomainContext['host']['jobs'];
  deps: BatchesDeps;
  /** The file store: label PDFs become temporary blobs with a download ticket. */
  blobs(): Pick<BlobHub, 'publish'>;
}

export function createBatchesContext(ctx: DomainContext<typeof batchesContract>, deps: BatchesDeps): BatchesContext {
  const resolveZone = (s: BatchSettings): string => (s.timeZone !== '' ? s.timeZone : ctx.host.systemTimeZone());
  const settings = ctx.settings(batchSettings);
  return {
    db: ctx.db,
    write: ctx.write,
    nowMs: ctx.now,
    settings: settings.get,
    setSettings: settings.set,
    resolveZone,
    clock: async () => ({ nowMs: ctx.now(), timeZone: resolveZone(await settings.get()) }),
    jobs: ctx.host.jobs,
    deps,
    blobs: () => ctx.host.blobs(),
  };
}
