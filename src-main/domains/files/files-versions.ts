import type { Kysely } from 'kysely';
import { AppError } from '../../../src-shared/ipc/result';
import type { Database } from '../../db/database';
import { newId } from '../../lib/ids';
import { thumbnailOf } from './files-add';
import { FILE_REF, VERSION_REF, liveFileRow, toSummary, type FilesContext, type FilesHandlers } from './files-core';
import { initialText } from './files-text';
import type { FileRow } from './files.table';

interface Content {
  blobId: string;
  size: number;
  mime: string;
  thumbnailId: string | null;
  text: Awaited<ReturnType<typeof initialText>>;
}

/** Keeps the current content of `row` as a version and makes `next` current (refs move in the same write). */
async function swapContent(fx: FilesContext, trx: Kysely<Database>, row: FileRow, next: Content, now: string): Promise<FileRow> {
  const store = fx.store();
  const versionId = newId();
  await trx
    .insertInto('file_versions')
    .values({
      id: versionId,
      file_id: row.id,
      blob_id: row.blob_id,
      name: row.name,
      size: row.size,
      mime: row.mime,
      replaced_at: now,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .execute();
  await store.addRef(trx, { ...VERSION_REF, ownerId: versionId, blobId: row.blob_id });
  await store.removeRef(trx, { ...FILE_REF, ownerId: row.id, blobId: row.blob_id });
  await store.addRef(trx, { ...FILE_REF, ownerId: row.id, blobId: next.blobId });
  const changes = {
    blob_id: next.blobId,
    size: next.size,
    mime: next.mime,
    thumbnail_id: next.thumbnailId,
    text_status: next.text.status,
    updated_at: now,
  };
  await trx.updateTable('files').set(changes).where('id', '=', row.id).execute();
  // The old content's words leave the index now; the new content's come with it (text) or with its job (PDF).
  await trx.updateTable('files_fts').set({ body: next.text.text }).where('rowid', '=', row.doc).execute();
  return { ...row, ...changes };
}

/** `replace` and `restoreVersion`: a file's content changes, its earlier content is kept as a version. */
export function createVersionHandlers(fx: FilesContext): Pick<FilesHandlers, 'replace' | 'restoreVersion'> {
  const { ctx } = fx;
  const after = async (row: FileRow) => {
    if (row.text_status === 'pending') void fx.extractSoon([row.id]);
    return toSummary(row);
  };
  return {
    replace: async ({ id, blobId }) => {
      const store = fx.store();
      const blob = await store.get(blobId);
      const thumbnailId = await thumbnailOf(store, blob.id, blob.mime, blob.size);
      const text = await initialText(store, blob);
      const row = await ctx.write(async (trx) => {
        const current = await liveFileRow(trx, id);
        if (current.blob_id === blob.id) return current;
        return swapContent(fx, trx, current, { blobId: blob.id, size: blob.size, mime: blob.mime, thumbnailId, text }, fx.nowIso());
      });
      return after(row);
    },

    /** The chosen version becomes current; what was current becomes the newest version. */
    restoreVersion: async ({ id, versionId }) => {
      const store = fx.store();
      // Read before the write (a version's text is not kept in the index); the write checks the version again.
      const chosen = await ctx.db().selectFrom('file_versions').selectAll().where('id', '=', versionId).where('file_id', '=', id).executeTakeFirst();
      const text = chosen ? await initialText(store, { id: chosen.blob_id, mime: chosen.mime, size: chosen.size }) : { status: 'none' as const, text: '' };
      const row = await ctx.write(async (trx) => {
        const current = await liveFileRow(trx, id);
        const version = await trx
          .selectFrom('file_versions')
          .selectAll()
          .where('id', '=', versionId)
          .where('file_id', '=', id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (!version) throw new AppError('NOT_FOUND', 'That version of the file does not exist.');
        const now = fx.nowIso();
        await store.removeRef(trx, { ...VERSION_REF, ownerId: version.id });
        await trx.updateTable('file_versions').set({ deleted_at: now, updated_at: now }).where('id', '=', version.id).execute();
        const thumb = await trx
          .selectFrom('blob_refs')
          .select('blob_id')
          .where('owner_domain', '=', 'blobs')
          .where('owner_id', '=', version.blob_id)
          .where('role', '=', 'thumbnail')
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        const next = { blobId: version.blob_id, size: version.size, mime: version.mime, thumbnailId: thumb?.blob_id ?? null, text };
        return swapContent(fx, trx, current, next, now);
      });
      return after(row);
    },
  };
}
