import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

/** Every goals table an export reads, live rows only, in a stable order (the JSON and CSV exports share this). */
export async function loadGoalsData(db: Kysely<Database>) {
  const [pdps, goals, keyResults, keyResultLog, progressLog, evidence, projects, tasks, taskHistory, habits, checkins, filters] = await Promise.all([
    db.selectFrom('pdps').selectAll().where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('goals').selectAll().where('deleted_at', 'is', null).orderBy('sort_order').orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('key_results').selectAll().where('deleted_at', 'is', null).orderBy('goal_id').orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('key_result_log').selectAll().orderBy('key_result_id').orderBy('at').orderBy('id').execute(),
    db.selectFrom('goal_progress_log').selectAll().orderBy('goal_id').orderBy('at').orderBy('id').execute(),
    db.selectFrom('goal_evidence').selectAll().where('deleted_at', 'is', null).orderBy('goal_id').orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('task_projects').selectAll().where('deleted_at', 'is', null).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('tasks').selectAll().where('deleted_at', 'is', null).orderBy('created_at').orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('task_history').selectAll().orderBy('task_id').orderBy('at').orderBy('id').execute(),
    db.selectFrom('habits').selectAll().where('deleted_at', 'is', null).orderBy('sort_order').orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('habit_checkins').selectAll().orderBy('habit_id').orderBy('date').execute(),
    db.selectFrom('task_filters').selectAll().where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute(),
  ]);
  // History of deleted parents is left out, so the file never points at a row it does not hold.
  const krIds = new Set(keyResults.map((k) => k.id));
  const goalIds = new Set(goals.map((g) => g.id));
  const taskIds = new Set(tasks.map((t) => t.id));
  const habitIds = new Set(habits.map((h) => h.id));
  return {
    pdps,
    goals,
    keyResults,
    keyResultLog: keyResultLog.filter((r) => krIds.has(r.key_result_id)),
    progressLog: progressLog.filter((r) => goalIds.has(r.goal_id)),
    evidence,
    projects,
    tasks,
    taskHistory: taskHistory.filter((r) => taskIds.has(r.task_id)),
    habits,
    checkins: checkins.filter((r) => habitIds.has(r.habit_id)),
    filters,
  };
}
export type GoalsData = Awaited<ReturnType<typeof loadGoalsData>>;

export const jsonList = (text: string): string[] => {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};
