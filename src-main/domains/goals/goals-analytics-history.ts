import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

/** A completion that still stands: not undone by a later 'uncompleted' of the same task and due date. */
export interface Completion {
  taskId: string;
  at: string;
  /** The instance completed (a repeating task's occurrence), or the due date the task had. */
  dueDate: string | null;
}

/**
 * Every task's completions, with undone ones taken out. An 'uncompleted' row cancels the latest standing completion
 * of the same task and due date (or, if none matches, the task's latest one): complete → uncomplete → complete
 * leaves one completion. One ordered scan of `task_history`, no query per task.
 */
export async function standingCompletions(
  db: Kysely<Database>,
  scope: { touched?: { from: string; to: string }; goalIds?: readonly string[] } = {},
): Promise<Map<string, Completion[]>> {
  let query = db.selectFrom('task_history').select(['task_id', 'kind', 'at', 'due_date']);
  // Only tasks with a history row in [from, to) (the weekly review), but all their rows: a later undo still counts.
  const { touched, goalIds } = scope;
  if (touched) {
    const ids = db.selectFrom('task_history').select('task_id').where('at', '>=', touched.from).where('at', '<', touched.to);
    query = query.where('task_id', 'in', ids);
  }
  if (goalIds) {
    if (goalIds.length === 0) return new Map();
    query = query.where(
      'task_id',
      'in',
      db
        .selectFrom('tasks')
        .select('id')
        .where('goal_id', 'in', [...goalIds]),
    );
  }
  const rows = await query.orderBy('task_id').orderBy('at').orderBy('id').execute();
  const byTask = new Map<string, Completion[]>();
  for (const r of rows) {
    let list = byTask.get(r.task_id);
    if (!list) byTask.set(r.task_id, (list = []));
    if (r.kind === 'completed') {
      list.push({ taskId: r.task_id, at: r.at, dueDate: r.due_date });
      continue;
    }
    let i = list.length - 1;
    while (i >= 0 && list[i]!.dueDate !== r.due_date) i--;
    if (i < 0) i = list.length - 1;
    if (i >= 0) list.splice(i, 1);
  }
  return byTask;
}
