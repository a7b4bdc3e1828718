import type { Kysely } from 'kysely';
import { goalProgress, type GoalProgress } from '../../../src-shared/domains/goals/progress';
import { todayIn } from '../../../src-shared/lib/local-date';
import type { Database } from '../../db/database';
import { newId } from '../../lib/ids';
import type { GoalsCore } from './goals-core';
import { sumCheckins } from './goals-habit-rules';
import type { GoalTable, KeyResultTable } from './goals.table';

/** Linked tasks of a goal: all of them, and the non-repeating ones the formula counts. */
export interface TaskCounts {
  open: number;
  done: number;
  openOnce: number;
  doneOnce: number;
}
export interface Evaluated {
  breakdown: GoalProgress;
  /** Its live key results, in order (a habit-linked one with its value summed from the check-ins). */
  keyResults: KeyResultTable[];
  tasks: TaskCounts;
}

const NO_TASKS: TaskCounts = { open: 0, done: 0, openOnce: 0, doneOnce: 0 };

/**
 * Goal progress over the database: the pure formula (src-shared/domains/goals/progress.ts) fed with the goal's key
 * results, linked tasks and latest manual entry, and the 'auto' progress log that records every change of it.
 */
export function createProgress(core: GoalsCore) {
  /** The local day a key result began: a linked habit's check-ins count from then on. */
  const krStartDate = (kr: Pick<KeyResultTable, 'created_at'>): string => todayIn(core.zone(), Date.parse(kr.created_at));

  /** `krs` with each habit-linked value recomputed from the habit's check-ins. */
  async function live(db: Kysely<Database>, krs: KeyResultTable[]): Promise<KeyResultTable[]> {
    return Promise.all(krs.map(async (kr) => (kr.habit_id ? { ...kr, current_value: await sumCheckins(db, kr.habit_id, krStartDate(kr)) } : kr)));
  }

  async function taskCounts(db: Kysely<Database>, goalIds: string[]): Promise<Map<string, TaskCounts>> {
    const rows = await db
      .selectFrom('tasks')
      .select((eb) => [
        'goal_id',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(eb.case().when('completed_at', 'is not', null).then(1).else(0).end()).as('done'),
        eb.fn.sum<number>(eb.case().when('rrule', 'is', null).then(1).else(0).end()).as('once'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.and([eb('rrule', 'is', null), eb('completed_at', 'is not', null)]))
              .then(1)
              .else(0)
              .end(),
          )
          .as('doneOnce'),
      ])
      .where('goal_id', 'in', goalIds)
      .where('deleted_at', 'is', null)
      .groupBy('goal_id')
      .execute();
    const out = new Map<string, TaskCounts>();
    for (const r of rows) {
      const [n, done, once, doneOnce] = [r.n, r.done, r.once, r.doneOnce].map((v) => Number(v ?? 0)) as [number, number, number, number];
      out.set(r.goal_id!, { open: n - done, done, openOnce: once - doneOnce, doneOnce });
    }
    return out;
  }

  /** The latest manual progress per goal. */
  async function manualLatest(db: Kysely<Database>, goalIds: string[]): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('goal_progress_log')
      .select(['goal_id', 'progress'])
      .where('goal_id', 'in', goalIds)
      .where('kind', '=', 'manual')
      .orderBy('at')
      .orderBy('id')
      .execute();
    return new Map(rows.map((r) => [r.goal_id, r.progress]));
  }

  /** Progress, live key results and task counts of each goal. */
  async function evaluate(db: Kysely<Database>, goals: readonly GoalTable[]): Promise<Map<string, Evaluated>> {
    const out = new Map<string, Evaluated>();
    if (goals.length === 0) return out;
    const ids = goals.map((g) => g.id);
    const krRows = await db
      .selectFrom('key_results')
      .selectAll()
      .where('goal_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .orderBy('sort_order')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const krs = await live(db, krRows);
    const [tasks, manual] = await Promise.all([taskCounts(db, ids), manualLatest(db, ids)]);
    for (const g of goals) {
      const mine = krs.filter((k) => k.goal_id === g.id);
      const t = tasks.get(g.id) ?? NO_TASKS;
      const breakdown = goalProgress({
        status: g.status,
        keyResults: mine.map((k) => ({
          title: k.title,
          kind: k.kind,
          startValue: k.start_value,
          targetValue: k.target_value,
          currentValue: k.current_value,
          direction: k.direction,
          done: k.done_at !== null,
        })),
        tasks: { open: t.openOnce, done: t.doneOnce },
        manual: manual.get(g.id) ?? null,
      });
      out.set(g.id, { breakdown, keyResults: mine, tasks: t });
    }
    return out;
  }

  /**
   * Writes an 'auto' progress entry for each goal whose computed progress differs from its last one (the goal's
   * progress history). Call it inside the write that changed the goal's key results, tasks or status.
   */
  async function recordProgress(goalIds: readonly string[], trx: Kysely<Database>): Promise<void> {
    const ids = [...new Set(goalIds)];
    if (ids.length === 0) return;
    const goals = await trx.selectFrom('goals').selectAll().where('id', 'in', ids).where('deleted_at', 'is', null).execute();
    const now = await evaluate(trx, goals);
    const last = await trx
      .selectFrom('goal_progress_log')
      .select(['goal_id', 'progress'])
      .where('goal_id', 'in', ids)
      .where('kind', '=', 'auto')
      .orderBy('at')
      .orderBy('id')
      .execute();
    const lastOf = new Map(last.map((r) => [r.goal_id, r.progress]));
    const at = core.iso();
    for (const g of goals) {
      const p = now.get(g.id)!.breakdown.progress;
      if (lastOf.get(g.id) === p) continue;
      await trx.insertInto('goal_progress_log').values({ id: newId(), goal_id: g.id, at, progress: p, kind: 'auto', note: '' }).execute();
    }
  }

  /**
   * After a habit's check-ins changed: each key result counting it gets its new total stored and a point in its history,
   * and its goal's progress is recorded. Inside the check-in's write.
   */
  async function syncHabit(trx: Kysely<Database>, habitId: string, note: string): Promise<void> {
    const krs = await trx.selectFrom('key_results').selectAll().where('habit_id', '=', habitId).where('deleted_at', 'is', null).execute();
    const goals: string[] = [];
    const at = core.iso();
    for (const kr of krs) {
      const value = await sumCheckins(trx, habitId, krStartDate(kr));
      if (value === kr.current_value) continue;
      await trx.updateTable('key_results').set({ current_value: value, updated_at: at }).where('id', '=', kr.id).execute();
      await trx.insertInto('key_result_log').values({ id: newId(), key_result_id: kr.id, at, value, note }).execute();
      goals.push(kr.goal_id);
    }
    await recordProgress(goals, trx);
  }

  return { krStartDate, live, evaluate, recordProgress, syncHabit };
}
export type ProgressPart = ReturnType<typeof createProgress>;

/**
 * For parts assembled before the plans (tasks): records the 'auto' progress of `goalIds` inside the write `trx`
 * that changed their linked tasks. Null ids (a task without a goal) are skipped.
 */
export function recordGoalProgress(core: GoalsCore, goalIds: readonly (string | null)[], trx: Kysely<Database>): Promise<void> {
  return createProgress(core).recordProgress(
    goalIds.filter((id): id is string => id !== null),
    trx,
  );
}
