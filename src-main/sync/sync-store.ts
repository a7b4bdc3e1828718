import { sql, type Kysely } from 'kysely';
import { parseHlc } from '../../src-shared/lib/hlc';
import type { Database } from '../db/database';
import { newId } from '../lib/ids';
import type { SyncHistoryReason } from './sync.table';
import type { SyncedTable } from './tables';

/**
 * Small reads and writes of the sync tables (migration 0015) shared by the outbox, apply and the engine, so each
 * keeps one job. Table and column names reaching SQL here come from SYNCED_TABLES and pragma_table_info, never
 * from a change: apply checks a decrypted change's table against the list first.
 */

/** A value of `sync_state`, or undefined. */
export async function getState(db: Kysely<Database>, key: string): Promise<string | undefined> {
  return (await db.selectFrom('sync_state').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

/** Sets a value of `sync_state`. */
export async function setState(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db
    .insertInto('sync_state')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** A synced field's last synced value and the HLC that won it. */
export interface FieldState {
  hlc: string;
  value: string;
}

/** Every synced field of a row: column → state. */
export async function fieldsOf(db: Kysely<Database>, table: string, rowId: string): Promise<Map<string, FieldState>> {
  const rows = await db.selectFrom('sync_fields').select(['field', 'hlc', 'value']).where('table_name', '=', table).where('row_id', '=', rowId).execute();
  return new Map(rows.map((r) => [r.field, { hlc: r.hlc, value: r.value }]));
}

/** Records a field's synced value and HLC. */
export async function putField(db: Kysely<Database>, table: string, rowId: string, field: string, state: FieldState): Promise<void> {
  await db
    .insertInto('sync_fields')
    .values({ table_name: table, row_id: rowId, field, hlc: state.hlc, value: state.value })
    .onConflict((oc) => oc.columns(['table_name', 'row_id', 'field']).doUpdateSet({ hlc: state.hlc, value: state.value }))
    .execute();
}

/** A row's tombstone: when it was deleted and which version of each column the deleter knew. */
export interface Tombstone {
  hlc: string;
  seen: Record<string, string>;
}

/** The tombstone of a row, if it was deleted. */
export async function tombstoneOf(db: Kysely<Database>, table: string, rowId: string): Promise<Tombstone | undefined> {
  const r = await db.selectFrom('sync_rows').select(['deleted_hlc', 'seen']).where('table_name', '=', table).where('row_id', '=', rowId).executeTakeFirst();
  return r ? { hlc: r.deleted_hlc, seen: parseSeen(JSON.parse(r.seen) as unknown) } : undefined;
}

/** A tombstone's `seen` map from outside data: only string → string entries count. */
export function parseSeen(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return out;
  for (const [k, h] of Object.entries(v)) if (typeof h === 'string') out[k] = h;
  return out;
}

/** The `seen` map of a row about to be deleted here: the version of every column this device knows. */
export function seenOf(known: Map<string, FieldState>): Record<string, string> {
  return Object.fromEntries([...known].map(([f, s]) => [f, s.hlc]));
}

/**
 * Marks a row deleted for good and forgets its field states. A second tombstone of the same row (two devices
 * deleted it) merges: the earliest delete HLC and, per column, the latest version either deleter knew.
 */
export async function putTombstone(db: Kysely<Database>, table: string, rowId: string, t: Tombstone): Promise<void> {
  const prev = await tombstoneOf(db, table, rowId);
  const seen = { ...(prev?.seen ?? {}) };
  for (const [f, h] of Object.entries(t.seen)) if (!(f in seen) || h > seen[f]!) seen[f] = h;
  const hlc = prev && prev.hlc < t.hlc ? prev.hlc : t.hlc;
  await db
    .insertInto('sync_rows')
    .values({ table_name: table, row_id: rowId, deleted_hlc: hlc, seen: JSON.stringify(seen) })
    .onConflict((oc) => oc.columns(['table_name', 'row_id']).doUpdateSet({ deleted_hlc: hlc, seen: JSON.stringify(seen) }))
    .execute();
  await db.deleteFrom('sync_fields').where('table_name', '=', table).where('row_id', '=', rowId).execute();
  await sql`DELETE FROM sync_state WHERE key = ${pendingKey(table, rowId)}`.execute(db);
}

/** Whether an edit of `field` at `hlc` is one the deleter had not seen (it goes to the history, never back into the row). */
export function unseenByDeleter(t: Tombstone, field: string, hlc: string): boolean {
  return hlc !== '' && hlc > (t.seen[field] ?? '');
}

/** The field a tombstone change carries its `seen` map in (a tombstone has no column values). */
export const SEEN_FIELD = '$seen';

/**
 * A row whose synced fields are known but which is not in its table yet (a NOT NULL column or its parent has not
 * arrived): kept in `sync_state` under `pending:<table>:<id>` and retried after every applied page.
 */
export function pendingKey(table: string, rowId: string): string {
  return `pending:${table}:${rowId}`;
}

/** Whether a row waits for its missing parts (the outbox must not read its absence as a delete). */
export async function isPending(db: Kysely<Database>, table: string, rowId: string): Promise<boolean> {
  return (await getState(db, pendingKey(table, rowId))) !== undefined;
}

/** Every pending row. */
export async function pendingRows(db: Kysely<Database>): Promise<Array<{ table: string; rowId: string }>> {
  const rows = await db.selectFrom('sync_state').select('key').where('key', 'like', 'pending:%').execute();
  return rows.map((r) => {
    const [, table = '', ...rest] = r.key.split(':');
    return { table, rowId: rest.join(':') };
  });
}

/** One row of a synced table as SQLite returns it, or undefined. */
export async function readRow(db: Kysely<Database>, table: SyncedTable, rowId: string): Promise<Record<string, unknown> | undefined> {
  return (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} WHERE id = ${rowId}`.execute(db)).rows[0];
}

/** A losing value for the history, deduplicated (a change pulled back after it already lost is not recorded twice). */
export interface HistoryEntry {
  table: string;
  rowId: string;
  field: string;
  value: string;
  hlc: string;
  lostToHlc: string;
  reason: SyncHistoryReason;
}

/** Appends to the history unless the same value at the same version is already there; true when it was added. */
export async function addHistory(db: Kysely<Database>, e: HistoryEntry, at: string): Promise<boolean> {
  const device = parseHlc(e.hlc)?.device ?? '';
  const result = await sql`INSERT INTO sync_history (id, table_name, row_id, field, value, hlc, lost_to_hlc, reason, device, at)
    SELECT ${newId()}, ${e.table}, ${e.rowId}, ${e.field}, ${e.value}, ${e.hlc}, ${e.lostToHlc}, ${e.reason}, ${device}, ${at}
    WHERE NOT EXISTS (SELECT 1 FROM sync_history WHERE table_name = ${e.table} AND row_id = ${e.rowId} AND field = ${e.field} AND hlc = ${e.hlc} AND value = ${e.value})`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0) > 0;
}
