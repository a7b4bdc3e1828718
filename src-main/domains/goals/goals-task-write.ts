import type { Kysely } from 'kysely';
import { assertTaskRule, firstOnOrAfter } from '../../../src-shared/domains/goals/task-repeat';
import { AppError, notFound } from '../../../src-shared/ipc/result';
import type { Database } from '../../db/database';
import type { GoalsCore } from './goals-core';
import { checkZone, dueMsOf } from './goals-task-rows';
import type { TaskTable } from './goals.table';

/** Sub-tasks nest this deep at most (Todoist allows 4 levels; a cap keeps the parent walk bounded). */
export const MAX_DEPTH = 16;

/** The fields a create or an edit decides, before they are checked together. */
export type TaskFields = Pick<
  TaskTable,
  'goal_id' | 'project_id' | 'parent_id' | 'due_date' | 'due_time' | 'zone' | 'rrule' | 'repeat_from' | 'scheduled_date'
>;

const invalid = (path: string, message: string) => new AppError('INVALID_INPUT', message, { issues: [{ path, message }] });

/** Checks of a task's fields against each other and the database, shared by create and update. */
export function createTaskChecks(core: GoalsCore) {
  const db = (): Kysely<Database> => core.ctx.db();

  async function exists(table: 'goals' | 'task_projects', id: string, what: string): Promise<void> {
    const row = await db().selectFrom(table).select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw notFound(what, id);
  }

  /** The parent must be a live task, and `selfId` must not be among its ancestors (nor the parent itself). */
  async function checkParent(selfId: string | null, parentId: string): Promise<void> {
    let at: string | null = parentId;
    for (let depth = 1; at !== null; depth++) {
      if (at === selfId) throw invalid('parentId', 'A task cannot be its own sub-task.');
      if (depth > MAX_DEPTH) throw invalid('parentId', `Sub-tasks nest at most ${MAX_DEPTH} levels deep.`);
      const row: { parent_id: string | null } | undefined = await db()
        .selectFrom('tasks')
        .select('parent_id')
        .where('id', '=', at)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!row) throw notFound('task', at);
      at = row.parent_id;
    }
  }

  /**
   * Validates `f` (changed: which references to check) and fills what follows from it: the due instant, and for a
   * repeating task without a due date, the first date its rule falls on from today (the rule needs an anchor; a task
   * "every month on the 1st" made on the 15th is due on the next 1st).
   */
  async function settle(
    f: TaskFields,
    selfId: string | null,
    changed: Partial<Record<keyof TaskFields, boolean>>,
  ): Promise<TaskFields & { due_ms: number | null }> {
    checkZone(f.zone);
    if (changed.goal_id && f.goal_id !== null) await exists('goals', f.goal_id, 'goal');
    if (changed.project_id && f.project_id !== null) await exists('task_projects', f.project_id, 'project');
    if (changed.parent_id && f.parent_id !== null) await checkParent(selfId, f.parent_id);
    if (f.due_date === null && f.due_time !== null) throw invalid('dueTime', 'A due time needs a due date.');
    const out = { ...f };
    if (f.rrule !== null) {
      const rule = f.rrule.trim().replace(/^RRULE:/i, '');
      out.rrule = rule;
      assertTaskRule(rule, f.due_date ?? core.today(f.zone));
      if (f.due_date === null) {
        out.due_date = firstOnOrAfter(rule, core.today(f.zone));
        if (out.due_date === null) throw invalid('rrule', 'This rule has no date from today on.');
      }
    }
    return { ...out, due_ms: dueMsOf(out.due_date, out.due_time, out.zone) };
  }

  return { settle };
}
