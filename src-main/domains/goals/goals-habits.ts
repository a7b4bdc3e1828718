import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { goalsContract } from '../../../src-shared/domains/goals/goals.contract';
import type { CheckInInput, Habit, HabitHistoryInput, HabitInput, UpdateHabitInput } from '../../../src-shared/domains/goals/goals.schemas';
import { epochDay } from '../../../src-shared/domains/goals/habit-streaks';
import type { ServiceOf } from '../../../src-shared/ipc/define';
import { AppError, notFound } from '../../../src-shared/ipc/result';
import { addDays, assertIsoDate, daysBetween } from '../../../src-shared/lib/local-date';
import type { Database } from '../../db/database';
import { newId } from '../../lib/ids';
import type { GoalsCore } from './goals-core';
import { createCheckinCache } from './goals-habit-cache';
import { assertHabitRule, dueDays, sumCheckins } from './goals-habit-rules';
import { toHabit } from './goals-habit-view';
import { createProgress } from './goals-plan-progress';
import type { HabitTable } from './goals.table';

type HabitOps = 'listHabits' | 'createHabit' | 'updateHabit' | 'deleteHabit' | 'checkIn' | 'habitHistory';
/** The longest heat-map a call returns. */
const MAX_HISTORY_DAYS = 400;
const invalid = (path: string, message: string) => new AppError('INVALID_INPUT', message, { issues: [{ path, message }] });

