import { createReadStream, promises as fs } from 'node:fs';
import { Readable } from 'node:stream';
import type { ExpressionBuilder, Kysely } from 'kysely';
import { AppError } from '../../src-shared/ipc/result';
import { SYNC_LIMITS } from '../../src-shared/sync/protocol';
import type { Database } from '../db/database';
import type { BlobFiles } from '../blobs/blob-files';
import { EXPIRING_ROLES } from '../blobs/blob-gc';
import type { BlobStore, MissingBlobFetcher } from '../blobs/blob-store';
import { SyncError, type SyncTransport } from './types';

/**
 * Stored files over sync (docs/sync.md#files). Rows of `blobs` and `blob_refs` sync like any other table; the bytes
 * move here, content-addressed and already encrypted under the files key (every device of the account shares it):
 *
 *   prepare  before the engine's pass: each file a synced row uses (a live ref of a lasting role; hand-overs such as
 *            label PDFs and exports stay local) gets `blobs.remote_id` = SHA-256 of its encrypted file, a synced column,
 *            so the row that reaches other devices already names the copy to fetch;
 *   upload   after the pass: each such file the server lacks (HEAD first) is streamed up under that name; the server
 *            checks the hash and stores atomically, so a cut-off upload leaves nothing and is simply sent again next
 *            time. `sync_blobs` remembers this device's hash and the upload, so a second sync uploads nothing;
 *   fetch    lazily, when a file whose row arrived by sync is first opened (BlobStore's missing-file hook): streamed
 *            down to a temp file, checked (SHA-256 = remote id, every chunk authenticates, the plaintext's keyed id is
 *            the blob id) and only then stored.
 */
export type BlobTransport = Pick<SyncTransport, 'hasBlob' | 'putBlob' | 'getBlob'> & {
  /** Streaming variants (http-client.ts has them): bounded memory whatever the file size. */
  putBlobStream?: (spaceId: string, id: string, body: Readable, size?: number) => Promise<void>;
  getBlobStream?: (spaceId: string, id: string) => Promise<Readable>;
};

