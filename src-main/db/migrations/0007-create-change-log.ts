import { sql, type Kysely } from 'kysely';

/**
 * The change log: one row per (write, table, row) that a write changed, the outbox a sync server will read
 * (docs/architecture.md#write-path). Rows are appended by triggers, so a change and its log row are in the
 * same statement and the same transaction: no crash can separate them.
 *
 * `write_context` is a single row. The write path sets `hlc` (the write's hybrid logical clock version) and
 * `domain` at the start of its transaction and clears `hlc` before committing; a trigger that fires while
 * `hlc` is NULL aborts the statement, so nothing can write a logged table outside the write path.
 * `device_id` is made once per profile database; `last_hlc` keeps the clock monotonic across restarts.
 *
 * Frozen in time: imports only kysely. Later migrations call `addChangeLogTriggers` for their own tables.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE change_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    hlc TEXT NOT NULL,
    device_id TEXT NOT NULL,
    domain TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete'))
  ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX change_log_by_hlc_table_row ON change_log (hlc, table_name, row_id)`.execute(db);

  await sql`CREATE TABLE write_context (
    only INTEGER PRIMARY KEY CHECK (only = 1),
    device_id TEXT NOT NULL,
    hlc TEXT,
    domain TEXT,
    last_hlc TEXT NOT NULL DEFAULT ''
  ) STRICT`.execute(db);
  await sql`INSERT INTO write_context (only, device_id) VALUES (1, lower(hex(randomblob(16))))`.execute(db);

  for (const table of ['settings']) await addChangeLogTriggers(db, table, 'key');
  for (const table of ['vault_items', 'vault_password_history', 'vault_item_versions', 'products', 'batches', 'stock_movements', 'label_prints']) {
    await addChangeLogTriggers(db, table, 'id');
  }
  // Not logged: vault_strength_cache (a local cache derived from sealed data, rebuilt on demand, never synced).
}

/**
 * Logs every INSERT, DELETE and every UPDATE that changes a value on `table`. Several changes of one row in
 * one write collapse into one log row: insert then update stays `insert`; anything then delete is `delete`;
 * delete then insert is `update`. The UPDATE trigger lists the table's columns as they are now: a later
 * migration that adds a column calls this again (it replaces the triggers).
 */
export async function addChangeLogTriggers(db: Kysely<any>, table: string, idColumn: string): Promise<void> {
  if (!/^[a-z_]+$/.test(table) || !/^[a-z_]+$/.test(idColumn)) throw new Error(`Bad table or column name: ${table}.${idColumn}`);
  const columns = (await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db)).rows.map((r) => r.name);
  if (columns.length === 0 || columns.some((c) => !/^[a-z_0-9]+$/.test(c))) throw new Error(`Cannot log table ${table}`);
  const changedWhen = columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
  for (const [event, op, row] of [
    ['INSERT', 'insert', 'NEW'],
    ['UPDATE', 'update', 'NEW'],
    ['DELETE', 'delete', 'OLD'],
  ] as const) {
    const id = `${row}.${idColumn}`;
    const merged =
      op === 'update'
        ? `CASE WHEN op = 'insert' THEN 'insert' ELSE 'update' END`
        : op === 'insert'
          ? `CASE WHEN op = 'delete' THEN 'update' ELSE 'insert' END`
          : `'delete'`;
    await sql.raw(`DROP TRIGGER IF EXISTS ${table}_log_${op}`).execute(db);
    const when = op === 'update' ? ` WHEN ${changedWhen}` : '';
    await sql
      .raw(
        `CREATE TRIGGER ${table}_log_${op} AFTER ${event} ON ${table}${when} BEGIN
      SELECT RAISE(ABORT, 'HEARTH_WRITE_OUTSIDE_WRITE_PATH: ${table} changed outside DomainContext.write')
        WHERE (SELECT hlc FROM write_context WHERE only = 1) IS NULL;
      UPDATE change_log SET op = ${merged}
        WHERE hlc = (SELECT hlc FROM write_context WHERE only = 1) AND table_name = '${table}' AND row_id = ${id};
      INSERT INTO change_log (hlc, device_id, domain, table_name, row_id, op)
        SELECT hlc, device_id, domain, '${table}', ${id}, '${op}' FROM write_context
        WHERE only = 1 AND NOT EXISTS (
          SELECT 1 FROM change_log WHERE hlc = write_context.hlc AND table_name = '${table}' AND row_id = ${id});
    END`,
      )
      .execute(db);
  }
}
