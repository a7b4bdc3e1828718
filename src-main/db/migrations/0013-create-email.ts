import { sql, type Kysely } from 'kysely';
// eslint-disable-next-line no-restricted-imports -- 0007's trigger helper is itself a frozen migration, never app code.
import { addChangeLogTriggers } from './0007-create-change-log';

/**
 * Email archive (issue 12): messages imported from mbox files, .eml/.emlx folders and IMAP accounts.
 *
 * - A message's original bytes live in the encrypted file store, compressed, packed several to a blob
 *   (`pack_id` = the blob, `pack_offset`/`pack_length` = its compressed record inside the blob's plaintext);
 *   `sha256` is the hash of those original bytes, checked on every read and export.
 * - A message is stored once per (Message-ID, SHA-256); every place it came from is a row of `email_provenance`
 *   (source, folder, position in the source, the mbox From_ line and the bytes that followed it there), so an
 *   mbox export can rebuild the original file byte for byte.
 * - `email_fts` is an FTS5 table inside the encrypted database (rowid = `email_messages.doc`).
 * - `email_import_runs` is an import's checkpoint: the source offset up to which every message is committed,
 *   written in the same transaction as those messages, so a killed import resumes without duplicates.
 * Frozen in time: imports only kysely (and 0007's helper).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE email_folders (
    id TEXT PRIMARY KEY,
    -- The folder's full path, segments joined by '/' ('Archive/2019'); unique among live folders.
    path TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX email_folders_by_path ON email_folders (path) WHERE deleted_at IS NULL`.execute(db);

  await sql`CREATE TABLE email_messages (
    id TEXT PRIMARY KEY,
    -- The FTS5 rowid (email_fts), given once.
    doc INTEGER NOT NULL UNIQUE,
    -- The Message-ID without angle brackets, '' when the message has none.
    message_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    pack_id TEXT NOT NULL,
    pack_offset INTEGER NOT NULL,
    pack_length INTEGER NOT NULL,
    -- How the record in the pack is stored: 'deflate-raw' or 'none'.
    compression TEXT NOT NULL CHECK (compression IN ('deflate-raw', 'none')),
    subject TEXT NOT NULL DEFAULT '',
    from_name TEXT NOT NULL DEFAULT '',
    from_addr TEXT NOT NULL DEFAULT '',
    -- JSON [{ name, address }].
    to_json TEXT NOT NULL DEFAULT '[]',
    cc_json TEXT NOT NULL DEFAULT '[]',
    -- The Date header as UTC ms (NULL when missing or unreadable) and as written.
    date_ms INTEGER,
    date_header TEXT NOT NULL DEFAULT '',
    in_reply_to TEXT NOT NULL DEFAULT '',
    -- JSON string[] of Message-IDs.
    references_json TEXT NOT NULL DEFAULT '[]',
    -- The id of the thread's first message known here (References/In-Reply-To, else the Gmail thread id, else its own id).
    thread_id TEXT NOT NULL,
    snippet TEXT NOT NULL DEFAULT '',
    -- JSON [{ part, name, mime, size, inline, cid }].
    attachments_json TEXT NOT NULL DEFAULT '[]',
    attachment_count INTEGER NOT NULL DEFAULT 0,
    has_html INTEGER NOT NULL DEFAULT 0,
    -- 1 when the message carries a text/calendar part (an invitation).
    has_calendar INTEGER NOT NULL DEFAULT 0,
    -- JSON string[]: Gmail labels (X-Gmail-Labels) and labels the user adds.
    labels_json TEXT NOT NULL DEFAULT '[]',
    parse_status TEXT NOT NULL CHECK (parse_status IN ('ok', 'unparsed')),
    parse_error TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX email_messages_by_identity ON email_messages (message_id, sha256)`.execute(db);
  await sql`CREATE INDEX email_messages_by_date ON email_messages (date_ms) WHERE deleted_at IS NULL`.execute(db);
  // Covers search's filters on the rows FTS5 found (by doc), so they are checked without reading the rows.
  await sql`CREATE INDEX email_messages_live_by_doc ON email_messages (doc, date_ms, attachment_count, has_calendar) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX email_messages_by_thread ON email_messages (thread_id)`.execute(db);
  await sql`CREATE INDEX email_messages_by_message_id ON email_messages (message_id) WHERE message_id <> ''`.execute(db);

  await sql`CREATE VIRTUAL TABLE email_fts USING fts5(subject, participants, body, attachments,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);

  await sql`CREATE TABLE email_sources (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('mbox', 'eml', 'emlx', 'imap')),
    -- The file or folder name as the user chose it, or 'user@host' for an account.
    name TEXT NOT NULL,
    -- Bytes before the first From_ line of an mbox (usually ''), kept for the byte-identical export.
    preamble TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);

  await sql`CREATE TABLE email_provenance (
    id TEXT PRIMARY KEY,
    message_id TEXT NOT NULL REFERENCES email_messages (id),
    source_id TEXT NOT NULL REFERENCES email_sources (id),
    folder_id TEXT NOT NULL REFERENCES email_folders (id),
    -- Order within the source (the byte offset in an mbox, the file's index in a folder, the IMAP UID).
    position INTEGER NOT NULL,
    -- The file's path inside an imported folder, '' otherwise.
    source_path TEXT NOT NULL DEFAULT '',
    -- mbox only: the From_ line as it was (with its line ending) and the bytes between the message and the next From_ line.
    from_line TEXT NOT NULL DEFAULT '',
    separator TEXT NOT NULL DEFAULT '',
    -- mbox only, when quoting rules cannot rebuild the stored segment: the segment as it was, as a record in a pack.
    segment_pack_id TEXT,
    segment_pack_offset INTEGER,
    segment_pack_length INTEGER,
    imap_uid INTEGER,
    imported_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX email_provenance_by_message ON email_provenance (message_id)`.execute(db);
  await sql`CREATE INDEX email_provenance_by_folder ON email_provenance (folder_id, source_id, position)`.execute(db);

  await sql`CREATE TABLE email_import_runs (
    id TEXT PRIMARY KEY,
    source_id TEXT NOT NULL REFERENCES email_sources (id),
    kind TEXT NOT NULL CHECK (kind IN ('mbox', 'eml', 'emlx', 'imap')),
    -- JSON: where the bytes come from ({ path } from the CLI, { blobId } for an upload, { accountId } for IMAP).
    origin_json TEXT NOT NULL,
    folder_id TEXT REFERENCES email_folders (id),
    total_bytes INTEGER NOT NULL DEFAULT 0,
    -- Every message before this source offset (or file index) is committed.
    checkpoint INTEGER NOT NULL DEFAULT 0,
    imported INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    unparsed INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL CHECK (state IN ('running', 'paused', 'cancelled', 'done', 'failed')),
    error TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL,
    finished_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);

  await sql`CREATE TABLE email_accounts (
    id TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    port INTEGER NOT NULL,
    security TEXT NOT NULL CHECK (security IN ('tls', 'starttls', 'none')),
    username TEXT NOT NULL,
    -- The vault item that holds the password.
    vault_item_id TEXT NOT NULL,
    source_id TEXT NOT NULL REFERENCES email_sources (id),
    -- JSON string[]: the folders to archive ([] = all).
    folders_json TEXT NOT NULL DEFAULT '[]',
    last_sync_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);

  await sql`CREATE TABLE email_imap_state (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES email_accounts (id),
    mailbox TEXT NOT NULL,
    uid_validity TEXT NOT NULL,
    last_uid INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX email_imap_state_by_mailbox ON email_imap_state (account_id, mailbox)`.execute(db);

  for (const table of ['email_folders', 'email_messages', 'email_sources', 'email_provenance', 'email_accounts', 'email_imap_state']) {
    await addChangeLogTriggers(db, table, 'id');
  }
}
