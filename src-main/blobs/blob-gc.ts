import { promises as fs } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { BlobFiles } from './blob-files';
import { markUnreferenced } from './blob-refs';
import { log } from '../lib/log';

/** How long an unreferenced blob stays before collection: the same 30 days as the vault's trash. */
export const BLOB_TRASH_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * Refs with these roles lapse on their own after `tempRefMs`: a label PDF, an export file (vault export, customer
 * site) or an unclaimed upload is a hand-over, not data. SECURITY: an 'export' blob may be a plaintext vault export.
 */
export const EXPIRING_ROLES = ['label-pdf', 'export', 'upload'] as const;
export type ExpiringRole = (typeof EXPIRING_ROLES)[number];
export const TEMP_REF_MS = 60 * 60 * 1000;
/** A blob only ever used under these roles is derived or handed over: no trash period once unreferenced. */
const NO_TRASH_ROLES = [...EXPIRING_ROLES, 'thumbnail'];
/** Files with no row are swept only when this old: another process may be between its file and its row. */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;

export interface GcOptions {
  /** The trash period (default 30 days). */
  olderThanMs?: number;
  tempRefMs?: number;
  orphanGraceMs?: number;
}

export interface GcReport {
  /** Blob rows (and their files) deleted. */
  blobs: number;
  /** Files deleted that had no row (a crash between file and row, or a row deleted before its file). */
  orphans: number;
}

interface GcDeps {
  files: () => BlobFiles;
  db: () => Kysely<Database>;
  write: <T>(fn: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;
  now: () => number;
}

/** Ends the given refs and marks the blobs they held as unreferenced from `at`. */
async function dropRefs(trx: Kysely<Database>, refs: readonly { id: string; blob_id: string }[], at: string): Promise<void> {
  if (refs.length === 0) return;
  await trx
    .updateTable('blob_refs')
    .set({ deleted_at: at, updated_at: at })
    .where(
      'id',
      'in',
      refs.map((r) => r.id),
    )
    .execute();
  await markUnreferenced(trx, [...new Set(refs.map((r) => r.blob_id))], at);
}

/**
 * Crash-safe order: the rows go first, in one write (a crash after it leaves files without rows, which the
 * orphan sweep deletes next time); the files go after the commit. Never the other way round, which could
 * leave a row whose file is gone.
 */
export async function collectGarbage(deps: GcDeps, opts: GcOptions): Promise<GcReport> {
  const now = deps.now();
  const iso = (ms: number): string => new Date(ms).toISOString();
  const trashCutoff = iso(now - (opts.olderThanMs ?? BLOB_TRASH_MS));
  const deleted = await deps.write(async (trx) => {
    const lapsed = await trx
      .selectFrom('blob_refs')
      .select(['id', 'blob_id'])
      .where('role', 'in', [...EXPIRING_ROLES])
      .where('deleted_at', 'is', null)
      .where('created_at', '<=', iso(now - (opts.tempRefMs ?? TEMP_REF_MS)))
      .execute();
    await dropRefs(trx, lapsed, iso(now));
    const gone: string[] = [];
    // A collected blob drops its own refs to its thumbnails, which may then go in the next round.
    for (let round = 0; round < 3; round++) {
      const ids = await candidates(trx, trashCutoff);
      if (ids.length === 0) break;
      for (let i = 0; i < ids.length; i += 500) {
        const part = ids.slice(i, i + 500);
        const owned = await trx
          .selectFrom('blob_refs')
          .select(['id', 'blob_id'])
          .where('owner_domain', '=', 'blobs')
          .where('owner_table', '=', 'blobs')
          .where('owner_id', 'in', part)
          .where('deleted_at', 'is', null)
          .execute();
        await dropRefs(trx, owned, iso(now));
        await trx.deleteFrom('blob_refs').where('blob_id', 'in', part).execute();
        await trx.deleteFrom('blobs').where('id', 'in', part).execute();
      }
      gone.push(...ids);
    }
    return gone;
  });

  const files = deps.files();
  // Re-checked after the commit: another process may have stored the same content again meanwhile.
  const back = new Set<string>();
  for (let i = 0; i < deleted.length; i += 500) {
    const part = deleted.slice(i, i + 500);
    for (const r of await deps.db().selectFrom('blobs').select('id').where('id', 'in', part).execute()) back.add(r.id);
  }
  for (const id of deleted) if (!back.has(id)) await files.remove(id);
  const orphans = await sweepOrphans(deps, files, now - (opts.orphanGraceMs ?? ORPHAN_GRACE_MS));
  if (deleted.length + orphans > 0) log.info(`[blobs] collected ${deleted.length} unreferenced file(s) and ${orphans} orphan(s)`);
  return { blobs: deleted.length, orphans };
}

/** Unreferenced blobs past the trash period, or unreferenced and only ever used under no-trash roles. */
async function candidates(trx: Kysely<Database>, trashCutoff: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('blobs')
    .select('blobs.id')
    .where('blobs.unreferenced_since', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('blob_refs').select('blob_refs.id').whereRef('blob_refs.blob_id', '=', 'blobs.id').where('blob_refs.deleted_at', 'is', null))),
    )
    .where(({ or, and, eb, not, exists, selectFrom }) =>
      or([
        eb('blobs.unreferenced_since', '<=', trashCutoff),
        and([
          exists(selectFrom('blob_refs').select('blob_refs.id').whereRef('blob_refs.blob_id', '=', 'blobs.id')),
          not(
            exists(
              selectFrom('blob_refs').select('blob_refs.id').whereRef('blob_refs.blob_id', '=', 'blobs.id').where('blob_refs.role', 'not in', NO_TRASH_ROLES),
            ),
          ),
        ]),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

async function sweepOrphans(deps: GcDeps, files: BlobFiles, graceCutoffMs: number): Promise<number> {
  let swept = 0;
  let batch: string[] = [];
  const flush = async (): Promise<void> => {
    const known = new Set((await deps.db().selectFrom('blobs').select('id').where('id', 'in', batch).execute()).map((r) => r.id));
    for (const id of batch) {
      if (known.has(id)) continue;
      const stat = await fs.stat(files.pathOf(id)).catch(() => null);
      if (!stat || stat.mtimeMs > graceCutoffMs) continue;
      await files.remove(id);
      swept++;
    }
    batch = [];
  };
  for await (const id of files.ids()) {
    batch.push(id);
    if (batch.length >= 500) await flush();
  }
  if (batch.length > 0) await flush();
  return swept;
}