export interface BlobSyncDeps {
  db: () => Kysely<Database>;
  /** The sync module's DomainContext.write (remote ids are synced values; sync_blobs is device-local). */
  write: <T>(fn: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;
  /** The core's one blob store (core.blobs().store). */
  store: BlobStore;
  transport: BlobTransport;
  /** The space whose members may read a blob: the space its `blobs` row syncs to. */
  spaceOf: (blobId: string) => string;
  now: () => number;
}

/** What an upload pass did. */
export interface BlobUploadReport {
  /** Files sent. */
  uploaded: number;
  /** Files the server already had (another device of the account, or an earlier cut-off pass that did finish). */
  present: number;
  /** Encrypted bytes sent. */
  bytes: number;
  /** Files above SYNC_LIMITS.blobBytes: not synced (they stay on this device). */
  tooLarge: number;
}

/** Why a file whose row is here cannot be read yet. */
export type BlobNotHereReason = 'offline' | 'not-uploaded' | 'signed-out';

/**
 * A file that exists in the profile (its row arrived by sync) but whose bytes are on another device and could not be
 * fetched. NOT_FOUND across the IPC boundary, with a message that says what to do.
 */
export class BlobNotHereError extends AppError {
  constructor(readonly reason: BlobNotHereReason) {
    super('NOT_FOUND', BLOB_NOT_HERE_MESSAGES[reason]);
    this.name = 'BlobNotHereError';
  }
}

export const BLOB_NOT_HERE_MESSAGES: Readonly<Record<BlobNotHereReason, string>> = {
  offline: 'This file is on your other device; connect to the sync server to download it.',
  'not-uploaded': 'This file has not reached the sync server yet; sync on the device that added it, then open it again.',
  'signed-out': 'This file is on your other device; sign in to sync again (Settings → Sync) to download it.',
};

/** Roles whose refs are hand-overs (an hour at most): their files never sync. */
const LOCAL_ROLES: readonly string[] = [...EXPIRING_ROLES];

export function createBlobSync(deps: BlobSyncDeps) {
  const files = (): BlobFiles => deps.store.files();
  const iso = (): string => new Date(deps.now()).toISOString();

  /** Blobs a synced row uses: at least one live ref of a lasting role. */
  const syncedBlobs = (db: Kysely<Database>) =>
    db
      .selectFrom('blobs')
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('blob_refs')
            .select('blob_refs.id')
            .whereRef('blob_refs.blob_id', '=', 'blobs.id')
            .where('blob_refs.deleted_at', 'is', null)
            .where('blob_refs.role', 'not in', LOCAL_ROLES),
        ),
      );

  const remember = (blobId: string, sha256: string, uploadedAt: string | null) =>
    deps.write((trx) =>
      trx
        .insertInto('sync_blobs')
        .values({ blob_id: blobId, sha256, uploaded_at: uploadedAt })
        .onConflict((oc) => oc.column('blob_id').doUpdateSet({ sha256, uploaded_at: uploadedAt }))
        .execute(),
    );

  /**
   * Before the engine prepares its changes: names the server copy of every synced file that has no name yet (this
   * device holds it: it hashes its own encrypted file). Forgets sync_blobs rows of blobs that are gone. Returns how many
   * files got a name.
   */
  async function prepare(): Promise<number> {
    const f = files();
    const gone = ({ not, exists, selectFrom }: ExpressionBuilder<Database, 'sync_blobs'>) =>
      not(exists(selectFrom('blobs').select('blobs.id').whereRef('blobs.id', '=', 'sync_blobs.blob_id')));
    if (await deps.db().selectFrom('sync_blobs').select('blob_id').where(gone).executeTakeFirst()) {
      await deps.write((trx) => trx.deleteFrom('sync_blobs').where(gone).execute());
    }
    const unnamed = await syncedBlobs(deps.db()).select('blobs.id').where('blobs.remote_id', 'is', null).execute();
    let named = 0;
    for (const { id } of unnamed) {
      if (!(await f.has(id))) continue; // a row from a device that has not named it yet: that device will
      const sha256 = await f.sha256Of(id);
      const done = await deps.write(async (trx) => {
        const res = await trx.updateTable('blobs').set({ remote_id: sha256 }).where('id', '=', id).where('remote_id', 'is', null).executeTakeFirst();
        await trx
          .insertInto('sync_blobs')
          .values({ blob_id: id, sha256, uploaded_at: null })
          .onConflict((oc) => oc.column('blob_id').doUpdateSet({ sha256, uploaded_at: null }))
          .execute();
        return Number(res.numUpdatedRows) > 0;
      });
      if (done) named++;
    }
    return named;
  }

  /**
   * After the engine's pass: uploads each synced file whose server copy is this device's and not known to be there.
   * Network errors stop the pass (the caller retries the whole sync later; nothing half-stored stays on the server).
   */
  async function upload(): Promise<BlobUploadReport> {
    const report: BlobUploadReport = { uploaded: 0, present: 0, bytes: 0, tooLarge: 0 };
    const f = files();
    const pending = await syncedBlobs(deps.db())
      .innerJoin('sync_blobs', 'sync_blobs.blob_id', 'blobs.id')
      .select(['blobs.id as id', 'sync_blobs.sha256 as sha256'])
      .whereRef('sync_blobs.sha256', '=', 'blobs.remote_id')
      .where('sync_blobs.uploaded_at', 'is', null)
      .orderBy('blobs.id')
      .execute();
    for (const { id, sha256 } of pending) {
      const file = f.pathOf(id);
      const stat = await fs.stat(file).catch(() => null);
      if (!stat) continue; // collected meanwhile
      if (stat.size > SYNC_LIMITS.blobBytes) {
        report.tooLarge++;
        continue;
      }
      const spaceId = deps.spaceOf(id);
      if (await deps.transport.hasBlob(spaceId, sha256)) {
        report.present++;
      } else {
        try {
          await send(spaceId, sha256, file, stat.size);
        } catch (err) {
          // The file no longer hashes to the name it was given (stored again after a collection): rename it, and
          // upload it under the new name on the next pass.
          if (err instanceof SyncError && err.code === 'BAD_REQUEST') {
            const fresh = await f.sha256Of(id);
            await deps.write(async (trx) => {
              await trx.updateTable('blobs').set({ remote_id: fresh }).where('id', '=', id).where('remote_id', '=', sha256).execute();
              await trx.updateTable('sync_blobs').set({ sha256: fresh, uploaded_at: null }).where('blob_id', '=', id).execute();
            });
            continue;
          }
          throw err;
        }
        report.uploaded++;
        report.bytes += stat.size;
      }
      await remember(id, sha256, iso());
    }
    return report;
  }

  async function send(spaceId: string, sha256: string, file: string, size: number): Promise<void> {
    if (deps.transport.putBlobStream) {
      await deps.transport.putBlobStream(spaceId, sha256, createReadStream(file, { highWaterMark: 1 << 20 }), size);
    } else {
      await deps.transport.putBlob(spaceId, sha256, await fs.readFile(file));
    }
  }

  /** BlobStore's missing-file hook: fetches, checks and stores the file of a row that arrived by sync. */
  const fetch: MissingBlobFetcher = async (id, into) => {
    const row = await deps.db().selectFrom('blobs').select('remote_id').where('id', '=', id).executeTakeFirst();
    if (!row?.remote_id) throw new BlobNotHereError('not-uploaded');
    const sha256 = row.remote_id;
    const spaceId = deps.spaceOf(id);
    try {
      const body = deps.transport.getBlobStream
        ? await deps.transport.getBlobStream(spaceId, sha256)
        : Readable.from([await deps.transport.getBlob(spaceId, sha256)]);
      await into.adopt(id, body, sha256);
    } catch (err) {
      throw notHere(err);
    }
    await remember(id, sha256, iso());
  };

  return {
    prepare,
    upload,
    fetch,
    /** Registers the fetcher with the blob store (on sign-in / unlock); returns the undo (sign-out / lock). */
    attach(): () => void {
      deps.store.setMissingFetcher(fetch);
      return () => deps.store.setMissingFetcher(null);
    },
  };
}

