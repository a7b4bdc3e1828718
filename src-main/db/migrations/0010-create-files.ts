import { sql, type Kysely } from 'kysely';
// eslint-disable-next-line no-restricted-imports -- 0007's trigger helper is itself a frozen migration, never app code.
import { addChangeLogTriggers } from './0007-create-change-log';

/**
 * The file library (issue 9): folders, files (each a row pointing at a blob of the encrypted store, with its
 * own `blob_refs` row), the earlier contents of a file (`file_versions`), links from other domains' records
 * (`file_links`) and `files_fts`, the FTS5 index over name, tags and extracted text. The index lives inside the
 * encrypted database (never a plaintext side file); its rowid is the file's `doc` number, so a VACUUM cannot
 * desynchronise the two. Triggers keep name and tags (as `a, b`) in step in the same transaction as the row; the module
 * writes the extracted text (`body`) into the index itself. Frozen in time: imports only kysely (and 0007's helper).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE file_folders (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    parent_id TEXT REFERENCES file_folders (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX file_folders_by_parent ON file_folders (parent_id, name)`.execute(db);

  await sql`CREATE TABLE files (
    id TEXT PRIMARY KEY,
    doc INTEGER NOT NULL UNIQUE,
    name TEXT NOT NULL,
    folder_id TEXT REFERENCES file_folders (id),
    blob_id TEXT NOT NULL REFERENCES blobs (id),
    size INTEGER NOT NULL CHECK (size >= 0),
    mime TEXT NOT NULL,
    -- JSON array of tags.
    tags TEXT NOT NULL DEFAULT '[]',
    -- The blob store's preview of the content (owned by the blob itself, so no reference here).
    thumbnail_id TEXT,
    text_status TEXT NOT NULL CHECK (text_status IN ('none', 'pending', 'done', 'failed')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX files_by_folder ON files (folder_id, name)`.execute(db);
  await sql`CREATE INDEX files_by_blob ON files (blob_id)`.execute(db);
  await sql`CREATE INDEX files_by_text_status ON files (text_status) WHERE text_status = 'pending'`.execute(db);

  await sql`CREATE TABLE file_versions (
    id TEXT PRIMARY KEY,
    file_id TEXT NOT NULL REFERENCES files (id),
    blob_id TEXT NOT NULL REFERENCES blobs (id),
    name TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    mime TEXT NOT NULL,
    replaced_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX file_versions_by_file ON file_versions (file_id, replaced_at DESC)`.execute(db);

  await sql`CREATE TABLE file_links (
    id TEXT PRIMARY KEY,
    file_id TEXT NOT NULL REFERENCES files (id),
    -- The record the file is attached to: named, never joined (any domain may own one).
    owner_domain TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    owner_label TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX file_links_by_owner ON file_links (owner_domain, owner_id) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX file_links_by_file ON file_links (file_id) WHERE deleted_at IS NULL`.execute(db);

  await sql`CREATE VIRTUAL TABLE files_fts USING fts5(name, tags, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
  await sql`CREATE TRIGGER files_fts_insert AFTER INSERT ON files BEGIN
    INSERT INTO files_fts (rowid, name, tags, body) VALUES (new.doc, new.name, (SELECT coalesce(group_concat(value, ', '), '') FROM json_each(new.tags)), '');
  END`.execute(db);
  await sql`CREATE TRIGGER files_fts_update AFTER UPDATE OF name, tags ON files BEGIN
    UPDATE files_fts SET name = new.name, tags = (SELECT coalesce(group_concat(value, ', '), '') FROM json_each(new.tags)) WHERE rowid = new.doc;
  END`.execute(db);
  await sql`CREATE TRIGGER files_fts_delete AFTER DELETE ON files BEGIN
    DELETE FROM files_fts WHERE rowid = old.doc;
  END`.execute(db);

  for (const table of ['file_folders', 'files', 'file_versions', 'file_links']) await addChangeLogTriggers(db, table, 'id');
}
