import { AppError } from '../../../src-shared/ipc/result';
import { newId } from '../../lib/ids';
import { liveFileRow, type FilesContext, type FilesHandlers } from './files-core';
import { toLink } from './files-read';

/**
 * Links from other domains' records (a vault item, a batch …) to library files. The owner is named, never
 * joined: the files domain does not read other domains' tables, so the caller supplies the label it shows.
 * Linking the same file to the same record twice returns the existing link.
 */
export function createLinkHandlers(fx: FilesContext): Pick<FilesHandlers, 'link' | 'unlink'> {
  const { ctx } = fx;
  return {
    link: ({ fileId, owner }) =>
      ctx.write(async (trx) => {
        await liveFileRow(trx, fileId);
        const existing = await trx
          .selectFrom('file_links')
          .selectAll()
          .where('file_id', '=', fileId)
          .where('owner_domain', '=', owner.domain)
          .where('owner_id', '=', owner.id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        const now = fx.nowIso();
        if (existing) {
          if (existing.owner_label === owner.label) return toLink(existing);
          await trx.updateTable('file_links').set({ owner_label: owner.label, updated_at: now }).where('id', '=', existing.id).execute();
          return toLink({ ...existing, owner_label: owner.label, updated_at: now });
        }
        const row = {
          id: newId(),
          file_id: fileId,
          owner_domain: owner.domain,
          owner_id: owner.id,
          owner_label: owner.label,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        };
        await trx.insertInto('file_links').values(row).execute();
        return toLink(row);
      }),

    unlink: ({ linkId }) =>
      ctx.write(async (trx) => {
        const row = await trx.selectFrom('file_links').select(['id', 'deleted_at']).where('id', '=', linkId).executeTakeFirst();
        if (!row || row.deleted_at !== null) throw new AppError('NOT_FOUND', 'That attachment link does not exist.');
        const now = fx.nowIso();
        await trx.updateTable('file_links').set({ deleted_at: now, updated_at: now }).where('id', '=', linkId).execute();
        return { id: linkId };
      }),
  };
}
