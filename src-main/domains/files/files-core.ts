import type { Kysely } from 'kysely';
import type { filesContract } from '../../../src-shared/domains/files/files.contract';
import type { FileSummary, Folder } from '../../../src-shared/domains/files/files.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import type { BlobStore } from '../../blobs/blob-store';
import type { ServiceOf } from '../../../src-shared/ipc/define';
import type { Database } from '../../db/database';
import type { DomainContext } from '../../platform/context';
import type { FileRow, FolderRow } from './files.table';

/** The blob ref a library file holds on its current content, and one per kept version. */
export const FILE_REF = { ownerDomain: 'files', ownerTable: 'files', role: 'file' } as const;
export const VERSION_REF = { ownerDomain: 'files', ownerTable: 'file_versions', role: 'version' } as const;

export type FilesHandlers = ServiceOf<typeof filesContract>;

/** What the files parts share: the module's context plus the open profile's blob store. */
export interface FilesContext {
  ctx: DomainContext<typeof filesContract>;
  store(): BlobStore;
  nowIso(): string;
  /** Queues text extraction for files whose text_status is 'pending' (after their write committed). */
  extractSoon(ids: readonly string[]): Promise<void>;
}

export const parseTags = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
};

/** Tags as stored: trimmed, deduplicated case-insensitively, in the order given. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tags) {
    const key = t.trim().toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(t.trim());
  }
  return out;
}

export const toSummary = (r: FileRow): FileSummary => ({
  id: r.id,
  name: r.name,
  folderId: r.folder_id,
  blobId: r.blob_id,
  size: r.size,
  mime: r.mime,
  tags: parseTags(r.tags),
  thumbnailId: r.thumbnail_id,
  textStatus: r.text_status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
});

export const toFolder = (r: FolderRow): Folder => ({
  id: r.id,
  name: r.name,
  parentId: r.parent_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
});

export async function fileRow(db: Kysely<Database>, id: string): Promise<FileRow> {
  const row = await db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That file does not exist (it may have been deleted for good).');
  return row;
}

/** A file that is not in the trash (edits are refused on trashed files: restore first). */
export async function liveFileRow(db: Kysely<Database>, id: string): Promise<FileRow> {
  const row = await fileRow(db, id);
  if (row.deleted_at !== null) throw new AppError('CONFLICT', 'That file is in the trash; restore it first.');
  return row;
}

export async function folderRow(db: Kysely<Database>, id: string): Promise<FolderRow> {
  const row = await db.selectFrom('file_folders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That folder does not exist.');
  return row;
}

export async function liveFolderRow(db: Kysely<Database>, id: string): Promise<FolderRow> {
  const row = await folderRow(db, id);
  if (row.deleted_at !== null) throw new AppError('CONFLICT', 'That folder is in the trash; restore it first.');
  return row;
}

/** The next FTS rowid: one above the largest given (a purged top number may come back; its index row went with it). */
export async function nextDoc(trx: Kysely<Database>): Promise<number> {
  const row = await trx
    .selectFrom('files')
    .select((eb) => eb.fn.max<number | null>('doc').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}
