import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/database';
import { newId } from '../../../lib/ids';
import type { GoalsCore } from '../goals-core';
import { cleanTags, dueMsOf } from '../goals-task-rows';
import type { TaskHistoryTable, TaskTable } from '../goals.table';
import type { ImportedTask, ParsedImport } from './types';

/** Rows per INSERT: 26 columns × 300 stays well under SQLite's 32,766 bound parameters. */
const BATCH = 300;

/** Source ids of `format` already in the profile (live or deleted: a task deleted after an import stays deleted). */
export async function existingSourceIds(db: Kysely<Database>, format: string, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('tasks')
      .select(['id', 'source_id', 'deleted_at'])
      .where('source', '=', format)
      .where('source_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.source_id !== null && (!out.has(r.source_id) || r.deleted_at === null)) out.set(r.source_id, r.id);
  }
  return out;
}

/** Parents before their sub-tasks, whatever order the file had them in. */
function parentsFirst(tasks: readonly ImportedTask[]): ImportedTask[] {
  return [...tasks].sort((a, b) => a.depth - b.depth);
}

/**
 * Writes a parsed import inside the caller's transaction: projects (an existing one of the same name and parent is
 * reused, so importing twice does not double them), then tasks, skipping those already imported from the same source
 * id. A completed task gets its completion in the history, so it shows in the logbook.
 */
export async function writeImport(core: GoalsCore, trx: Kysely<Database>, p: ParsedImport): Promise<{ tasks: number; projects: number; skipped: number }> {
  const now = core.iso();
  const zone = core.zone();
  const projectIds = new Map<string, string>();
  let projects = 0;
  const live = await trx.selectFrom('task_projects').select(['id', 'name', 'parent_id']).where('deleted_at', 'is', null).execute();
  for (const pr of p.projects) {
    const parentId = pr.parentKey ? (projectIds.get(pr.parentKey) ?? null) : null;
    const same = live.find((r) => r.name.toLowerCase() === pr.name.toLowerCase() && r.parent_id === parentId);
    if (same) {
      projectIds.set(pr.key, same.id);
      continue;
    }
    const id = newId();
    await trx
      .insertInto('task_projects')
      .values({
        id,
        name: pr.name,
        kind: pr.kind,
        parent_id: parentId,
        color: 'slate',
        sort_order: live.length + projects,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
    live.push({ id, name: pr.name, parent_id: parentId });
    projectIds.set(pr.key, id);
    projects++;
  }

  const existing = await existingSourceIds(
    trx,
    p.format,
    p.tasks.map((t) => t.sourceId),
  );
  const ids = new Map<string, string>(existing);
  let doc = await core.nextDoc(trx);
  const fileOrder = new Map(p.tasks.map((t, i) => [t, i + 1]));
  const rows: Insertable<TaskTable>[] = [];
  const history: Insertable<TaskHistoryTable>[] = [];
  for (const t of parentsFirst(p.tasks)) {
    if (existing.has(t.sourceId)) continue;
    const id = newId();
    ids.set(t.sourceId, id);
    const tz = t.zone ?? zone;
    const dueTime = t.dueDate ? t.dueTime : null;
    rows.push({
      id,
      doc: doc++,
      title: t.title,
      notes: t.notes,
      goal_id: null,
      project_id: t.projectKey ? (projectIds.get(t.projectKey) ?? null) : null,
      parent_id: t.parentSourceId ? (ids.get(t.parentSourceId) ?? null) : null,
      priority: t.priority,
      status: t.completedAt ? 'done' : 'todo',
      due_date: t.dueDate,
      due_time: dueTime,
      zone: tz,
      due_ms: dueMsOf(t.dueDate, dueTime, tz),
      scheduled_date: null,
      estimate_minutes: null,
      tags: JSON.stringify(cleanTags(t.tags)),
      rrule: t.rrule,
      repeat_from: t.rrule ? (t.repeatFrom ?? 'due') : 'due',
      completed_at: t.completedAt,
      sort_order: fileOrder.get(t) ?? 0,
      source: p.format,
      source_id: t.sourceId,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    if (t.completedAt)
      history.push({ id: newId(), task_id: id, kind: 'completed', at: t.completedAt, due_date: t.dueDate, previous_due_date: null, created_at: now });
  }
  // Many rows per statement (parents still before their sub-tasks): far fewer round trips through Kysely and SQLite.
  for (let i = 0; i < rows.length; i += BATCH)
    await trx
      .insertInto('tasks')
      .values(rows.slice(i, i + BATCH))
      .execute();
  for (let i = 0; i < history.length; i += BATCH)
    await trx
      .insertInto('task_history')
      .values(history.slice(i, i + BATCH))
      .execute();
  const tasks = rows.length;
  return { tasks, projects, skipped: p.tasks.length - tasks };
}
