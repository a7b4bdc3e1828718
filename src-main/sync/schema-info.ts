import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database';
import { isSyncedColumn, SYNCED_TABLES, type SyncedTable } from './tables';

/** One column of a synced table, as SQLite describes it. */
export interface ColumnInfo {
  name: string;
  notNull: boolean;
  hasDefault: boolean;
  synced: boolean;
}

/** A foreign key of a synced table: `from` of this table points at `parent`.id. */
export interface ForeignKey {
  from: string;
  parent: string;
}

const columnsCache = new Map<string, ColumnInfo[]>();
const fksCache = new Map<string, ForeignKey[]>();

/**
 * A synced table's columns (cached: the schema only changes by migration, which runs before any sync). Read from
 * SQLite rather than written down, so a migration that adds a column syncs it without touching sync code.
 */
export async function columnsOf(db: Kysely<Database>, table: SyncedTable): Promise<ColumnInfo[]> {
  const hit = columnsCache.get(table);
  if (hit) return hit;
  const rows = (
    await sql<{
      name: string;
      notnull: number;
      dflt_value: unknown;
      pk: number;
    }>`SELECT name, "notnull", dflt_value, pk FROM pragma_table_info(${table})`.execute(db)
  ).rows;
  const cols = rows.map((r) => ({
    name: r.name,
    notNull: r.notnull === 1 || r.pk > 0,
    hasDefault: r.dflt_value !== null,
    synced: isSyncedColumn(table, r.name),
  }));
  columnsCache.set(table, cols);
  return cols;
}

/** The foreign keys of a synced table (cached like the columns). */
export async function foreignKeysOf(db: Kysely<Database>, table: SyncedTable): Promise<ForeignKey[]> {
  const hit = fksCache.get(table);
  if (hit) return hit;
  const rows = (await sql<{ from: string; table: string }>`SELECT "from", "table" FROM pragma_foreign_key_list(${table})`.execute(db)).rows;
  const fks = rows.map((r) => ({ from: r.from, parent: r.table }));
  fksCache.set(table, fks);
  return fks;
}

/** The synced tables (and their columns) that point at `parent`: where a deleted parent can leave orphans. */
export async function childrenOf(db: Kysely<Database>, parent: string): Promise<Array<{ table: SyncedTable; from: string }>> {
  const out: Array<{ table: SyncedTable; from: string }> = [];
  for (const t of SYNCED_TABLES) for (const fk of await foreignKeysOf(db, t)) if (fk.parent === parent) out.push({ table: t, from: fk.from });
  return out;
}
