import type { Kysely } from 'kysely';
import { SyncLastError, type SyncLastError as LastError } from '../../../src-shared/domains/sync/sync.schemas';
import type { Database } from '../../db/database';

/**
 * The last sync's outcome, kept in `sync_state` (migration 0015) under `status:*` keys rather than in settings:
 * sync_state is not change-logged, so a pass every minute does not add a change_log row every minute.
 */
export interface LastOutcome {
  lastSyncAt: string | null;
  lastError: LastError | null;
}

const KEYS = { lastSyncAt: 'status:lastSyncAt', lastError: 'status:lastError' } as const;

export async function readOutcome(db: Kysely<Database>): Promise<LastOutcome> {
  const rows = await db.selectFrom('sync_state').select(['key', 'value']).where('key', 'in', [KEYS.lastSyncAt, KEYS.lastError]).execute();
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  let lastError: LastError | null = null;
  try {
    const raw = byKey.get(KEYS.lastError);
    lastError = raw ? SyncLastError.parse(JSON.parse(raw)) : null;
  } catch {
    lastError = null;
  }
  return { lastSyncAt: byKey.get(KEYS.lastSyncAt) ?? null, lastError };
}

/** Records a pass's outcome (inside the caller's write). */
export async function writeOutcome(trx: Kysely<Database>, patch: Partial<LastOutcome>): Promise<void> {
  const put = async (key: string, value: string | null) => {
    if (value === null) await trx.deleteFrom('sync_state').where('key', '=', key).execute();
    else
      await trx
        .insertInto('sync_state')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
  };
  if (patch.lastSyncAt !== undefined) await put(KEYS.lastSyncAt, patch.lastSyncAt);
  if (patch.lastError !== undefined) await put(KEYS.lastError, patch.lastError ? JSON.stringify(patch.lastError) : null);
}
