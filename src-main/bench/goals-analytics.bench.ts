import type { Kysely } from 'kysely';
import type { goalsContract } from '../../src-shared/domains/goals/goals.contract';
import { parseTaskQuickAdd } from '../../src-shared/domains/goals/quick-add';
import { addDays, todayIn } from '../../src-shared/lib/local-date';
import { routerClient } from '../app/router-client';
import type { Database } from '../db/database';
import type { TaskHistoryTable, TaskTable } from '../domains/goals/goals.table';
import { newId } from '../lib/ids';
import type { DomainContext } from '../platform/context';
import { benchCore, JOURNAL_PASSWORD, JOURNAL_ZONE } from './journal-bench-core';
import { msSince, percentile, seededRandom, timeAsync, timeSync, type Measurement } from './measure';

/**
 * Goals analytics (issue 11: "dashboard over 5 years < 200 ms", "quick add parse < 5 ms"). A fresh encrypted profile is
 * seeded in one write with five years up to today: `tasks` tasks (400 of them repeating, completed 10 times each),
 * `completions` completions in all (some undone again), 5 daily habits with ~1,800 check-ins each, 20 goals with a
 * progress log. Timed through the router (`goals:dashboard`, validation included): the first call and p50/p95 of
 * `calls` more over the whole 5 years, by week and by day. Baseline, same run and database: the bare reads the dashboard
 * starts from (every task row and every history row in order), so the row shows what the analysis adds to I/O.
 * Call from bench.ts:
 *   const goals = await benchGoals({ root: subdir(tmp, 'goals'), tasks: 40_000, completions: 20_000, calls: 20, parses: 2_000 });
 */
export const GOALS_GROUP = 'Goals';
export const DASHBOARD_TARGET_MS = 200;
export const QUICK_ADD_TARGET_MS = 5;
const YEARS_DAYS = 1826;
const REPEATING = 400;
const CHUNK = 400;

export interface GoalsBenchOptions {
  root: string;
  tasks: number;
  completions: number;
  calls: number;
  parses: number;
}

const iso = (date: string, minute: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + minute * 60_000).toISOString();

