import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ShopClock } from '../../../src-shared/domains/batches/batch-status';
import { DEFAULT_BATCH_SETTINGS, BatchSettings } from '../../../src-shared/domains/batches/batches.schemas';
import type { Database } from '../../db/database';
import { log } from '../../lib/log';
import { batchesRepository as repo } from './batches.repository';

/** What the batches domain needs from the rest of the app, passed in from bootstrap.ts. */
export interface BatchesDeps {
  db: () => Kysely<Database>;
  /** The clock (ms since the epoch); tests pin it. */
  now?: () => number;
  /** The computer's IANA zone, used while the shop has not chosen one. */
  systemTimeZone?: () => string;
  /** Reads the text of a QR code in a PNG or JPEG (the vault's decoder, passed in: domains never import each other). */
  decodeQrImage: (bytes: Buffer) => string;
  /** The customer page's browser script (built by `npm run build` into dist/main/customer-page.js). */
  customerPageScript: () => Promise<string>;
  /** Tells renderers that batches changed. */
  emitChanged?: (ids: string[]) => void;
}

/** Shared helpers for the batches service parts. */
export interface BatchesContext {
  db(): Kysely<Database>;
  nowMs(): number;
  settings(): Promise<BatchSettings>;
  /** The shop's clock: now, in the shop's zone (or the computer's). */
  clock(): Promise<ShopClock>;
  resolveZone(settings: BatchSettings): string;
  changed(ids: string[]): void;
  deps: BatchesDeps;
}

const systemZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Stored settings over the defaults; a stored value that no longer validates falls back to its default. */
export async function readBatchSettings(db: Kysely<Database>): Promise<BatchSettings> {
  const merged: Record<string, unknown> = { ...DEFAULT_BATCH_SETTINGS };
  for (const row of await repo.listSettings(db)) {
    const field = (BatchSettings.shape as Record<string, z.ZodType | undefined>)[row.key];
    if (!field) continue;
    try {
      const parsed = field.safeParse(JSON.parse(row.value));
      if (parsed.success) merged[row.key] = parsed.data;
      else log.warn(`[batches] ignoring invalid stored setting ${row.key}`);
    } catch {
      log.warn(`[batches] ignoring unreadable stored setting ${row.key}`);
    }
  }
  return BatchSettings.parse(merged);
}

export function createBatchesContext(deps: BatchesDeps): BatchesContext {
  const nowMs = deps.now ?? Date.now;
  const resolveZone = (s: BatchSettings): string => (s.timeZone !== '' ? s.timeZone : (deps.systemTimeZone ?? systemZone)());
  const settings = () => readBatchSettings(deps.db());
  return {
    db: deps.db,
    nowMs,
    settings,
    resolveZone,
    clock: async () => ({ nowMs: nowMs(), timeZone: resolveZone(await settings()) }),
    changed: (ids) => deps.emitChanged?.(ids.slice(0, 1000)),
    deps,
  };
}
