import type { Kysely } from 'kysely';
import { AppError } from '../../src-shared/ipc/result';
import type { Database } from '../db/database';
import { newId } from '../lib/ids';

/** Who uses a blob, and for what ('attachment', 'thumbnail', 'label-pdf', 'upload', …). */
export interface BlobOwner {
  ownerDomain: string;
  ownerTable: string;
  ownerId: string;
  role: string;
}

export interface RefInput extends BlobOwner {
  blobId: string;
}

/**
 * Adds a live ref (idempotent: the same owner and role on the same blob is one ref) and clears the blob's
 * `unreferenced_since`. Runs inside the caller's write, so the owner's row and its ref commit together.
 */
export async function addRef(trx: Kysely<Database>, ref: RefInput, nowIso: string): Promise<string> {
  const blob = await trx.selectFrom('blobs').select('id').where('id', '=', ref.blobId).executeTakeFirst();
  if (!blob) throw new AppError('NOT_FOUND', 'That stored file does not exist (it may have been cleaned up).');
  const existing = await liveRefs(trx, ref).select('id').executeTakeFirst();
  if (existing) return existing.id;
  const id = newId();
  await trx
    .insertInto('blob_refs')
    .values({
      id,
      blob_id: ref.blobId,
      owner_domain: ref.ownerDomain,
      owner_table: ref.ownerTable,
      owner_id: ref.ownerId,
      role: ref.role,
      created_at: nowIso,
      updated_at: nowIso,
      deleted_at: null,
    })
    .execute();
  await trx
    .updateTable('blobs')
    .set({ unreferenced_since: null, updated_at: nowIso })
    .where('id', '=', ref.blobId)
    .where('unreferenced_since', 'is not', null)
    .execute();
  return id;
}

/**
 * Soft-deletes the owner's live refs (on one blob, or on every blob when `blobId` is omitted; every role
 * when `role` is omitted). A blob left with no live ref starts its trash period. Returns the refs removed.
 */
export async function removeRef(trx: Kysely<Database>, ref: Partial<RefInput> & Omit<BlobOwner, 'role'>, nowIso: string): Promise<number> {
  const rows = await liveRefs(trx, ref).select(['id', 'blob_id']).execute();
  if (rows.length === 0) return 0;
  await trx
    .updateTable('blob_refs')
    .set({ deleted_at: nowIso, updated_at: nowIso })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  await markUnreferenced(trx, [...new Set(rows.map((r) => r.blob_id))], nowIso);
  return rows.length;
}

/** Starts the trash period of each blob in `ids` that has no live ref left. */
export async function markUnreferenced(trx: Kysely<Database>, ids: string[], nowIso: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await trx
      .updateTable('blobs')
      .set({ unreferenced_since: nowIso, updated_at: nowIso })
      .where('id', 'in', ids.slice(i, i + 500))
      .where('unreferenced_since', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('blob_refs').select('blob_refs.id').whereRef('blob_refs.blob_id', '=', 'blobs.id').where('blob_refs.deleted_at', 'is', null))),
      )
      .execute();
  }
}

function liveRefs(trx: Kysely<Database>, ref: Partial<RefInput> & Omit<BlobOwner, 'role'>) {
  let q = trx
    .selectFrom('blob_refs')
    .where('owner_domain', '=', ref.ownerDomain)
    .where('owner_table', '=', ref.ownerTable)
    .where('owner_id', '=', ref.ownerId)
    .where('deleted_at', 'is', null);
  if (ref.blobId !== undefined) q = q.where('blob_id', '=', ref.blobId);
  if (ref.role !== undefined) q = q.where('role', '=', ref.role);
  return q;
}
