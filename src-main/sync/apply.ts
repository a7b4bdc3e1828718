import { sql, type Kysely } from 'kysely';
import { receiveHlc } from '../../src-shared/lib/hlc';
import type { Database } from '../db/database';
import { nowIso } from '../lib/ids';
import { columnText, decodeValue, encodeValue, valueText } from './row-codec';
import { childrenOf, columnsOf, foreignKeysOf } from './schema-info';
import {
  addHistory,
  fieldsOf,
  isPending,
  parseSeen,
  pendingKey,
  pendingRows,
  putField,
  putTombstone,
  readRow,
  setState,
  SEEN_FIELD,
  tombstoneOf,
  unseenByDeleter,
  type HistoryEntry,
  type Tombstone,
} from './sync-store';
import { DOC_TABLES, isSyncedTable, tableOrder, type SyncedTable } from './tables';
import type { PlainChange } from './types';

/** What one applied page did. */
export interface ApplyResult {
  /** Changes that changed at least one local field or row. */
  applied: number;
  /** Values added to the history (losers, edits after a delete, refused changes). */
  conflicts: number;
  /** Changes for tables this version does not sync (from a newer version, or excluded): skipped. */
  skipped: number;
}

export interface ApplyOptions {
  now: () => number;
}

interface Touched {
  table: SyncedTable;
  rowId: string;
}

/**
 * Applies remote changes inside the caller's write (docs/sync.md#apply). Field by field, the remote value wins iff
 * its HLC is greater than the field's (HLC text compares totally), and the loser — local or remote — goes to the
 * history. Delete wins: a tombstone deletes the row whatever its fields' versions, so every device ends the same;
 * an edit the deleter had not seen (the tombstone carries the version of each column it knew) goes to the history
 * as 'deleted', whether it arrives before or after the tombstone. A row
 * that is new here is inserted from all its known fields once every NOT NULL column has one (until then it
 * waits as pending); a change a local constraint refuses is rolled back alone (SAVEPOINT) and kept in the history.
 * Foreign keys are deferred to the commit; before it, a row whose parent was deleted is deleted too (kept in the
 * history) and a row whose parent has not arrived waits as pending. Finally the profile's clock is moved past the
 * newest version received, so later local writes sort after it.
 */
export async function applyRemote(trx: Kysely<Database>, changes: readonly PlainChange[], opts: ApplyOptions): Promise<ApplyResult> {
  const at = nowIso(opts.now);
  const result: ApplyResult = { applied: 0, conflicts: 0, skipped: 0 };
  const history = async (e: HistoryEntry) => {
    if (await addHistory(trx, e, at)) result.conflicts++;
  };
  await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
  const touched: Touched[] = [];
  const deleted: Touched[] = [];
  const ordered = changes.map((c, i) => ({ c, i })).sort((a, b) => tableOrder(a.c.table) - tableOrder(b.c.table) || a.i - b.i);
  let newest = '';
  let savepoint = 0;
  for (const { c } of ordered) {
    if (c.hlc > newest) newest = c.hlc;
    if (!isSyncedTable(c.table)) {
      result.skipped++;
      continue;
    }
    const table = c.table;
    const tomb = await tombstoneOf(trx, table, c.rowId);
    if (c.deleted) {
      const incoming: Tombstone = { hlc: c.hlc, seen: parseSeen(c.fields[SEEN_FIELD]) };
      if (tomb === undefined) {
        // The row's values the deleter had not seen are edits it did not mean to delete: kept in the history.
        for (const [field, s] of await fieldsOf(trx, table, c.rowId)) {
          if (unseenByDeleter(incoming, field, s.hlc)) {
            await history({ table, rowId: c.rowId, field, value: s.value, hlc: s.hlc, lostToHlc: c.hlc, reason: 'deleted' });
          }
        }
        await sql`DELETE FROM ${sql.table(table)} WHERE id = ${c.rowId}`.execute(trx);
        deleted.push({ table, rowId: c.rowId });
        result.applied++;
      }
      await putTombstone(trx, table, c.rowId, incoming);
      continue;
    }
    if (tomb !== undefined) {
      // Delete wins: an edit of a deleted row is history (when the deleter had not seen it), never a resurrection.
      for (const [field, v] of Object.entries(c.fields)) {
        if (unseenByDeleter(tomb, field, c.hlc)) {
          await history({ table, rowId: c.rowId, field, value: valueText(v), hlc: c.hlc, lostToHlc: tomb.hlc, reason: 'deleted' });
        }
      }
      continue;
    }
    const columns = await columnsOf(trx, table);
    const syncedNames = new Set(columns.filter((col) => col.synced).map((col) => col.name));
    const known = await fieldsOf(trx, table, c.rowId);
    const winners: Record<string, unknown> = {};
    for (const [field, v] of Object.entries(c.fields)) {
      // A column this version does not have (a newer schema) or keeps on the device: not ours to write.
      if (!syncedNames.has(field)) continue;
      const text = valueText(v);
      const cur = known.get(field);
      if (!cur || c.hlc > cur.hlc) {
        winners[field] = v;
        if (cur && cur.hlc !== '' && cur.value !== text) {
          await history({ table, rowId: c.rowId, field, value: cur.value, hlc: cur.hlc, lostToHlc: c.hlc, reason: 'lww' });
        }
      } else if (c.hlc < cur.hlc && cur.value !== text) {
        await history({ table, rowId: c.rowId, field, value: text, hlc: c.hlc, lostToHlc: cur.hlc, reason: 'lww' });
      }
    }
    if (Object.keys(winners).length === 0) continue;
    const name = `sync_apply_${++savepoint}`;
    await sql.raw(`SAVEPOINT ${name}`).execute(trx);
    try {
      for (const [field, v] of Object.entries(winners)) await putField(trx, table, c.rowId, field, { hlc: c.hlc, value: valueText(v) });
      await writeRow(trx, table, c.rowId, winners);
      await sql.raw(`RELEASE ${name}`).execute(trx);
      touched.push({ table, rowId: c.rowId });
      result.applied++;
    } catch (err) {
      await sql.raw(`ROLLBACK TO ${name}`).execute(trx);
      await sql.raw(`RELEASE ${name}`).execute(trx);
      if (!isConstraintError(err)) throw err;
      await history({ table, rowId: c.rowId, field: '*', value: JSON.stringify(c.fields), hlc: c.hlc, lostToHlc: '', reason: 'constraint' });
    }
  }
  await retryPending(trx, touched);
  await settleForeignKeys(trx, touched, deleted, history);
  if (newest !== '') {
    const ctx = await trx.selectFrom('write_context').select(['last_hlc', 'device_id']).where('only', '=', 1).executeTakeFirstOrThrow();
    await trx
      .updateTable('write_context')
      .set({ last_hlc: receiveHlc(ctx.last_hlc, newest, opts.now(), ctx.device_id) })
      .where('only', '=', 1)
      .execute();
  }
  return result;
}

