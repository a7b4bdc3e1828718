import type { Kysely } from 'kysely';
import { AppError } from '../../../src-shared/ipc/result';
import type { Database } from '../../db/database';
import { FILE_REF, VERSION_REF, fileRow, liveFileRow, liveFolderRow, normaliseTags, toSummary, type FilesContext, type FilesHandlers } from './files-core';
import type { FileRow } from './files.table';

/** Renaming, moving, tags, trash, restore and purge: each one write of the file's row (and its refs for purge). */
export function createEditHandlers(fx: FilesContext): Pick<FilesHandlers, 'rename' | 'move' | 'setTags' | 'trash' | 'restore' | 'purge'> {
  const { ctx } = fx;

  /** Applies `patch` to a live file and returns it as it now is. */
  const edit = (id: string, patch: (trx: Kysely<Database>, row: FileRow) => Promise<Partial<FileRow>> | Partial<FileRow>) =>
    ctx.write(async (trx) => {
      const row = await liveFileRow(trx, id);
      const changes = { ...(await patch(trx, row)), updated_at: fx.nowIso() };
      await trx.updateTable('files').set(changes).where('id', '=', id).execute();
      return toSummary({ ...row, ...changes });
    });

  return {
    rename: ({ id, name }) => edit(id, () => ({ name })),

    move: ({ id, folderId }) =>
      edit(id, async (trx) => {
        if (folderId !== null) await liveFolderRow(trx, folderId);
        return { folder_id: folderId };
      }),

    setTags: ({ id, tags }) => edit(id, () => ({ tags: JSON.stringify(normaliseTags(tags)) })),

    trash: ({ id }) => edit(id, () => ({ deleted_at: fx.nowIso() })),

    restore: ({ id }) =>
      ctx.write(async (trx) => {
        const row = await fileRow(trx, id);
        if (row.deleted_at === null) return toSummary(row);
        // Back into its folder, or to the top level when that folder is itself in the trash.
        const folder =
          row.folder_id === null ? null : await trx.selectFrom('file_folders').select('deleted_at').where('id', '=', row.folder_id).executeTakeFirst();
        const changes = { deleted_at: null, updated_at: fx.nowIso(), folder_id: folder && folder.deleted_at === null ? row.folder_id : null };
        await trx.updateTable('files').set(changes).where('id', '=', id).execute();
        return toSummary({ ...row, ...changes });
      }),

    /**
     * Deletes a trashed file for good: its versions and links go with it, and every blob ref it held is ended
     * (the content itself is collected once no one else references it). The index row goes by trigger.
     */
    purge: ({ id }) =>
      ctx.write(async (trx) => {
        const row = await fileRow(trx, id);
        if (row.deleted_at === null) throw new AppError('CONFLICT', 'Only a file in the trash can be deleted for good; move it to the trash first.');
        const store = fx.store();
        const versions = await trx.selectFrom('file_versions').select('id').where('file_id', '=', id).execute();
        for (const v of versions) await store.removeRef(trx, { ...VERSION_REF, ownerId: v.id });
        await store.removeRef(trx, { ...FILE_REF, ownerId: id });
        await trx.deleteFrom('file_versions').where('file_id', '=', id).execute();
        await trx.deleteFrom('file_links').where('file_id', '=', id).execute();
        await trx.deleteFrom('files').where('id', '=', id).execute();
        return { id };
      }),
  };
}
