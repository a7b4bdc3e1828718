import { sql, type Kysely } from 'kysely';
import { advance, retreatRule } from '../../../src-shared/domains/goals/task-repeat';
import type { Task } from '../../../src-shared/domains/goals/goals.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { todayIn } from '../../../src-shared/lib/local-date';
import type { Database } from '../../db/database';
import { newId } from '../../lib/ids';
import type { GoalsCore } from './goals-core';
import { recordGoalProgress } from './goals-plan-progress';
import { dueMsOf, liveTask, toTasks } from './goals-task-rows';
import type { TaskHistoryTable, TaskTable } from './goals.table';

export type HistoryEntry = { id: string; kind: 'completed' | 'uncompleted'; at: string; dueDate: string | null };
export const toHistory = (h: TaskHistoryTable): HistoryEntry => ({ id: h.id, kind: h.kind, at: h.at, dueDate: h.due_date });

/**
 * The completions still standing in one task's history: each 'uncompleted' row cancels the newest completion before it
 * that is not already cancelled (undo is a stack). `rows` is that task's history in any order.
 */
export function standingCompletions(rows: readonly TaskHistoryTable[]): Set<string> {
  const ordered = [...rows].sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
  const standing = new Set<string>();
  let pending = 0;
  for (const h of ordered) {
    if (h.kind === 'uncompleted') pending++;
    else if (pending > 0) pending--;
    else standing.add(h.id);
  }
  return standing;
}

/** Every open sub-task below `id` (any depth) reopened: a repeating task's checklist starts again with it. */
async function reopenDescendants(trx: Kysely<Database>, id: string, now: string): Promise<void> {
  await sql`WITH RECURSIVE below(id) AS (
      SELECT id FROM tasks WHERE parent_id = ${id} AND deleted_at IS NULL
      UNION SELECT t.id FROM tasks t JOIN below b ON t.parent_id = b.id WHERE t.deleted_at IS NULL
    )
    UPDATE tasks SET completed_at = NULL, status = 'todo', updated_at = ${now}
    WHERE id IN (SELECT id FROM below) AND completed_at IS NOT NULL`.execute(trx);
}

/** Completing and reopening tasks, with a history row for each (the logbook, analytics and undo read it). */
export function createTaskCompletion(core: GoalsCore) {
  const { ctx } = core;
  const one = async (id: string): Promise<Task> => (await toTasks(ctx.db(), [await liveTask(ctx.db(), id)]))[0] as Task;

  /**
   * Non-repeating: done. Repeating: moved to its next date and reopened with its sub-tasks (or done, when the rule has
   * ended). Both record the instance completed.
   */
  async function complete(id: string): Promise<{ task: Task; history: HistoryEntry; nextDueDate: string | null }> {
    const row = await liveTask(ctx.db(), id);
    if (row.completed_at !== null) throw new AppError('CONFLICT', 'This task is already completed.');
    const now = core.iso();
    const completedOn = todayIn(row.zone, ctx.now());
    const next =
      row.rrule !== null && row.due_date !== null
        ? advance({ dueDate: row.due_date, dueTime: row.due_time, zone: row.zone, rrule: row.rrule, repeatFrom: row.repeat_from }, completedOn)
        : null;
    const history: TaskHistoryTable = {
      id: newId(),
      task_id: id,
      kind: 'completed',
      at: now,
      due_date: row.due_date,
      previous_due_date: next ? row.due_date : null,
      created_at: now,
    };
    await ctx.write(async (trx) => {
      await trx.insertInto('task_history').values(history).execute();
      if (next) {
        const patch = {
          due_date: next.dueDate,
          due_ms: dueMsOf(next.dueDate, row.due_time, row.zone),
          rrule: next.rrule,
          status: 'todo' as const,
          updated_at: now,
        };
        await trx.updateTable('tasks').set(patch).where('id', '=', id).execute();
        await reopenDescendants(trx, id, now);
      } else {
        await trx.updateTable('tasks').set({ completed_at: now, status: 'done', updated_at: now }).where('id', '=', id).execute();
      }
      // The goal's progress log gets a point when this completion moved it.
      await recordGoalProgress(core, [row.goal_id], trx);
    });
    return { task: await one(id), history: toHistory(history), nextDueDate: next?.dueDate ?? null };
  }

  /** Undoes the newest completion still standing: reopens the task, or moves a repeating one back to the date it had. */
  async function uncomplete(id: string): Promise<Task> {
    const row = await liveTask(ctx.db(), id);
    const rows = await ctx.db().selectFrom('task_history').selectAll().where('task_id', '=', id).execute();
    const standing = standingCompletions(rows);
    const last = rows.filter((h) => standing.has(h.id)).sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1))[0];
    const moved = last?.previous_due_date ?? null;
    if (!last || (moved === null && row.completed_at === null)) throw new AppError('CONFLICT', 'This task has no completion to undo.');
    const now = core.iso();
    const patch: Partial<TaskTable> = { completed_at: null, status: 'todo', updated_at: now };
    if (moved !== null && row.rrule !== null && row.due_date !== null) {
      const completedOn = todayIn(row.zone, Date.parse(last.at));
      const t = { dueDate: row.due_date, dueTime: row.due_time, zone: row.zone, rrule: row.rrule, repeatFrom: row.repeat_from };
      Object.assign(patch, { due_date: moved, due_ms: dueMsOf(moved, row.due_time, row.zone), rrule: retreatRule(t, moved, completedOn) });
    }
    const undo: TaskHistoryTable = {
      id: newId(),
      task_id: id,
      kind: 'uncompleted',
      at: now,
      due_date: last.due_date,
      previous_due_date: null,
      created_at: now,
    };
    await ctx.write(async (trx) => {
      await trx.insertInto('task_history').values(undo).execute();
      await trx.updateTable('tasks').set(patch).where('id', '=', id).execute();
      await recordGoalProgress(core, [row.goal_id], trx);
    });
    return one(id);
  }

  return { complete, uncomplete };
}
