import { AppError } from '../../../src-shared/ipc/result';
import { newId } from '../../lib/ids';
import { log } from '../../lib/log';
import { isThumbnailable } from '../../blobs/thumbnail-rules';
import type { BlobStore } from '../../blobs/blob-store';
import { FILE_REF, liveFolderRow, nextDoc, normaliseTags, toSummary, type FilesContext, type FilesHandlers } from './files-core';
import { ensurePath, folderSegments } from './files-folders';
import { initialText } from './files-text';
import type { FileRow } from './files.table';

/** The blob store's preview of a picture (made once per content, kept by the blob itself); null for anything else. */
export async function thumbnailOf(store: BlobStore, blobId: string, mime: string, size: number): Promise<string | null> {
  if (!isThumbnailable(mime, size)) return null;
  return store.thumbnail(blobId).catch((err: unknown) => {
    // A broken picture is still a file: it is added without a preview.
    log.warn(`[files] no preview: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  });
}

/**
 * `add`: claims a stored blob (an upload, or a file the CLI streamed in) as a library file. Everything that
 * can be refused is checked before the write (unknown blob, hostile relative path, trashed folder), and the
 * row, its folders, its blob ref and its index row commit together, so a refusal leaves nothing behind.
 */
export function createAddHandler(fx: FilesContext): Pick<FilesHandlers, 'add'> {
  const { ctx } = fx;
  return {
    add: async (input, call) => {
      const store = fx.store();
      const blob = await store.get(input.blobId);
      const segments = input.relativePath === undefined ? [] : folderSegments(input.relativePath);
      const thumbnailId = await thumbnailOf(store, blob.id, blob.mime, blob.size);
      const text = await initialText(store, blob);
      const result = await ctx.write(async (trx) => {
        // Dedupe: the blob id is a keyed hash of the content, so the same bytes are the same id.
        const same = await trx
          .selectFrom('files')
          .selectAll()
          .where('blob_id', '=', blob.id)
          .where('deleted_at', 'is', null)
          .orderBy('created_at')
          .executeTakeFirst();
        if (same) return { file: toSummary(same), duplicateOf: same.id };
        if (input.folderId !== null) await liveFolderRow(trx, input.folderId);
        const now = fx.nowIso();
        const folderId = await ensurePath(trx, input.folderId, segments, now);
        const row: FileRow = {
          id: newId(),
          doc: await nextDoc(trx),
          name: input.name,
          folder_id: folderId,
          blob_id: blob.id,
          size: blob.size,
          mime: blob.mime,
          tags: JSON.stringify(normaliseTags(input.tags)),
          thumbnail_id: thumbnailId,
          text_status: text.status,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        };
        await trx.insertInto('files').values(row).execute();
        // The index row came with the insert (trigger); the text goes in with it, in the same write.
        if (text.text !== '') await trx.updateTable('files_fts').set({ body: text.text }).where('rowid', '=', row.doc).execute();
        await store.addRef(trx, { ...FILE_REF, ownerId: row.id, blobId: blob.id });
        return { file: toSummary(row), duplicateOf: null };
      });
      if (result.duplicateOf === null && result.file.textStatus === 'pending') {
        const extracted = fx.extractSoon([result.file.id]);
        // The CLI exits after the call, so it waits for the text; the app answers at once and the index catches up.
        if (call.transport === 'cli') {
          await extracted;
          return { ...result, file: { ...result.file, textStatus: (await fileStatus(fx, result.file.id)) ?? result.file.textStatus } };
        }
      }
      return result;
    },
  };
}

async function fileStatus(fx: FilesContext, id: string) {
  const row = await fx.ctx.db().selectFrom('files').select('text_status').where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That file was deleted meanwhile.');
  return row.text_status;
}
