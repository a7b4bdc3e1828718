import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database';
import { encodeValue, valueText } from './row-codec';
import { columnsOf } from './schema-info';
import { fieldsOf, getState, isPending, putField, putTombstone, readRow, SEEN_FIELD, seenOf, setState, tombstoneOf } from './sync-store';
import { isSyncedTable, SYNCED_TABLES, type SpaceRouter, type SyncedTable } from './tables';
import type { PlainChange } from './types';

/** `sync_state` key: the last change_log seq turned into outbox rows (absent before the first sync: everything is new). */
export const PUSHED_SEQ = 'pushed_seq';

/**
 * Turns the change log into outbox rows (docs/sync.md#outbox). For every synced row the log names after
 * `pushed_seq`, at the row's latest local HLC: a row that is gone becomes a tombstone; otherwise each synced column
 * is compared with `sync_fields` (a column never synced counts as changed) and the changed ones become one change,
 * recorded in `sync_fields` at that HLC. Rows written by apply already match `sync_fields`, so they produce
 * nothing (no echo). The first run, with no `pushed_seq`, reads every row of every synced table (rows made before
 * the change log existed have no log rows). Runs inside a write, so no local write interleaves. Returns how many
 * changes it added.
 */
export async function prepare(trx: Kysely<Database>, route: SpaceRouter): Promise<number> {
  const pushed = await getState(trx, PUSHED_SEQ);
  const maxSeq = Number(
    (
      await trx
        .selectFrom('change_log')
        .select((eb) => eb.fn.max<number | null>('seq').as('m'))
        .executeTakeFirst()
    )?.m ?? 0,
  );
  let added = 0;
  if (pushed === undefined) {
    const writeHlc = (await trx.selectFrom('write_context').select('hlc').where('only', '=', 1).executeTakeFirst())?.hlc;
    if (!writeHlc) throw new Error('prepare must run inside a write');
    for (const table of SYNCED_TABLES) {
      const ids = (await sql<{ id: string }>`SELECT id FROM ${sql.table(table)} ORDER BY id`.execute(trx)).rows;
      for (const { id } of ids) added += await prepareRow(trx, route, table, id, writeHlc);
    }
  } else {
    // The row's latest version from a local write (a sync apply's own log rows only matter when nothing else wrote).
    const rows = (
      await sql<{ table_name: string; row_id: string; hlc: string }>`SELECT table_name, row_id,
        coalesce(max(CASE WHEN domain <> 'sync' THEN hlc END), max(hlc)) AS hlc
        FROM change_log WHERE seq > ${Number(pushed)} GROUP BY table_name, row_id ORDER BY min(seq)`.execute(trx)
    ).rows;
    const ordered = rows.filter((r) => isSyncedTable(r.table_name));
    for (const r of ordered) added += await prepareRow(trx, route, r.table_name as SyncedTable, r.row_id, r.hlc);
  }
  await setState(trx, PUSHED_SEQ, String(maxSeq));
  return added;
}

/** Whether the change log has rows `prepare` has not read yet (a quiet pass skips its write). */
export async function hasUnprepared(db: Kysely<Database>): Promise<boolean> {
  const pushed = await getState(db, PUSHED_SEQ);
  if (pushed === undefined) return true;
  const last = await db.selectFrom('change_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return (last?.seq ?? 0) > Number(pushed);
}

async function prepareRow(trx: Kysely<Database>, route: SpaceRouter, table: SyncedTable, rowId: string, hlc: string): Promise<number> {
  // A deleted row stays deleted (delete wins everywhere); a pending row is absent on purpose, not deleted.
  if ((await tombstoneOf(trx, table, rowId)) !== undefined || (await isPending(trx, table, rowId))) return 0;
  const known = await fieldsOf(trx, table, rowId);
  const row = await readRow(trx, table, rowId);
  if (!row) {
    // Made and deleted between two syncs: nobody else knows it, nothing to say.
    if (known.size === 0) return 0;
    const seen = seenOf(known);
    await putTombstone(trx, table, rowId, { hlc, seen });
    await appendOutbox(trx, route(table, rowId), { table, rowId, hlc, deleted: true, fields: { [SEEN_FIELD]: seen } });
    return 1;
  }
  const fields: Record<string, unknown> = {};
  for (const col of await columnsOf(trx, table)) {
    if (!col.synced) continue;
    const encoded = encodeValue(row[col.name]);
    const text = valueText(encoded);
    if (known.get(col.name)?.value === text) continue;
    fields[col.name] = encoded;
    await putField(trx, table, rowId, col.name, { hlc, value: text });
  }
  if (Object.keys(fields).length === 0) return 0;
  await appendOutbox(trx, route(table, rowId), { table, rowId, hlc, deleted: false, fields });
  return 1;
}

/** Queues one change for `spaceId` under a new idempotency id (kept until the server acknowledges it). */
export async function appendOutbox(trx: Kysely<Database>, spaceId: string, c: PlainChange): Promise<void> {
  await trx
    .insertInto('sync_outbox')
    .values({
      id: randomUUID(),
      space_id: spaceId,
      table_name: c.table,
      row_id: c.rowId,
      hlc: c.hlc,
      deleted: c.deleted ? 1 : 0,
      fields: JSON.stringify(c.fields),
    })
    .execute();
}

/**
 * Queues the synced state of every row of `tables` again, routed anew (for helper-owned sharing: rows pushed to the
 * personal space before a collection existed are re-pushed into it once). Each row's fields go out grouped by the
 * HLC that won them, so the receiving side sees the same versions. Returns how many changes it added.
 */
export async function requeueTables(trx: Kysely<Database>, tables: readonly SyncedTable[], route: SpaceRouter): Promise<number> {
  let added = 0;
  for (const table of tables) {
    const rows = await trx.selectFrom('sync_fields').select(['row_id', 'field', 'hlc', 'value']).where('table_name', '=', table).orderBy('row_id').execute();
    const byRowHlc = new Map<string, Map<string, Record<string, unknown>>>();
    for (const r of rows) {
      const byHlc = byRowHlc.get(r.row_id) ?? new Map<string, Record<string, unknown>>();
      byRowHlc.set(r.row_id, byHlc);
      const fields = byHlc.get(r.hlc) ?? {};
      byHlc.set(r.hlc, fields);
      fields[r.field] = JSON.parse(r.value) as unknown;
    }
    for (const [rowId, byHlc] of byRowHlc) {
      for (const hlc of [...byHlc.keys()].sort()) {
        // Defaults filled on arrival (empty HLC) are not anyone's value: the receiver fills them the same way.
        if (hlc === '') continue;
        await appendOutbox(trx, route(table, rowId), { table, rowId, hlc, deleted: false, fields: byHlc.get(hlc) ?? {} });
        added++;
      }
    }
    const tombs = await trx.selectFrom('sync_rows').select(['row_id', 'deleted_hlc', 'seen']).where('table_name', '=', table).execute();
    for (const t of tombs) {
      const fields = { [SEEN_FIELD]: JSON.parse(t.seen) as unknown };
      await appendOutbox(trx, route(table, t.row_id), { table, rowId: t.row_id, hlc: t.deleted_hlc, deleted: true, fields });
      added++;
    }
  }
  return added;
}