/** Habits (docs/architecture.md#goals-habits): due days from the shared recurrence engine, check-ins, streaks. */
export function createHabits(core: GoalsCore) {
  const { ctx } = core;
  const progress = createProgress(core);
  const cache = createCheckinCache();

  async function habitRow(id: string, db: Kysely<Database> = ctx.db()): Promise<HabitTable> {
    const row = await db.selectFrom('habits').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw notFound('habit', id);
    return row;
  }

  async function assertGoal(goalId: string | null | undefined): Promise<void> {
    if (!goalId) return;
    const g = await ctx.db().selectFrom('goals').select('id').where('id', '=', goalId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!g) throw notFound('goal', goalId);
  }

  /** Check-ins by habit, then by epoch day: from the live cache, or inside a write (`trx`) from its connection. */
  async function valuesOf(ids: string[], trx?: Kysely<Database>): Promise<Map<string, ReadonlyMap<number, number>>> {
    if (!trx) return cache.values(ctx.db(), ids);
    const out = new Map<string, Map<number, number>>(ids.map((id) => [id, new Map()]));
    if (ids.length === 0) return out;
    const rows = await trx.selectFrom('habit_checkins').select(['habit_id', 'date', 'value']).where('habit_id', 'in', ids).execute();
    for (const r of rows) out.get(r.habit_id)?.set(epochDay(r.date), r.value);
    return out;
  }

  async function views(rows: HabitTable[], ref: string, db?: Kysely<Database>): Promise<Habit[]> {
    const values = await valuesOf(
      rows.map((r) => r.id),
      db,
    );
    return rows.map((r) => toHabit(r, values.get(r.id)!, ref));
  }
  const view = async (row: HabitTable, db?: Kysely<Database>): Promise<Habit> => (await views([row], core.today(), db))[0]!;

  const liveRows = () => ctx.db().selectFrom('habits').selectAll().where('deleted_at', 'is', null).orderBy('sort_order').orderBy('created_at').orderBy('id');

  async function list(): Promise<Habit[]> {
    const rows = await liveRows().execute();
    // Archived habits last.
    return views([...rows.filter((r) => !r.archived_at), ...rows.filter((r) => r.archived_at)], core.today());
  }

  /** Non-archived habits due on `date`, as seen on that day (Today). */
  async function dueOn(date: string): Promise<Habit[]> {
    assertIsoDate(date);
    const rows = (await liveRows().where('archived_at', 'is', null).execute()).filter((r) => dueDays(r, date, date).length > 0);
    return views(rows, date);
  }

  async function create(input: z.output<typeof HabitInput>): Promise<Habit> {
    const start = input.startDate ?? core.today();
    assertHabitRule(input.rrule, start);
    await assertGoal(input.goalId);
    const at = core.iso();
    const row: HabitTable = {
      id: newId(),
      title: input.title,
      goal_id: input.goalId,
      rrule: input.rrule,
      period: input.period,
      target: input.target,
      unit: input.unit,
      start_date: start,
      color: input.color,
      archived_at: null,
      sort_order: 0,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    await ctx.write(async (trx) => {
      const max = await trx
        .selectFrom('habits')
        .select((eb) => eb.fn.max<number>('sort_order').as('m'))
        .executeTakeFirst();
      row.sort_order = Number(max?.m ?? 0) + 1;
      await trx.insertInto('habits').values(row).execute();
    });
    return view(row);
  }

  async function update(input: z.output<typeof UpdateHabitInput>): Promise<Habit> {
    const row = await habitRow(input.id);
    if (input.rrule !== undefined) assertHabitRule(input.rrule, row.start_date);
    await assertGoal(input.goalId);
    const at = core.iso();
    const patch: Partial<HabitTable> = { updated_at: at };
    for (const k of ['title', 'rrule', 'period', 'target', 'unit', 'color'] as const) if (input[k] !== undefined) Object.assign(patch, { [k]: input[k] });
    if (input.goalId !== undefined) patch.goal_id = input.goalId;
    if (input.archived !== undefined) patch.archived_at = input.archived ? (row.archived_at ?? at) : null;
    await ctx.write((trx) => trx.updateTable('habits').set(patch).where('id', '=', row.id).execute());
    return view(await habitRow(row.id));
  }

  /** Soft-deletes the habit; key results that counted it keep the total they had reached. */
  async function remove(id: string): Promise<Habit> {
    const row = await habitRow(id);
    const before = await view(row);
    const at = core.iso();
    await ctx.write(async (trx) => {
      await progress.syncHabit(trx, id, '');
      await trx.updateTable('key_results').set({ habit_id: null, updated_at: at }).where('habit_id', '=', id).execute();
      await trx.updateTable('habits').set({ deleted_at: at, updated_at: at }).where('id', '=', id).execute();
    });
    return before;
  }

  /** Sets a day's value (absent: one more; 0: removes it); key results counting the habit move with it. */
  async function checkIn(input: z.output<typeof CheckInInput>): Promise<Habit> {
    const row = await habitRow(input.habitId);
    const today = core.today();
    const date = input.date ?? today;
    assertIsoDate(date);
    if (date > today) throw invalid('date', 'A habit cannot be checked in for a day that has not come yet.');
    if (date < row.start_date) throw invalid('date', `The habit starts on ${row.start_date}.`);
    return ctx.write(async (trx) => {
      const old = await trx.selectFrom('habit_checkins').selectAll().where('habit_id', '=', row.id).where('date', '=', date).executeTakeFirst();
      const value = input.value ?? (old?.value ?? 0) + 1;
      const at = core.iso();
      if (value === 0) {
        if (old) await trx.deleteFrom('habit_checkins').where('id', '=', old.id).execute();
      } else if (old) {
        const note = input.note.trim() || old.note;
        await trx.updateTable('habit_checkins').set({ value, note, updated_at: at }).where('id', '=', old.id).execute();
      } else {
        await trx
          .insertInto('habit_checkins')
          .values({ id: newId(), habit_id: row.id, date, value, note: input.note.trim(), created_at: at, updated_at: at })
          .execute();
      }
      await progress.syncHabit(trx, row.id, `${row.title} ${date}`);
      return view(row, trx);
    });
  }

  async function history(input: z.output<typeof HabitHistoryInput>): Promise<{ habitId: string; days: { date: string; value: number; due: boolean }[] }> {
    const row = await habitRow(input.habitId);
    assertIsoDate(input.from, 'The first day');
    assertIsoDate(input.to, 'The last day');
    const span = daysBetween(input.from, input.to);
    if (span < 0) throw invalid('to', 'The last day is before the first.');
    if (span >= MAX_HISTORY_DAYS) throw invalid('to', `A habit's history is read ${MAX_HISTORY_DAYS} days at a time.`);
    const due = new Set(dueDays(row, input.from, input.to));
    const values = (await valuesOf([row.id])).get(row.id)!;
    const days = [];
    for (let d = input.from; d <= input.to; d = addDays(d, 1)) days.push({ date: d, value: values.get(epochDay(d)) ?? 0, due: due.has(d) });
    return { habitId: row.id, days };
  }

  const handlers: Pick<ServiceOf<typeof goalsContract>, HabitOps> = {
    listHabits: () => list(),
    createHabit: (input) => create(input),
    updateHabit: (input) => update(input),
    deleteHabit: ({ id }) => remove(id),
    checkIn: (input) => checkIn(input),
    habitHistory: (input) => history(input),
  };

  return {
    handlers,
    dueOn,
    /** Drops the check-ins held in memory (call on lock). */
    clear: () => cache.clear(),
    /** The total of a habit's check-ins from `fromDate` on (inside a write: pass its `trx`). */
    sumSince: (habitId: string, fromDate: string, trx?: Kysely<Database>): Promise<number> => sumCheckins(trx ?? ctx.db(), habitId, fromDate),
  };
}
export type HabitsPart = ReturnType<typeof createHabits>;