export type BlobSync = ReturnType<typeof createBlobSync>;

/** A failed download in words: offline, not uploaded yet, signed out; damage stays CORRUPT. */
function notHere(err: unknown): unknown {
  if (!(err instanceof SyncError)) return err;
  switch (err.code) {
    case 'NETWORK':
    case 'UNAVAILABLE':
    case 'RATE_LIMITED':
    case 'INTERNAL':
      return new BlobNotHereError('offline');
    case 'NOT_FOUND':
      return new BlobNotHereError('not-uploaded');
    case 'UNAUTHORIZED':
    case 'FORBIDDEN':
      return new BlobNotHereError('signed-out');
    case 'TAMPERED':
      return new AppError('CORRUPT', 'The copy of a stored file from the sync server did not match; nothing was stored.');
    default:
      return new BlobNotHereError('offline');
  }
}

/**
 * One sync pass with files: names new files, runs the engine's pass (prepare, push, pull, apply), then uploads the
 * files the server lacks. The engine's report gains the upload's.
 */
export async function syncWithBlobs<R extends object>(engine: { syncOnce(): Promise<R> }, blobs: BlobSync): Promise<R & { blobs: BlobUploadReport }> {
  await blobs.prepare();
  const report = await engine.syncOnce();
  return { ...report, blobs: await blobs.upload() };
}

/** The engine with files: its `syncOnce` is {@link syncWithBlobs} (what the sync module runs). */
export function withBlobs<E extends { syncOnce(): Promise<object> }>(engine: E, blobs: BlobSync): E {
  return { ...engine, syncOnce: () => syncWithBlobs(engine, blobs) };
}
