import { sql, type Kysely } from 'kysely';
// eslint-disable-next-line no-restricted-imports -- 0007's trigger helper is itself a frozen migration, never app code.
import { addChangeLogTriggers } from './0007-create-change-log';

/**
 * The journal (issue 9): journals, entries (Markdown), their saved versions, attachments (files in the
 * encrypted blob store) and templates, plus `journal_fts`, the FTS5 index of entries. The index lives
 * inside the encrypted database like every other row (never a plaintext side file) and reads its text from
 * `journal_entries` (external content). Its rowid is the entry's `doc` number, given once and never reused, so a VACUUM cannot desynchronise the two; triggers
 * keep it in step inside the same transaction as the entry. Frozen in time: imports only kysely (and
 * the change-log helper of 0007, itself frozen).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE journals (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    color TEXT NOT NULL,
    icon TEXT NOT NULL,
    privacy TEXT NOT NULL CHECK (privacy IN ('normal', 'locked')),
    -- JSON array of check-in metric definitions.
    metrics TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);

  await sql`CREATE TABLE journal_entries (
    id TEXT PRIMARY KEY,
    doc INTEGER NOT NULL UNIQUE,
    journal_id TEXT NOT NULL REFERENCES journals (id),
    title TEXT,
    body TEXT NOT NULL,
    -- When it happened (ISO UTC) and where on the calendar that was (the zone's local date).
    entry_at TEXT NOT NULL,
    entry_date TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    -- JSON array of tags; JSON object of check-in values; JSON object of imported extras.
    tags TEXT NOT NULL DEFAULT '[]',
    starred INTEGER NOT NULL DEFAULT 0,
    mood INTEGER CHECK (mood BETWEEN 1 AND 5),
    metrics TEXT NOT NULL DEFAULT '{}',
    location TEXT,
    extra TEXT NOT NULL DEFAULT '{}',
    -- Where an imported entry came from ('<format>:<source id>'), for duplicate detection.
    source TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX journal_entries_by_entry_at ON journal_entries (entry_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX journal_entries_by_journal_entry_at ON journal_entries (journal_id, entry_at DESC)`.execute(db);
  await sql`CREATE INDEX journal_entries_by_entry_date ON journal_entries (entry_date)`.execute(db);
  // Search filters its FTS matches on this covering index, never touching the rows (docs/architecture.md#journal).
  await sql`CREATE INDEX journal_entries_live_by_doc ON journal_entries (doc, journal_id, entry_date, mood, id) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX journal_entries_by_source ON journal_entries (source) WHERE source IS NOT NULL`.execute(db);

  await sql`CREATE TABLE journal_entry_versions (
    id TEXT PRIMARY KEY,
    entry_id TEXT NOT NULL REFERENCES journal_entries (id),
    title TEXT,
    body TEXT NOT NULL,
    tags TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX journal_entry_versions_by_entry ON journal_entry_versions (entry_id, saved_at DESC)`.execute(db);

  await sql`CREATE TABLE journal_attachments (
    id TEXT PRIMARY KEY,
    entry_id TEXT NOT NULL REFERENCES journal_entries (id),
    blob_id TEXT NOT NULL REFERENCES blobs (id),
    thumbnail_blob_id TEXT REFERENCES blobs (id),
    name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    position INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX journal_attachments_by_entry ON journal_attachments (entry_id, position) WHERE deleted_at IS NULL`.execute(db);

  await sql`CREATE TABLE journal_templates (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);

  // External content: the index reads its text from journal_entries (by `doc`) instead of keeping a second copy,
  // a third of the database's pages and of an import's commit (docs/architecture.md#journal). Such an index cannot
  // look up what it indexed, so the triggers remove a row with FTS5's 'delete' command and the OLD values.
  await sql`CREATE VIRTUAL TABLE journal_fts USING fts5(title, body, tags, content = 'journal_entries', content_rowid = 'doc',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
  await sql`CREATE TRIGGER journal_fts_insert AFTER INSERT ON journal_entries BEGIN
    INSERT INTO journal_fts (rowid, title, body, tags) VALUES (new.doc, coalesce(new.title, ''), new.body, new.tags);
  END`.execute(db);
  await sql`CREATE TRIGGER journal_fts_update AFTER UPDATE OF title, body, tags ON journal_entries BEGIN
    INSERT INTO journal_fts (journal_fts, rowid, title, body, tags) VALUES ('delete', old.doc, coalesce(old.title, ''), old.body, old.tags);
    INSERT INTO journal_fts (rowid, title, body, tags) VALUES (new.doc, coalesce(new.title, ''), new.body, new.tags);
  END`.execute(db);
  await sql`CREATE TRIGGER journal_fts_delete AFTER DELETE ON journal_entries BEGIN
    INSERT INTO journal_fts (journal_fts, rowid, title, body, tags) VALUES ('delete', old.doc, coalesce(old.title, ''), old.body, old.tags);
  END`.execute(db);

  for (const table of ['journals', 'journal_entries', 'journal_entry_versions', 'journal_attachments', 'journal_templates']) {
    await addChangeLogTriggers(db, table, 'id');
  }
}
