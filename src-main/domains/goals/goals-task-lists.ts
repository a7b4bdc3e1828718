import { sql } from 'kysely';
import type { z } from 'zod';
import type { ListTasksInput, Task, TaskFilter } from '../../../src-shared/domains/goals/goals.schemas';
import { toFtsQuery } from '../../../src-shared/lib/fts-query';
import type { GoalsCore } from './goals-core';
import { byUrgency, toTasks } from './goals-task-rows';
import type { TaskTable } from './goals.table';

/**
 * Zone offsets lie within −12 h … +14 h: a task due on local date D has its due instant within this much of D's UTC
 * midnight, so an index range on `due_ms` widened by it holds every task due on D, whatever its zone. Dates themselves
 * are then compared as strings (a date-only task is overdue by its local date, not by its instant).
 */
export const ZONE_SLACK_MS = 15 * 3_600_000;
export const utcMidnight = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** Every spelling a tag may be stored in (tags are matched without regard to case; SQLite's lower() folds ASCII only). */
function tagSpellings(tag: string): string[] {
  const t = tag.trim().replace(/^#/, '');
  const lower = t.toLocaleLowerCase();
  return [...new Set([t, lower, t.toLocaleUpperCase(), lower.charAt(0).toLocaleUpperCase() + lower.slice(1)])];
}

/** Today's lists and the filtered task list. */
export function createTaskLists(core: GoalsCore) {
  const { ctx } = core;
  const open = () => ctx.db().selectFrom('tasks').selectAll().where('completed_at', 'is', null).where('deleted_at', 'is', null);

  /** Overdue, due and scheduled on `date`, over the two partial indexes of open tasks. */
  async function today(input: { date?: string }): Promise<{ date: string; overdue: Task[]; due: Task[]; scheduled: Task[] }> {
    const date = input.date ?? core.today();
    const [dueRows, schedRows] = await Promise.all([
      open()
        .where('due_ms', '<', utcMidnight(date) + 86_400_000 + ZONE_SLACK_MS)
        .where('due_date', '<=', date)
        .execute(),
      // Tasks due by `date` are on the first list already: not read twice.
      open()
        .where('scheduled_date', '<=', date)
        .where((eb) => eb.or([eb('due_date', 'is', null), eb('due_date', '>', date)]))
        .execute(),
    ]);
    const overdue = dueRows.filter((r) => (r.due_date ?? '') < date).sort(byUrgency);
    const due = dueRows.filter((r) => r.due_date === date).sort(byUrgency);
    const scheduled = schedRows.sort(byUrgency);
    const all = await toTasks(ctx.db(), [...overdue, ...due, ...scheduled]);
    return {
      date,
      overdue: all.slice(0, overdue.length),
      due: all.slice(overdue.length, overdue.length + due.length),
      scheduled: all.slice(overdue.length + due.length),
    };
  }

  /** The task list: every filter field narrows (tags: the task has each of them); open tasks unless asked otherwise. */
  async function listTasks(input: z.output<typeof ListTasksInput>): Promise<Task[]> {
    const f: TaskFilter = input.filter;
    let q = ctx.db().selectFrom('tasks').selectAll().where('deleted_at', 'is', null);
    if (!f.includeCompleted && f.status !== 'done') q = q.where('completed_at', 'is', null);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.priorities?.length) q = q.where('priority', 'in', f.priorities);
    if (f.goalId) q = q.where('goal_id', '=', f.goalId);
    if (f.projectId) q = q.where('project_id', '=', f.projectId);
    if (f.dueFrom) q = q.where('due_date', '>=', f.dueFrom);
    if (f.dueTo) q = q.where('due_date', '<=', f.dueTo);
    for (const tag of f.tags ?? []) {
      const spellings = tagSpellings(tag);
      if (spellings[0] === '') continue;
      q = q.where(
        sql<boolean>`EXISTS (SELECT 1 FROM json_each(tasks.tags) j WHERE j.value IN (${sql.join(spellings)}) OR lower(j.value) = lower(${spellings[0]}))`,
      );
    }
    if (f.text !== undefined && f.text.trim() !== '') {
      const match = toFtsQuery(f.text);
      if (match === null) return [];
      q = q.where('doc', 'in', sql<number>`(SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH ${match})`);
    }
    const rows = await q
      .orderBy(sql`completed_at IS NOT NULL`)
      .orderBy('priority')
      .orderBy(sql`due_ms IS NULL`)
      .orderBy('due_ms')
      .orderBy('sort_order')
      .limit(input.limit)
      .execute();
    return toTasks(ctx.db(), rows);
  }

  /** Open tasks due from `from` to `to` (local dates, inclusive), by the due index. */
  async function dueBetween(from: string, to: string): Promise<TaskTable[]> {
    return open()
      .where('due_ms', '>=', utcMidnight(from) - ZONE_SLACK_MS)
      .where('due_ms', '<', utcMidnight(to) + 86_400_000 + ZONE_SLACK_MS)
      .where('due_date', '>=', from)
      .where('due_date', '<=', to)
      .execute();
  }

  /** Open repeating tasks due on or before `to` (their later instances may fall in a range ending then). */
  async function repeatingUpTo(to: string): Promise<TaskTable[]> {
    return open()
      .where('due_ms', '<', utcMidnight(to) + 86_400_000 + ZONE_SLACK_MS)
      .where('due_date', '<=', to)
      .where('rrule', 'is not', null)
      .execute();
  }

  return { today, listTasks, dueBetween, repeatingUpTo };
}