async function insertChunks<T extends keyof Database>(trx: Kysely<Database>, table: T, rows: readonly object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // The rows are built to the table's shape by the caller; a generic table name loses Kysely's row type.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

/** Five years of history, deterministic (seeded), ending today. */
async function seed(ctx: DomainContext<typeof goalsContract>, today: string, opts: GoalsBenchOptions): Promise<void> {
  const rand = seededRandom(42);
  const first = addDays(today, -(YEARS_DAYS - 1));
  const day = (): string => addDays(first, Math.floor(rand() * YEARS_DAYS));
  const tasks: TaskTable[] = [];
  const history: TaskHistoryTable[] = [];
  const done = (taskId: string, date: string, due: string | null, minute = 600) =>
    history.push({
      id: newId(),
      task_id: taskId,
      kind: 'completed',
      at: iso(date, minute),
      due_date: due,
      previous_due_date: null,
      created_at: iso(date, minute),
    });
  const oneOff = opts.completions - REPEATING * 10;
  for (let i = 0; i < opts.tasks; i++) {
    const repeating = i < REPEATING;
    // A repeating task starts in the first four years, so its ten weekly completions lie in the past.
    const created = repeating ? addDays(first, Math.floor(rand() * 1400)) : day();
    const due = repeating ? created : rand() < 0.7 ? addDays(created, Math.floor(rand() * 14)) : null;
    const completedOn = !repeating && i < REPEATING + oneOff ? addDays(created, Math.floor(rand() * 20)) : null;
    const closed = completedOn !== null && completedOn <= today ? completedOn : null;
    const id = newId();
    const at = iso(created, 540);
    // A repeating task's row is at its next occurrence after the ten completed ones.
    const stored = repeating && due ? addDays(due, 70) : due;
    tasks.push({
      ...{
        id,
        doc: i + 1,
        title: `Task ${i}`,
        notes: '',
        goal_id: null,
        project_id: null,
        parent_id: null,
        priority: 1 + (i % 5),
        status: closed ? 'done' : 'todo',
      },
      ...{
        due_date: stored,
        due_time: null,
        zone: JOURNAL_ZONE,
        due_ms: stored ? Date.parse(`${stored}T23:59:59Z`) : null,
        scheduled_date: null,
        estimate_minutes: null,
      },
      ...{ tags: '[]', rrule: repeating ? 'FREQ=WEEKLY' : null, repeat_from: 'due', completed_at: closed ? iso(closed, 600) : null, sort_order: i },
      ...{ source: null, source_id: null, created_at: at, updated_at: at, deleted_at: null },
    });
    if (closed) {
      done(id, closed, due);
      // Every 20th completion was undone once before it stood.
      if (i % 20 === 0) {
        done(id, closed, due, 590);
        history.push({
          id: newId(),
          task_id: id,
          kind: 'uncompleted',
          at: iso(closed, 595),
          due_date: due,
          previous_due_date: null,
          created_at: iso(closed, 595),
        });
      }
    }
    if (repeating && due) for (let k = 0; k < 10; k++) done(id, addDays(due, k * 7), addDays(due, k * 7));
  }
  await ctx.write(async (trx) => {
    await insertChunks(trx, 'tasks', tasks);
    await insertChunks(trx, 'task_history', history);
    const habits = Array.from({ length: 5 }, (_, h) => ({
      ...{ id: newId(), title: `Habit ${h}`, goal_id: null, rrule: 'FREQ=DAILY', period: 'day' as const, target: 1, unit: '', start_date: first },
      ...{ color: 'green', archived_at: null, sort_order: h, created_at: iso(first, 0), updated_at: iso(first, 0), deleted_at: null },
    }));
    await insertChunks(trx, 'habits', habits);
    const checkins = habits.flatMap((h) =>
      Array.from({ length: YEARS_DAYS }, (_, d) => addDays(first, d))
        .filter(() => rand() < 0.985)
        .map((date) => ({ id: newId(), habit_id: h.id, date, value: 1, note: '', created_at: iso(date, 1200), updated_at: iso(date, 1200) })),
    );
    await insertChunks(trx, 'habit_checkins', checkins);
    for (let g = 0; g < 20; g++) {
      const goalId = newId();
      const at = iso(first, 60);
      await trx
        .insertInto('goals')
        .values({
          id: goalId,
          pdp_id: null,
          domain: '',
          title: `Goal ${g}`,
          why: '',
          target_date: null,
          status: 'active',
          sort_order: g,
          completed_at: null,
          created_at: at,
          updated_at: at,
          deleted_at: null,
        })
        .execute();
      const log = Array.from({ length: 50 }, (_, k) => ({
        id: newId(),
        goal_id: goalId,
        at: iso(addDays(first, k * 36), 700),
        progress: k * 2,
        kind: 'auto' as const,
        note: '',
      }));
      await insertChunks(trx, 'goal_progress_log', log);
    }
  });
}

export async function benchGoals(opts: GoalsBenchOptions): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const core = benchCore(opts.root);
  const client = routerClient(core, 'cli');
  try {
    await client.profile.create({ name: 'Goals bench', password: JOURNAL_PASSWORD });
    const ctx = core.domainContext('goals') as DomainContext<typeof goalsContract>;
    const today = todayIn(JOURNAL_ZONE, Date.now());
    const seedStart = process.hrtime.bigint();
    await seed(ctx, today, opts);
    const seedMs = msSince(seedStart);
    const from = addDays(today, -(YEARS_DAYS - 1));

    const firstMs = await timeAsync(() => client.goals.dashboard({ from, to: today, bucket: 'week' }));
    const weekly: number[] = [];
    const daily: number[] = [];
    const bare: number[] = [];
    const sqlite = core.profiles.current().sqlite;
    const tasksRead = sqlite.prepare('SELECT id, created_at, due_date, rrule, completed_at, priority FROM tasks WHERE deleted_at IS NULL');
    const historyRead = sqlite.prepare('SELECT task_id, kind, at, due_date FROM task_history ORDER BY task_id, at, id');
    let points = 0;
    for (let i = 0; i < opts.calls; i++) {
      weekly.push(await timeAsync(async () => (points = (await client.goals.dashboard({ from, to: today, bucket: 'week' })).completed.length)));
      daily.push(await timeAsync(() => client.goals.dashboard({ from, to: today, bucket: 'day' })));
      bare.push(timeSync(() => void (tasksRead.all().length + historyRead.all().length)));
    }
    const review = await timeAsync(() => client.goals.weeklyReview({}));

    const lines = ['pay rent every month on the 1st #finance !2', 'call Ana tomorrow 15:00 for goal:Spanish', 'review slides fri 9:30 #work +Launch !1'];
    const parseOpts = { now: new Date(), zone: JOURNAL_ZONE, goals: [{ id: newId(), title: 'Spanish' }], projects: [{ id: newId(), name: 'Launch' }] };
    const parses: number[] = [];
    for (let i = 0; i < opts.parses; i++) parses.push(timeSync(() => void parseTaskQuickAdd(lines[i % lines.length]!, parseOpts)));

    const n = opts.tasks.toLocaleString('en-US');
    const c = opts.completions.toLocaleString('en-US');
    const row = (name: string, value: number, target?: number): Measurement => ({
      group: GOALS_GROUP,
      name,
      value,
      unit: 'ms',
      ...(target === undefined ? {} : { target: `< ${target} ms`, pass: value < target }),
    });
    const baseline = percentile(bare, 50);
    return {
      measurements: [
        row(`seed 5 years (${n} tasks, ${c} completions, 5 habits, 20 goals) in one write`, seedMs),
        row(`goals:dashboard, 5 years by week (${points} points): first call`, firstMs),
        { ...row(`goals:dashboard, 5 years by week: p50 of ${opts.calls}`, percentile(weekly, 50)), baseline },
        row(`goals:dashboard, 5 years by week: p95 of ${opts.calls}`, percentile(weekly, 95), DASHBOARD_TARGET_MS),
        row(`goals:dashboard, 5 years by day (${YEARS_DAYS} points): p95 of ${opts.calls}`, percentile(daily, 95), DASHBOARD_TARGET_MS),
        row('goals:weeklyReview, this week: one call', review),
        row(`quick add parse: p95 of ${opts.parses.toLocaleString('en-US')} lines`, percentile(parses, 95), QUICK_ADD_TARGET_MS),
      ],
      notes: [
        `goals dashboard: the baseline (${baseline.toFixed(1)} ms) is reading every task and history row on the same encrypted database, ` +
          'no analysis; the rest is the one pass in JS (overdue by difference array, habits on the recurrence engine, the score).',
      ],
    };
  } finally {
    core.shutdown();
  }
}