/** SQLite refused a row (UNIQUE, CHECK, NOT NULL, a type in a STRICT table): a conflict, not a failure of the batch. */
function isConstraintError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH');
}

/**
 * Writes the winning fields into the row: an UPDATE when it exists, else an INSERT from every known field (columns
 * never seen take their defaults, recorded with an empty HLC so the outbox does not echo them) once every NOT NULL
 * column without a default has a value; until then the row is pending.
 */
async function writeRow(trx: Kysely<Database>, table: SyncedTable, rowId: string, winners: Record<string, unknown>): Promise<void> {
  const exists = await readRow(trx, table, rowId);
  if (exists) {
    const sets = Object.entries(winners).map(([f, v]) => sql`${sql.ref(f)} = ${decodeValue(v)}`);
    await sql`UPDATE ${sql.table(table)} SET ${sql.join(sets)} WHERE id = ${rowId}`.execute(trx);
    return;
  }
  await insertFromFields(trx, table, rowId);
}

/** Inserts a row from its known fields if it can be complete; true when inserted. */
async function insertFromFields(trx: Kysely<Database>, table: SyncedTable, rowId: string): Promise<boolean> {
  const columns = await columnsOf(trx, table);
  const known = await fieldsOf(trx, table, rowId);
  const missing = columns.filter((col) => col.synced && col.notNull && !col.hasDefault && !known.has(col.name) && col.name !== 'id');
  if (missing.length > 0) {
    await setState(trx, pendingKey(table, rowId), 'fields');
    return false;
  }
  const names: string[] = ['id'];
  const values: unknown[] = [rowId];
  for (const col of columns) {
    if (col.name === 'id' || !col.synced) continue;
    const s = known.get(col.name);
    if (!s) continue;
    names.push(col.name);
    values.push(decodeValue(JSON.parse(s.value) as unknown));
  }
  if (DOC_TABLES.has(table)) {
    names.push('doc');
    values.push(sql`(SELECT coalesce(max(doc), 0) + 1 FROM ${sql.table(table)})`);
  }
  await sql`INSERT INTO ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))}) VALUES (${sql.join(values.map((v) => (isRawSql(v) ? v : sql`${v}`)))})`.execute(
    trx,
  );
  await sql`DELETE FROM sync_state WHERE key = ${pendingKey(table, rowId)}`.execute(trx);
  // Columns the change did not carry now hold their defaults: known at the lowest version, so any real value wins.
  const row = await readRow(trx, table, rowId);
  for (const col of columns) {
    if (!col.synced || known.has(col.name) || !row) continue;
    await putField(trx, table, rowId, col.name, { hlc: '', value: columnText(row[col.name]) });
  }
  return true;
}

