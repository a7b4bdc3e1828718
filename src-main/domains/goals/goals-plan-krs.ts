import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { KeyResult, KeyResultInput, UpdateKeyResultInput } from '../../../src-shared/domains/goals/goals.schemas';
import { AppError, notFound } from '../../../src-shared/ipc/result';
import { assertIsoDate } from '../../../src-shared/lib/local-date';
import type { Database } from '../../db/database';
import { newId } from '../../lib/ids';
import type { GoalsCore } from './goals-core';
import { sumCheckins } from './goals-habit-rules';
import type { GoalsPart } from './goals-plan-goals';
import { toKeyResult } from './goals-plan-map';
import type { ProgressPart } from './goals-plan-progress';
import type { KeyResultTable } from './goals.table';

const invalid = (path: string, message: string) => new AppError('INVALID_INPUT', message, { issues: [{ path, message }] });

/** An increasing key result aims above its start, a decreasing one below: anything else is a typo, refused. */
function checkDirection(kr: Pick<KeyResultTable, 'kind' | 'start_value' | 'target_value' | 'direction'>): void {
  if (kr.kind !== 'numeric') return;
  if (kr.direction === 'increase' && kr.target_value < kr.start_value)
    throw invalid('targetValue', 'An increasing key result needs a target at or above its start.');
  if (kr.direction === 'decrease' && kr.target_value > kr.start_value)
    throw invalid('targetValue', 'A decreasing key result needs a target at or below its start.');
}

/** Key results: create, edit or record a value (kept in its history, the sparkline), delete. */
export function createKeyResults(core: GoalsCore, progress: ProgressPart, goals: GoalsPart) {
  const { ctx } = core;

  async function krRow(id: string): Promise<KeyResultTable> {
    const row = await ctx.db().selectFrom('key_results').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw notFound('key result', id);
    return row;
  }

  async function assertHabit(habitId: string): Promise<void> {
    const h = await ctx.db().selectFrom('habits').select('id').where('id', '=', habitId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!h) throw notFound('habit', habitId);
  }

  async function view(id: string, db: Kysely<Database> = ctx.db()): Promise<KeyResult> {
    const row = await db.selectFrom('key_results').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const [live] = await progress.live(db, [row]);
    const history = await db.selectFrom('key_result_log').selectAll().where('key_result_id', '=', id).orderBy('at').orderBy('id').execute();
    return toKeyResult(live!, history);
  }

  const log = (trx: Kysely<Database>, krId: string, value: number, note: string) =>
    trx.insertInto('key_result_log').values({ id: newId(), key_result_id: krId, at: core.iso(), value, note }).execute();

  async function create(input: z.output<typeof KeyResultInput>): Promise<KeyResult> {
    await goals.goalRow(input.goalId);
    if (input.dueDate) assertIsoDate(input.dueDate, 'The due date');
    const milestone = input.kind === 'milestone';
    if (milestone && input.habitId) throw invalid('habitId', 'A milestone cannot count a habit’s check-ins.');
    if (input.habitId) await assertHabit(input.habitId);
    const at = core.iso();
    const row: KeyResultTable = {
      id: newId(),
      goal_id: input.goalId,
      title: input.title,
      kind: input.kind,
      start_value: milestone ? 0 : input.startValue,
      target_value: milestone ? 1 : input.targetValue,
      current_value: milestone ? 0 : (input.currentValue ?? input.startValue),
      unit: input.unit,
      direction: milestone ? 'increase' : input.direction,
      due_date: input.dueDate,
      done_at: null,
      habit_id: input.habitId,
      sort_order: 0,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    checkDirection(row);
    await ctx.write(async (trx) => {
      if (row.habit_id) row.current_value = await sumCheckins(trx, row.habit_id, progress.krStartDate(row));
      const max = await trx
        .selectFrom('key_results')
        .select((eb) => eb.fn.max<number>('sort_order').as('m'))
        .where('goal_id', '=', row.goal_id)
        .executeTakeFirst();
      row.sort_order = Number(max?.m ?? 0) + 1;
      await trx.insertInto('key_results').values(row).execute();
      // The first point of the sparkline: where it starts.
      await log(trx, row.id, row.current_value, '');
      await progress.recordProgress([row.goal_id], trx);
    });
    return view(row.id);
  }

  async function update(input: z.output<typeof UpdateKeyResultInput>): Promise<KeyResult> {
    const row = await krRow(input.id);
    const milestone = row.kind === 'milestone';
    const habitId = input.habitId !== undefined ? input.habitId : row.habit_id;
    if (milestone && (input.currentValue !== undefined || input.startValue !== undefined || input.targetValue !== undefined || input.habitId)) {
      throw invalid('currentValue', 'A milestone is reached or not: set "done" instead of values.');
    }
    if (!milestone && input.done !== undefined) throw invalid('done', 'A numeric key result moves by its current value, not "done".');
    if (habitId && input.currentValue !== undefined) throw invalid('currentValue', 'This key result counts a habit’s check-ins: check in the habit instead.');
    if (input.habitId) await assertHabit(input.habitId);
    if (input.dueDate) assertIsoDate(input.dueDate, 'The due date');

    const at = core.iso();
    const patch: Partial<KeyResultTable> = { updated_at: at };
    if (input.title !== undefined) patch.title = input.title;
    if (input.startValue !== undefined) patch.start_value = input.startValue;
    if (input.targetValue !== undefined) patch.target_value = input.targetValue;
    if (input.unit !== undefined) patch.unit = input.unit;
    if (input.direction !== undefined) patch.direction = input.direction;
    if (input.dueDate !== undefined) patch.due_date = input.dueDate;
    if (input.habitId !== undefined) patch.habit_id = input.habitId;
    checkDirection({ ...row, ...patch });

    await ctx.write(async (trx) => {
      let point: number | null = null;
      if (input.currentValue !== undefined) point = patch.current_value = input.currentValue;
      if (input.done !== undefined) {
        patch.done_at = input.done ? (row.done_at ?? at) : null;
        point = input.done ? 1 : 0;
      }
      if (input.habitId) {
        // Linked now: its value is the habit's total since the key result began.
        const sum = await sumCheckins(trx, input.habitId, progress.krStartDate(row));
        patch.current_value = sum;
        if (sum !== row.current_value) point = sum;
      }
      // Unlinked: it keeps the total it had reached.
      if (input.habitId === null && row.habit_id) patch.current_value = await sumCheckins(trx, row.habit_id, progress.krStartDate(row));
      await trx.updateTable('key_results').set(patch).where('id', '=', row.id).execute();
      if (point !== null) await log(trx, row.id, point, input.note.trim());
      await progress.recordProgress([row.goal_id], trx);
    });
    return view(row.id);
  }

  async function remove(id: string): Promise<KeyResult> {
    const row = await krRow(id);
    const before = await view(id);
    const at = core.iso();
    await ctx.write(async (trx) => {
      await trx.updateTable('key_results').set({ deleted_at: at, updated_at: at }).where('id', '=', row.id).execute();
      await progress.recordProgress([row.goal_id], trx);
    });
    return before;
  }

  return { create, update, remove };
}
