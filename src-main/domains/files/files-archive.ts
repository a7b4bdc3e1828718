import type { Kysely } from 'kysely';
import { MAX_ARCHIVE_BYTES } from '../../../src-shared/domains/files/files.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { formatMiB, ZIP_LIMITS } from '../../../src-shared/lib/limits';
import { encryptFile } from '../../crypto/encrypted-file';
import type { Database } from '../../db/database';
import { newId } from '../../lib/ids';
import { writeZip } from '../../lib/zip';
import { parseTags, type FilesContext, type FilesHandlers } from './files-core';
import { folderTree } from './files-folders';
import type { FileRow } from './files.table';

/** The `kind` of a files archive in the Hearth encrypted file header (docs/formats.md#files-archive). */
export const ARCHIVE_KIND = 'hearth-files';

/** Folder path of each folder id ("trip/docs"), from the live folder rows. */
async function folderPaths(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('file_folders').select(['id', 'name', 'parent_id']).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const memo = new Map<string, string>();
  const pathOf = (id: string, depth = 0): string => {
    const hit = memo.get(id);
    if (hit !== undefined) return hit;
    const r = byId.get(id);
    const p = !r || depth > 64 ? '' : r.parent_id === null ? r.name : `${pathOf(r.parent_id, depth + 1)}/${r.name}`;
    memo.set(id, p);
    return p;
  };
  for (const r of rows) pathOf(r.id);
  return memo;
}

/** A unique archive path: `a.pdf`, then `a (2).pdf` … (names compare case-insensitively, like writeZip). */
function uniquePath(wanted: string, taken: Set<string>): string {
  const dot = wanted.lastIndexOf('.');
  const [stem, ext] = dot > wanted.lastIndexOf('/') + 1 ? [wanted.slice(0, dot), wanted.slice(dot)] : [wanted, ''];
  let candidate = wanted;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

async function chosenFiles(db: Kysely<Database>, input: { ids?: string[] | undefined; folderId?: string | undefined }): Promise<FileRow[]> {
  let q = db.selectFrom('files').selectAll().where('deleted_at', 'is', null);
  if (input.ids) q = q.where('id', 'in', input.ids);
  else if (input.folderId !== undefined) q = q.where('folder_id', 'in', await folderTree(db, input.folderId));
  const rows = await q.orderBy('id').execute();
  if (input.ids && rows.length !== new Set(input.ids).size) throw new AppError('NOT_FOUND', 'Some of those files do not exist or are in the trash.');
  return rows;
}

/**
 * `exportArchive`: the chosen files as a ZIP (`files/<folder path>/<name>` plus `manifest.json` with names,
 * folders, tags and dates) sealed as a Hearth encrypted file under the archive's own password, handed over
 * as a temporary blob with a download ticket. SECURITY: the ZIP exists in plaintext only in memory and is
 * wiped once sealed; the sealed file's 'export' ref lapses after an hour.
 */
export function createArchiveHandler(fx: FilesContext): Pick<FilesHandlers, 'exportArchive'> {
  const { ctx } = fx;
  return {
    exportArchive: async (input) => {
      const db = ctx.db();
      const rows = await chosenFiles(db, input);
      const total = rows.reduce((sum, r) => sum + r.size, 0);
      if (total > MAX_ARCHIVE_BYTES) throw new AppError('TOO_LARGE', `An archive holds at most ${formatMiB(MAX_ARCHIVE_BYTES)}; export fewer files.`);
      const paths = await folderPaths(db);
      const taken = new Set<string>(['manifest.json']);
      const entries: Record<string, Uint8Array | string> = {};
      const manifest = [];
      const store = fx.store();
      for (const r of rows) {
        const folder = r.folder_id === null ? '' : (paths.get(r.folder_id) ?? '');
        const path = uniquePath(`files/${folder === '' ? '' : `${folder}/`}${r.name}`, taken);
        const chunks: Buffer[] = [];
        for await (const chunk of (await store.open(r.blob_id)) as AsyncIterable<Buffer>) chunks.push(chunk);
        entries[path] = Buffer.concat(chunks);
        manifest.push({ path, name: r.name, folder, tags: parseTags(r.tags), mime: r.mime, size: r.size, createdAt: r.created_at, updatedAt: r.updated_at });
      }
      entries['manifest.json'] = JSON.stringify({ format: ARCHIVE_KIND, version: 1, files: manifest }, null, 2);
      const zip = writeZip(entries, { mtime: ctx.now(), level: 1, limits: { ...ZIP_LIMITS, maxTotalBytes: MAX_ARCHIVE_BYTES + 16 * 1024 * 1024 } });
      for (const v of Object.values(entries)) if (typeof v !== 'string') v.fill(0);
      let sealed: Buffer;
      try {
        sealed = await encryptFile(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength), input.password, ARCHIVE_KIND, ctx.host.kdfCost);
      } finally {
        zip.fill(0);
      }
      const fileName = `hearth-files-${new Date(ctx.now()).toISOString().slice(0, 10)}.hearth`;
      const owner = { ownerDomain: 'files', ownerTable: 'exports', ownerId: newId(), role: 'export' };
      const published = await ctx.host.blobs().publish([sealed], { name: fileName, mime: 'application/octet-stream', owner });
      return { fileName, fileCount: rows.length, blobId: published.blobId, url: published.url, expiresAt: published.expiresAt };
    },
  };
}
