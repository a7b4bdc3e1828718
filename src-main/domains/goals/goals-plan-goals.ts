import type { z } from 'zod';
import type {
  Goal,
  GoalDetail,
  GoalInput,
  ListGoalsInput,
  LogProgressInput,
  ProgressLogEntry,
  UpdateGoalInput,
} from '../../../src-shared/domains/goals/goals.schemas';
import { AppError, notFound } from '../../../src-shared/ipc/result';
import { assertIsoDate } from '../../../src-shared/lib/local-date';
import { newId } from '../../lib/ids';
import type { GoalsCore } from './goals-core';
import { toEvidence, toGoal, toKeyResult, toLogEntry } from './goals-plan-map';
import type { ProgressPart } from './goals-plan-progress';
import type { GoalTable } from './goals.table';

/** Goals: CRUD, the detail view (breakdown, key results with history, progress log, evidence) and the manual log. */
export function createGoals(core: GoalsCore, progress: ProgressPart) {
  const { ctx } = core;

  async function goalRow(id: string): Promise<GoalTable> {
    const row = await ctx.db().selectFrom('goals').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw notFound('goal', id);
    return row;
  }

  async function assertPdp(pdpId: string | null | undefined): Promise<void> {
    if (!pdpId) return;
    const p = await ctx.db().selectFrom('pdps').select('id').where('id', '=', pdpId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!p) throw notFound('development plan', pdpId);
  }

  async function views(rows: GoalTable[]): Promise<Goal[]> {
    const e = await progress.evaluate(ctx.db(), rows);
    return rows.map((r) => toGoal(r, e.get(r.id)!));
  }

  async function list(input: z.output<typeof ListGoalsInput>): Promise<Goal[]> {
    let q = ctx.db().selectFrom('goals').selectAll().where('deleted_at', 'is', null);
    if (input.pdpId) q = q.where('pdp_id', '=', input.pdpId);
    if (input.status) q = q.where('status', '=', input.status);
    if (input.domain !== undefined) q = q.where('domain', '=', input.domain);
    return views(await q.orderBy('sort_order').orderBy('created_at').orderBy('id').execute());
  }

  async function detail(id: string): Promise<GoalDetail> {
    const row = await goalRow(id);
    const db = ctx.db();
    const e = (await progress.evaluate(db, [row])).get(id)!;
    const krIds = e.keyResults.map((k) => k.id);
    const history = krIds.length
      ? await db.selectFrom('key_result_log').selectAll().where('key_result_id', 'in', krIds).orderBy('at').orderBy('id').execute()
      : [];
    const log = await db.selectFrom('goal_progress_log').selectAll().where('goal_id', '=', id).orderBy('at').orderBy('id').execute();
    const evidence = await db
      .selectFrom('goal_evidence')
      .selectAll()
      .where('goal_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return {
      ...toGoal(row, e),
      breakdown: e.breakdown,
      keyResults: e.keyResults.map((k) =>
        toKeyResult(
          k,
          history.filter((h) => h.key_result_id === k.id),
        ),
      ),
      progressLog: log.map(toLogEntry),
      evidence: evidence.map(toEvidence),
    };
  }

  async function create(input: z.output<typeof GoalInput>): Promise<GoalDetail> {
    await assertPdp(input.pdpId);
    if (input.targetDate) assertIsoDate(input.targetDate, 'The target date');
    const at = core.iso();
    const id = newId();
    await ctx.write(async (trx) => {
      const max = await trx
        .selectFrom('goals')
        .select((eb) => eb.fn.max<number>('sort_order').as('m'))
        .executeTakeFirst();
      await trx
        .insertInto('goals')
        .values({
          id,
          pdp_id: input.pdpId,
          domain: input.domain,
          title: input.title,
          why: input.why,
          target_date: input.targetDate,
          status: input.status,
          sort_order: Number(max?.m ?? 0) + 1,
          completed_at: input.status === 'completed' ? at : null,
          created_at: at,
          updated_at: at,
          deleted_at: null,
        })
        .execute();
      await progress.recordProgress([id], trx);
    });
    return detail(id);
  }

  async function update(input: z.output<typeof UpdateGoalInput>): Promise<GoalDetail> {
    const row = await goalRow(input.id);
    await assertPdp(input.pdpId);
    if (input.targetDate) assertIsoDate(input.targetDate, 'The target date');
    const at = core.iso();
    const patch: Partial<GoalTable> = { updated_at: at };
    if (input.pdpId !== undefined) patch.pdp_id = input.pdpId;
    if (input.domain !== undefined) patch.domain = input.domain;
    if (input.title !== undefined) patch.title = input.title;
    if (input.why !== undefined) patch.why = input.why;
    if (input.targetDate !== undefined) patch.target_date = input.targetDate;
    if (input.status !== undefined && input.status !== row.status) {
      patch.status = input.status;
      // Completing stamps the day; leaving 'completed' goes back to the computed progress.
      patch.completed_at = input.status === 'completed' ? at : null;
    }
    await ctx.write(async (trx) => {
      await trx.updateTable('goals').set(patch).where('id', '=', row.id).execute();
      await progress.recordProgress([row.id], trx);
    });
    return detail(row.id);
  }

  /** Soft-deletes the goal and its key results; its tasks and habits stay, without a goal. */
  async function remove(id: string): Promise<Goal> {
    const row = await goalRow(id);
    const [before] = await views([row]);
    const at = core.iso();
    await ctx.write(async (trx) => {
      await trx.updateTable('tasks').set({ goal_id: null, updated_at: at }).where('goal_id', '=', id).execute();
      await trx.updateTable('habits').set({ goal_id: null, updated_at: at }).where('goal_id', '=', id).execute();
      await trx.updateTable('key_results').set({ deleted_at: at, updated_at: at }).where('goal_id', '=', id).where('deleted_at', 'is', null).execute();
      await trx.updateTable('goals').set({ deleted_at: at, updated_at: at }).where('id', '=', id).execute();
    });
    return before!;
  }

  /** A manual progress entry: the value given, or the computed progress now (a note on where things stand). */
  async function logProgress(input: z.output<typeof LogProgressInput>): Promise<z.input<typeof ProgressLogEntry>> {
    const row = await goalRow(input.goalId);
    if (input.progress === undefined && input.note.trim() === '') {
      throw new AppError('INVALID_INPUT', 'Give a progress value or a note.', { issues: [{ path: 'note', message: 'Required without a progress value' }] });
    }
    const value = input.progress ?? (await progress.evaluate(ctx.db(), [row])).get(row.id)!.breakdown.progress;
    const entry = { id: newId(), goal_id: row.id, at: core.iso(), progress: value, kind: 'manual' as const, note: input.note.trim() };
    await ctx.write((trx) => trx.insertInto('goal_progress_log').values(entry).execute());
    return toLogEntry(entry);
  }

  return { goalRow, views, list, detail, create, update, remove, logProgress };
}
export type GoalsPart = ReturnType<typeof createGoals>;
