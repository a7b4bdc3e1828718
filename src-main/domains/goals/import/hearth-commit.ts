import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database';
import type { GoalsCore } from '../goals-core';
import { dueMsOf } from '../goals-task-rows';
import { HEARTH_TABLES, type HearthGoalsFile, type HearthTable } from './hearth-json';
import { planHearthImport, SQL_TABLE } from './hearth-plan';

/** Rows per INSERT: at most 26 columns × 300 stays well under SQLite's 32,766 bound parameters. */
const BATCH = 300;
/** Tables with a soft-delete column (the export holds live rows only, so every imported row is live). */
const SOFT_DELETE = new Set<HearthTable>(['pdps', 'goals', 'habits', 'keyResults', 'evidence', 'projects', 'tasks', 'filters']);
/** Columns kept as JSON text in the database and written as JSON values in the file. */
const JSON_COLUMNS = new Set(['domains', 'tags', 'filter']);

const snake = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A file record as a database row: snake_case columns, JSON columns as text, every other value as it was. */
function toRow(key: HearthTable, r: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) row[snake(k)] = JSON_COLUMNS.has(k) ? JSON.stringify(v) : v;
  if (SOFT_DELETE.has(key)) row.deleted_at = null;
  return row;
}

export interface HearthImportResult {
  tasks: number;
  projects: number;
  skipped: number;
}

/**
 * Writes a Hearth goals JSON file inside the caller's transaction (one `ctx.write`), keeping every id and timestamp.
 * Tasks get new FTS document numbers (the file has none: `doc` is internal to a profile) and `due_ms` from their date,
 * time and zone, the way the task ops compute it.
 */
export async function writeHearthImport(core: GoalsCore, trx: Kysely<Database>, file: HearthGoalsFile): Promise<HearthImportResult> {
  const plan = await planHearthImport(trx, file, core.zone(), core.today());
  let doc = await core.nextDoc(trx);
  let written = 0;
  for (const { key } of HEARTH_TABLES) {
    const rows = (plan.insert.get(key) ?? []).map((r) => {
      const row = toRow(key, r);
      if (key === 'tasks') {
        row.doc = doc++;
        row.due_ms = dueMsOf(r.dueDate as string | null, r.dueTime as string | null, String(r.zone));
      }
      return row;
    });
    // The rows were checked field by field by the file's zod schema (hearth-json.ts) against this table's columns.
    for (let i = 0; i < rows.length; i += BATCH)
      await trx
        .insertInto(SQL_TABLE[key] as 'tasks')
        .values(rows.slice(i, i + BATCH) as never)
        .execute();
    written += rows.length;
  }
  const total = HEARTH_TABLES.reduce((n, { key }) => n + file[key].length, 0);
  return {
    tasks: plan.insert.get('tasks')?.length ?? 0,
    projects: plan.insert.get('projects')?.length ?? 0,
    skipped: total - written,
  };
}