function isRawSql(v: unknown): v is ReturnType<typeof sql> {
  return typeof v === 'object' && v !== null && 'toOperationNode' in v && typeof (v as { toOperationNode?: unknown }).toOperationNode === 'function';
}

/** Pending rows get another chance after each page: the missing field or parent may have arrived. */
async function retryPending(trx: Kysely<Database>, touched: Touched[]): Promise<void> {
  for (const p of await pendingRows(trx)) {
    if (!isSyncedTable(p.table) || (await readRow(trx, p.table, p.rowId))) continue;
    const name = 'sync_pending';
    await sql.raw(`SAVEPOINT ${name}`).execute(trx);
    try {
      if (await insertFromFields(trx, p.table, p.rowId)) touched.push({ table: p.table, rowId: p.rowId });
      await sql.raw(`RELEASE ${name}`).execute(trx);
    } catch (err) {
      await sql.raw(`ROLLBACK TO ${name}`).execute(trx);
      await sql.raw(`RELEASE ${name}`).execute(trx);
      if (!isConstraintError(err)) throw err;
    }
  }
}

/**
 * Before the commit checks the deferred foreign keys: a row pointing at a deleted parent is deleted too (its values
 * kept in the history, so no edit is lost), and a row pointing at a parent that has not arrived is taken out and
 * waits as pending (its fields stay known). Repeats until nothing dangles (grandchildren).
 */
async function settleForeignKeys(trx: Kysely<Database>, touched: Touched[], deleted: Touched[], history: (e: HistoryEntry) => Promise<void>): Promise<void> {
  let toCheck = touched.slice();
  let gone = deleted.slice();
  for (let round = 0; round < 50 && (toCheck.length > 0 || gone.length > 0); round++) {
    const orphans: Array<Touched & { parent: string; parentId: string }> = [];
    for (const t of toCheck) {
      const row = await readRow(trx, t.table, t.rowId);
      if (!row) continue;
      for (const fk of await foreignKeysOf(trx, t.table)) {
        const ref = row[fk.from];
        if (ref === null || ref === undefined) continue;
        const hit = (await sql`SELECT 1 AS one FROM ${sql.table(fk.parent)} WHERE id = ${ref}`.execute(trx)).rows.length;
        if (hit === 0) orphans.push({ ...t, parent: fk.parent, parentId: String(ref) });
      }
    }
    for (const g of gone) {
      for (const child of await childrenOf(trx, g.table)) {
        const ids = (await sql<{ id: string }>`SELECT id FROM ${sql.table(child.table)} WHERE ${sql.ref(child.from)} = ${g.rowId}`.execute(trx)).rows;
        for (const { id } of ids) orphans.push({ table: child.table, rowId: id, parent: g.table, parentId: g.rowId });
      }
    }
    toCheck = [];
    gone = [];
    for (const o of orphans) {
      if (!(await readRow(trx, o.table, o.rowId))) continue;
      const parentTomb = await tombstoneOf(trx, o.parent, o.parentId);
      if (parentTomb !== undefined) {
        // The parent's deleter did not know this row (it would have deleted it too): every value is an unseen edit.
        const known = await fieldsOf(trx, o.table, o.rowId);
        for (const [field, s] of known) {
          if (s.hlc !== '') await history({ table: o.table, rowId: o.rowId, field, value: s.value, hlc: s.hlc, lostToHlc: parentTomb.hlc, reason: 'deleted' });
        }
        await sql`DELETE FROM ${sql.table(o.table)} WHERE id = ${o.rowId}`.execute(trx);
        await putTombstone(trx, o.table, o.rowId, { hlc: parentTomb.hlc, seen: {} });
        gone.push({ table: o.table, rowId: o.rowId });
      } else {
        if (!(await isPending(trx, o.table, o.rowId))) await ensureKnown(trx, o.table, o.rowId);
        await sql`DELETE FROM ${sql.table(o.table)} WHERE id = ${o.rowId}`.execute(trx);
        await setState(trx, pendingKey(o.table, o.rowId), 'parent');
        gone.push({ table: o.table, rowId: o.rowId });
      }
    }
  }
}

/** Before a row leaves the table to wait, every synced column is in `sync_fields`, so it can come back whole. */
async function ensureKnown(trx: Kysely<Database>, table: SyncedTable, rowId: string): Promise<void> {
  const row = await readRow(trx, table, rowId);
  if (!row) return;
  const known = await fieldsOf(trx, table, rowId);
  for (const col of await columnsOf(trx, table)) {
    if (col.synced && !known.has(col.name)) await putField(trx, table, rowId, col.name, { hlc: '', value: valueText(encodeValue(row[col.name])) });
  }
}
