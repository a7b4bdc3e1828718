import type { Kysely } from 'kysely';
import { SYNC_LIMITS, type PulledChange, type PushChange } from '../../src-shared/sync/protocol';
import type { Database } from '../db/database';
import { nowIso } from '../lib/ids';
import { applyRemote } from './apply';
import { openChange, sealChange } from './envelope';
import { hasUnprepared, PUSHED_SEQ, prepare } from './outbox';
import { refuseOutbox } from './refused';
import { addHistory, getState, setState } from './sync-store';
import { personalRouter, SYNCED_TABLES, type SpaceRouter } from './tables';
import { SyncError, type PlainChange, type SpaceKeys, type SyncTransport } from './types';

export interface SyncEngineDeps {
  /** Reads. */
  db: () => Kysely<Database>;
  /** The 'sync' module's DomainContext.write: apply's writes are logged and other modules hear of them. */
  write: <T>(fn: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;
  transport: SyncTransport;
  /** Keys of every space this device syncs; the first is the personal space. */
  spaces: () => SpaceKeys[];
  /** Which space a table's rows go to (default: the personal space). */
  spaceOf?: (table: string, rowId: string) => string;
  now: () => number;
}

/** What one sync pass did (for the status line and tests). */
export interface SyncReport {
  /** Changes the server acknowledged. */
  pushed: number;
  /** Changes received. */
  pulled: number;
  /** Received changes that changed something here. */
  applied: number;
  /** Values that went to the history in this pass (losers, edits after a delete, refused changes). */
  conflicts: number;
  /** Received changes that failed authentication (altered or sealed under another key): never applied. */
  rejected: number;
}

/** One entry of the conflicts view: a value that lost, and to what. */
export interface SyncConflict {
  id: string;
  table: string;
  rowId: string;
  /** The column, or '*' for a whole change a local constraint refused. */
  field: string;
  value: unknown;
  hlc: string;
  lostToHlc: string;
  reason: string;
  at: string;
}

/** `sync_state` key of a space's pull cursor. */
export const cursorKey = (spaceId: string): string => `cursor:${spaceId}`;

/** A push body stays well under SYNC_LIMITS.pushBodyBytes: envelopes are counted as they are added. */
const PUSH_BODY_BUDGET = Math.floor(SYNC_LIMITS.pushBodyBytes * 0.75);

/**
 * The client sync engine (docs/sync.md#engine). One pass:
 *   1. prepare: the change log since the last pass → field-level changes in `sync_outbox` (outbox.ts);
 *   2. push: the outbox, per space, in batches, sealed under the space's keys; each change keeps the id it got when
 *      it was prepared, so a push retried after a lost response is stored once; acknowledged rows leave the outbox;
 *   3. pull and apply, per space, page by page until `more` is false: each page is opened, then applied in one write
 *      together with a fresh prepare (local edits made meanwhile are captured before remote values can overwrite
 *      them) and the space's cursor, so a crash never applies a page twice or skips one.
 *   4. push again when pulling produced anything to send (rarely: local edits made during the pass).
 * Errors are SyncError (typed by the transport): the pass stops and the caller retries with backoff; nothing is lost
 * because the outbox and cursors only move after success.
 */
export function createSyncEngine(deps: SyncEngineDeps): {
  syncOnce(): Promise<SyncReport>;
  pendingCount(): Promise<number>;
  conflicts(limit?: number): Promise<SyncConflict[]>;
} {
  const keysOf = (spaceId: string): SpaceKeys | undefined => deps.spaces().find((s) => s.spaceId === spaceId);
  const route = (): SpaceRouter => {
    const personal = deps.spaces()[0];
    if (!personal) throw new SyncError('UNAUTHORIZED', 'Sync has no personal space: sign in first.');
    const fallback = personalRouter(personal.spaceId);
    const custom = deps.spaceOf;
    return custom ? (t, r) => custom(t, r) || fallback(t, r) : fallback;
  };

  let running: Promise<SyncReport> | null = null;
  let queued: Promise<SyncReport> | null = null;

  async function pass(): Promise<SyncReport> {
    const report: SyncReport = { pushed: 0, pulled: 0, applied: 0, conflicts: 0, rejected: 0 };
    if (await hasUnprepared(deps.db())) await deps.write((trx) => prepare(trx, route()));
    await pushAll(report);
    for (const keys of deps.spaces()) await pullSpace(keys, report);
    await pushAll(report);
    return report;
  }

  /**
   * One pass at a time: a call during a pass waits for it and then runs one more (so a write made just before
   * "Sync now" is always sent); every call made meanwhile shares that one next pass.
   */
  function syncOnce(): Promise<SyncReport> {
    if (!running) {
      running = pass().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return syncOnce();
      });
    return queued;
  }

