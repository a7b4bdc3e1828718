import type { z } from 'zod';
import type { LogbookEntry, Task, UpcomingView } from '../../../src-shared/domains/goals/goals.schemas';
import { instancesBetween } from '../../../src-shared/domains/goals/task-repeat';
import { addDays } from '../../../src-shared/lib/local-date';
import type { GoalsCore } from './goals-core';
import { standingCompletions } from './goals-task-complete';
import type { createTaskLists } from './goals-task-lists';
import { byUrgency, toTasks } from './goals-task-rows';
import type { TaskHistoryTable } from './goals.table';

type Upcoming = z.input<typeof UpcomingView>;
type Logbook = z.input<typeof LogbookEntry>;

/** Upcoming (the next days, with repeating tasks on every day they fall on) and the logbook of completions. */
export function createTaskViews(core: GoalsCore, lists: ReturnType<typeof createTaskLists>) {
  const { ctx } = core;

  async function upcoming(input: { from?: string; days: number }): Promise<Upcoming> {
    const from = input.from ?? core.today();
    const to = addDays(from, input.days - 1);
    const [dueRows, repeating] = await Promise.all([lists.dueBetween(from, to), lists.repeatingUpTo(to)]);
    const rows = new Map([...dueRows, ...repeating].map((r) => [r.id, r]));
    const tasks = new Map((await toTasks(ctx.db(), [...rows.values()].sort(byUrgency))).map((t) => [t.id, t]));
    const days = new Map<string, Upcoming['days'][number]['tasks']>();
    for (let d = from; d <= to; d = addDays(d, 1)) days.set(d, []);
    const put = (date: string, task: Task, repeatInstance: boolean) => days.get(date)?.push({ ...task, instanceDate: date, repeatInstance });
    // Sorted by urgency once, so each day's list keeps that order.
    for (const task of tasks.values()) {
      const row = rows.get(task.id);
      if (!row?.due_date) continue;
      if (row.due_date >= from) put(row.due_date, task, false);
      if (row.rrule === null) continue;
      const t = { dueDate: row.due_date, dueTime: row.due_time, zone: row.zone, rrule: row.rrule, repeatFrom: row.repeat_from };
      const after = addDays(row.due_date, 1);
      for (const date of instancesBetween(t, after > from ? after : from, to)) if (date !== row.due_date) put(date, task, true);
    }
    return { from, days: [...days].map(([date, list]) => ({ date, tasks: list })) };
  }

  /**
   * Completions still standing (an undone one is not shown), newest first, before `before`. Pages through history
   * until `limit` entries are found, since a page may hold undone completions.
   */
  async function logbook(input: { before?: string; limit: number }): Promise<Logbook[]> {
    const out: Logbook[] = [];
    const page = Math.max(input.limit, 50);
    for (let offset = 0; ; offset += page) {
      let q = ctx.db().selectFrom('task_history').selectAll().where('kind', '=', 'completed');
      if (input.before) q = q.where('at', '<', input.before);
      const done = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(page).offset(offset).execute();
      if (done.length === 0) break;
      const ids = [...new Set(done.map((h) => h.task_id))];
      const [undos, tasks] = await Promise.all([
        ctx.db().selectFrom('task_history').selectAll().where('kind', '=', 'uncompleted').where('task_id', 'in', ids).execute(),
        ctx.db().selectFrom('tasks').select(['id', 'title', 'goal_id', 'rrule']).where('id', 'in', ids).where('deleted_at', 'is', null).execute(),
      ]);
      const stands = await standingOf(undos);
      const byId = new Map(tasks.map((t) => [t.id, t]));
      for (const h of done) {
        const t = byId.get(h.task_id);
        if (!t || !stands(h)) continue;
        out.push({ taskId: t.id, title: t.title, goalId: t.goal_id, at: h.at, dueDate: h.due_date, repeating: t.rrule !== null });
        if (out.length >= input.limit) return out;
      }
      if (done.length < page) break;
    }
    return out;
  }

  /**
   * Whether a completion still stands: always, for a task never uncompleted; otherwise decided over that task's whole
   * history (read only for those few tasks).
   */
  async function standingOf(undos: TaskHistoryTable[]): Promise<(h: TaskHistoryTable) => boolean> {
    const undone = [...new Set(undos.map((u) => u.task_id))];
    if (undone.length === 0) return () => true;
    const rows = await ctx.db().selectFrom('task_history').selectAll().where('task_id', 'in', undone).execute();
    const standing = new Set<string>();
    for (const id of undone) for (const s of standingCompletions(rows.filter((h) => h.task_id === id))) standing.add(s);
    const set = new Set(undone);
    return (h) => !set.has(h.task_id) || standing.has(h.id);
  }

  return { upcoming, logbook };
}
