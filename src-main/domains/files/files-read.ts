import { sql, type Kysely } from 'kysely';
import type { FileLink, Folder } from '../../../src-shared/domains/files/files.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import type { Database } from '../../db/database';
import { fileRow, folderRow, parseTags, toFolder, toSummary, type FilesContext, type FilesHandlers } from './files-core';
import type { FileLinkRow } from './files.table';

export const toLink = (r: FileLinkRow): FileLink => ({
  id: r.id,
  fileId: r.file_id,
  owner: { domain: r.owner_domain as FileLink['owner']['domain'], id: r.owner_id, label: r.owner_label },
  createdAt: r.created_at,
});

/** The folders from the top level down to `folderId` (a cycle cannot happen, but the walk is bounded anyway). */
async function pathOf(db: Kysely<Database>, folderId: string | null): Promise<Folder[]> {
  const out: Folder[] = [];
  for (let id = folderId; id !== null && out.length < 64;) {
    const row = await folderRow(db, id);
    out.unshift(toFolder(row));
    id = row.parent_id;
  }
  return out;
}

/** Listing, one file's details, download tickets and the files attached to a record. */
export function createReadHandlers(fx: FilesContext): Pick<FilesHandlers, 'list' | 'get' | 'ticket' | 'linksOf'> {
  const db = () => fx.ctx.db();
  return {
    list: async ({ folderId, tag, trashed }) => {
      const folders = await db()
        .selectFrom('file_folders')
        .selectAll()
        .where('deleted_at', trashed ? 'is not' : 'is', null)
        .orderBy('name')
        .execute();
      let q = db()
        .selectFrom('files')
        .selectAll()
        .where('deleted_at', trashed ? 'is not' : 'is', null);
      if (!trashed && folderId !== undefined) q = q.where((eb) => (folderId === null ? eb('folder_id', 'is', null) : eb('folder_id', '=', folderId)));
      if (tag !== undefined) {
        // Tags are a JSON array: match an element exactly, case-insensitively.
        const wanted = tag.toLowerCase();
        q = q.where(sql<boolean>`exists (select 1 from json_each(files.tags) as t where lower(t.value) = ${wanted})`);
      }
      const files = await q.orderBy('name').orderBy('id').execute();
      return { folders: folders.map(toFolder), files: files.map(toSummary) };
    },

    get: async ({ id }) => {
      const row = await fileRow(db(), id);
      const versions = await db()
        .selectFrom('file_versions')
        .selectAll()
        .where('file_id', '=', id)
        .where('deleted_at', 'is', null)
        .orderBy('replaced_at', 'desc')
        .execute();
      const links = await db().selectFrom('file_links').selectAll().where('file_id', '=', id).where('deleted_at', 'is', null).orderBy('created_at').execute();
      return {
        ...toSummary(row),
        tags: parseTags(row.tags),
        path: await pathOf(db(), row.folder_id),
        versions: versions.map((v) => ({ id: v.id, blobId: v.blob_id, name: v.name, size: v.size, mime: v.mime, replacedAt: v.replaced_at })),
        linkedFrom: links.map(toLink),
      };
    },

    /** SECURITY: a ticket is minted only for content this file owns (its current blob or one of its versions), never for a blob id passed in. */
    ticket: async ({ id, disposition, versionId }, call) => {
      const row = await fileRow(db(), id);
      let blobId = row.blob_id;
      let name = row.name;
      if (versionId !== undefined) {
        const v = await db()
          .selectFrom('file_versions')
          .selectAll()
          .where('id', '=', versionId)
          .where('file_id', '=', id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (!v) throw new AppError('NOT_FOUND', 'That version of the file does not exist.');
        blobId = v.blob_id;
        name = v.name;
      }
      const t = await fx.ctx.host.blobs().handlers.ticket({ blobId, name, disposition }, call);
      return { ticket: t.ticket, url: t.url, expiresAt: t.expiresAt };
    },

    linksOf: async ({ domain, id }) => {
      const rows = await db()
        .selectFrom('file_links')
        .innerJoin('files', 'files.id', 'file_links.file_id')
        .selectAll('file_links')
        .select(['files.id as f_id'])
        .where('file_links.owner_domain', '=', domain)
        .where('file_links.owner_id', '=', id)
        .where('file_links.deleted_at', 'is', null)
        .where('files.deleted_at', 'is', null)
        .orderBy('file_links.created_at')
        .execute();
      const out = [];
      for (const r of rows) out.push({ link: toLink(r), file: toSummary(await fileRow(db(), r.f_id)) });
      return out;
    },
  };
}