  async function pushAll(report: SyncReport): Promise<void> {
    for (;;) {
      const rows = await deps.db().selectFrom('sync_outbox').selectAll().orderBy('seq').limit(SYNC_LIMITS.changesPerRequest).execute();
      if (rows.length === 0) return;
      // One space per request: the first row's space, in outbox order.
      const spaceId = rows[0]!.space_id;
      const keys = keysOf(spaceId);
      if (!keys) throw new SyncError('FORBIDDEN', 'A change waits for a space this device has no key for.');
      const batch: PushChange[] = [];
      let bytes = 0;
      let tooLarge = false;
      for (const r of rows) {
        if (r.space_id !== spaceId) break;
        const change: PlainChange = {
          table: r.table_name,
          rowId: r.row_id,
          hlc: r.hlc,
          deleted: r.deleted === 1,
          fields: JSON.parse(r.fields) as Record<string, unknown>,
        };
        let sealed: PushChange;
        try {
          sealed = sealChange(keys, change, r.id);
        } catch (err) {
          // Larger than the server takes: it can never be pushed, so it must not block the queue (kept in the history).
          if (!(err instanceof SyncError && err.code === 'TOO_LARGE')) throw err;
          report.conflicts += await deps.write((trx) => refuseTooLarge(trx, r.id, change, deps.now));
          tooLarge = true;
          break;
        }
        bytes += sealed.envelope.length + 200;
        if (batch.length > 0 && bytes > PUSH_BODY_BUDGET) break;
        batch.push(sealed);
      }
      if (batch.length === 0 && tooLarge) continue;
      let res: Awaited<ReturnType<SyncTransport['push']>>;
      try {
        res = await deps.transport.push(spaceId, batch);
      } catch (err) {
        // A shared space this account may only read (a viewer): retrying cannot help, so its waiting changes become
        // conflicts and the rest of the outbox goes on (refused.ts). The personal space is never refused this way.
        if (!(err instanceof SyncError && err.code === 'FORBIDDEN' && spaceId !== deps.spaces()[0]?.spaceId)) throw err;
        report.conflicts += await deps.write((trx) => refuseOutbox(trx, spaceId, deps.now));
        continue;
      }
      const ids = res.accepted.map((a) => a.id);
      if (ids.length === 0) throw new SyncError('INTERNAL', 'The server acknowledged none of a push.');
      await deps.write(async (trx) => {
        await trx.deleteFrom('sync_outbox').where('id', 'in', ids).execute();
      });
      report.pushed += ids.length;
    }
  }

  async function pullSpace(keys: SpaceKeys, report: SyncReport): Promise<void> {
    for (;;) {
      const since = Number((await getState(deps.db(), cursorKey(keys.spaceId))) ?? 0);
      const page = await deps.transport.pull(keys.spaceId, since, SYNC_LIMITS.changesPerRequest);
      const changes: PlainChange[] = [];
      for (const c of page.changes as PulledChange[]) {
        try {
          changes.push(openAnyVersion(keys, c));
        } catch (err) {
          if (!(err instanceof SyncError)) throw err;
          report.rejected++;
        }
      }
      report.pulled += page.changes.length;
      // Nothing new: no write (a quiet pass costs one request per space).
      if (page.changes.length === 0 && page.cursor <= since) return;
      await deps.write(async (trx) => {
        await prepare(trx, route());
        const res = await applyRemote(trx, changes, { now: deps.now });
        report.applied += res.applied;
        report.conflicts += res.conflicts;
        await setState(trx, cursorKey(keys.spaceId), String(Math.max(since, page.cursor)));
      });
      if (!page.more || page.cursor <= since) return;
    }
  }

  return {
    syncOnce,

    async pendingCount() {
      const db = deps.db();
      const outbox = Number(
        (
          await db
            .selectFrom('sync_outbox')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst()
        )?.n ?? 0,
      );
      const pushed = await getState(db, PUSHED_SEQ);
      const logged = Number(
        (
          await db
            .selectFrom('change_log')
            .select((eb) => eb.fn.count<number>('row_id').distinct().as('n'))
            .where('seq', '>', Number(pushed ?? 0))
            .where('domain', '<>', 'sync')
            .where('table_name', 'in', SYNCED_TABLES)
            .executeTakeFirst()
        )?.n ?? 0,
      );
      return outbox + logged;
    },

    async conflicts(limit = 200) {
      const rows = await deps
        .db()
        .selectFrom('sync_history')
        .selectAll()
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.max(1, Math.min(limit, 1000)))
        .execute();
      return rows.map((r) => ({
        id: r.id,
        table: r.table_name,
        rowId: r.row_id,
        field: r.field,
        value: JSON.parse(r.value) as unknown,
        hlc: r.hlc,
        lostToHlc: r.lost_to_hlc,
        reason: r.reason,
        at: r.at,
      }));
    },
  };
}

/** Opens with the space's keys, then with its older key versions (a shared collection after a rotation), newest first. */
function openAnyVersion(keys: SpaceKeys, c: PulledChange): PlainChange {
  try {
    return openChange(keys, c);
  } catch (err) {
    for (const older of keys.older ?? []) {
      try {
        return openChange(older, c);
      } catch {
        // not this version either
      }
    }
    throw err;
  }
}

/**
 * A change too large for the server leaves the outbox into the history (reason 'too_large', the row named, its
 * value left in the row itself: the history keeps a marker, not megabytes). Other devices keep their version.
 */
async function refuseTooLarge(trx: Kysely<Database>, outboxId: string, change: PlainChange, now: () => number): Promise<number> {
  await trx.deleteFrom('sync_outbox').where('id', '=', outboxId).execute();
  const entry = {
    table: change.table,
    rowId: change.rowId,
    field: '*',
    value: JSON.stringify({ tooLarge: Object.keys(change.fields) }),
    hlc: change.hlc,
    lostToHlc: '',
    reason: 'too_large' as const,
  };
  return (await addHistory(trx, entry, nowIso(now))) ? 1 : 0;
}
