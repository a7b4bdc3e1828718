import { sql, type Kysely } from 'kysely';

/**
 * Sync bookkeeping (issue 14, docs/sync.md). None of these tables is change-logged: they describe sync itself,
 * never user data, and writing them must not produce changes to push.
 *
 * - `sync_fields`: for every synced (table, row, column) the last synced value (row-codec JSON) and the HLC that
 *   won it. The outbox diffs rows against it (a local value that differs is a change); apply compares a remote
 *   change's HLC with it (field-level last writer wins). An empty `hlc` marks a column filled with its default when
 *   a row arrived without it: any real value beats it.
 * - `sync_rows`: tombstones. A row deleted anywhere stays deleted everywhere (delete wins); `seen` records which
 *   version of each column the deleting device knew, so an edit it had not seen is kept in the history.
 * - `sync_history`: values that lost (the item's history, the conflicts view): a field that lost by LWW, an edit
 *   made after a delete, a remote change a local constraint refused, a change the server refused or
 *   one too large to send (`reason`).
 * - `sync_outbox`: changes prepared from the change log but not yet acknowledged by the server. `id` is the change's
 *   id on the wire, so a push retried after a lost response re-sends the same ids and the server stores them once.
 * - `sync_state`: cursors (`cursor:<space id>`, the last pulled server sequence) and `pushed_seq` (the last
 *   change_log seq turned into outbox rows).
 * Frozen in time: imports only kysely.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE sync_fields (
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    hlc TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (table_name, row_id, field)
  ) STRICT, WITHOUT ROWID`.execute(db);

  await sql`CREATE TABLE sync_rows (
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    deleted_hlc TEXT NOT NULL,
    -- JSON object column → the HLC the deleting device knew: a later or unseen edit of a column goes to the history.
    seen TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (table_name, row_id)
  ) STRICT, WITHOUT ROWID`.execute(db);

  await sql`CREATE TABLE sync_history (
    id TEXT PRIMARY KEY,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    -- The column, or '*' for a whole change a constraint refused.
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    hlc TEXT NOT NULL,
    -- The version it lost to ('' when it lost to a constraint rather than a version).
    lost_to_hlc TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('lww', 'deleted', 'constraint', 'forbidden', 'too_large')),
    -- The device part of the losing value's HLC.
    device TEXT NOT NULL,
    at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX sync_history_by_row ON sync_history (table_name, row_id)`.execute(db);
  await sql`CREATE INDEX sync_history_by_at ON sync_history (at)`.execute(db);

  await sql`CREATE TABLE sync_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    space_id TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    -- JSON object: column → row-codec value ({} for a tombstone).
    fields TEXT NOT NULL
  ) STRICT`.execute(db);

  await sql`CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT`.execute(db);
}
