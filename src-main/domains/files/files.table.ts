import type { Selectable } from 'kysely';
import type { TextStatus } from '../../../src-shared/domains/files/files.schemas';

/** Mirrors migration 0010. Timestamps are ISO UTC text. */
export interface FileFolderTable {
  id: string;
  name: string;
  parent_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface FileTable {
  id: string;
  /** The FTS5 rowid of the file (`files_fts`), given once. */
  doc: number;
  name: string;
  folder_id: string | null;
  blob_id: string;
  size: number;
  mime: string;
  /** JSON array of tags. */
  tags: string;
  thumbnail_id: string | null;
  text_status: TextStatus;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface FileVersionTable {
  id: string;
  file_id: string;
  blob_id: string;
  name: string;
  size: number;
  mime: string;
  replaced_at: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface FileLinkTable {
  id: string;
  file_id: string;
  owner_domain: string;
  owner_id: string;
  owner_label: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The FTS5 index (rowid = files.doc): name and tags by trigger, body (extracted text) by the module. */
export interface FileFtsTable {
  rowid: number;
  name: string;
  tags: string;
  body: string;
}

export type FileRow = Selectable<FileTable>;
export type FolderRow = Selectable<FileFolderTable>;
export type FileVersionRow = Selectable<FileVersionTable>;
export type FileLinkRow = Selectable<FileLinkTable>;
