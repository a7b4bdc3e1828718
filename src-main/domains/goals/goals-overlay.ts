import type { OverlayItem } from '../../../src-shared/domains/goals/goals.schemas';
import { instancesBetween } from '../../../src-shared/domains/goals/task-repeat';
import { AppError } from '../../../src-shared/ipc/result';
import { assertIsoDate, daysBetween } from '../../../src-shared/lib/local-date';
import type { GoalsCore } from './goals-core';

/** The most items one call returns (a calendar month of a busy list is a few hundred). */
export const OVERLAY_CAP = 5000;
/** The widest range one call reads (a year view, with room). */
const MAX_RANGE_DAYS = 400;

/**
 * What the calendar shows of the goals (docs/architecture.md#goals-overlay): tasks on their due dates (open ones, each
 * instance of a repeating one, and completed non-repeating ones), milestone key results on their due dates, and goals on
 * their target dates. Sorted by date, then time (all-day first), capped at OVERLAY_CAP.
 */
export function createOverlay(core: GoalsCore) {
  const { ctx } = core;

  async function items(input: { from: string; to: string }): Promise<OverlayItem[]> {
    const { from, to } = input;
    assertIsoDate(from, 'The first day');
    assertIsoDate(to, 'The last day');
    const span = daysBetween(from, to);
    if (span < 0) throw new AppError('INVALID_INPUT', 'The last day is before the first.', { issues: [{ path: 'to', message: 'Before from' }] });
    if (span >= MAX_RANGE_DAYS)
      throw new AppError('INVALID_INPUT', `The overlay is read ${MAX_RANGE_DAYS} days at a time.`, { issues: [{ path: 'to', message: 'Too wide' }] });
    const db = ctx.db();
    const out: OverlayItem[] = [];
    const liveGoals = db.selectFrom('goals').select('id').where('deleted_at', 'is', null);

    const cols = ['id', 'title', 'goal_id', 'due_date', 'due_time', 'zone', 'rrule', 'repeat_from', 'priority', 'completed_at'] as const;
    const once = await db
      .selectFrom('tasks')
      .select(cols)
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('rrule', 'is', null), eb('completed_at', 'is not', null)]))
      .where('due_date', '>=', from)
      .where('due_date', '<=', to)
      .orderBy('due_date')
      .limit(OVERLAY_CAP + 1)
      .execute();
    const task = (t: (typeof once)[number], date: string) => ({
      kind: 'task' as const,
      id: t.id,
      goalId: t.goal_id,
      title: t.title,
      date,
      time: t.due_time,
      completed: t.completed_at !== null,
      priority: t.priority,
    });
    for (const t of once) out.push(task(t, t.due_date!));

    // An open repeating task sits on its due date and on each later instance of its rule in range.
    const repeating = await db
      .selectFrom('tasks')
      .select(cols)
      .where('deleted_at', 'is', null)
      .where('completed_at', 'is', null)
      .where('rrule', 'is not', null)
      .where('due_date', '<=', to)
      .execute();
    for (const t of repeating) {
      if (out.length > OVERLAY_CAP) break;
      const dates = instancesBetween({ dueDate: t.due_date!, dueTime: t.due_time, zone: t.zone, rrule: t.rrule!, repeatFrom: t.repeat_from }, from, to);
      for (const d of dates) out.push(task(t, d));
    }

    const milestones = await db
      .selectFrom('key_results')
      .select(['id', 'goal_id', 'title', 'due_date', 'done_at'])
      .where('deleted_at', 'is', null)
      .where('kind', '=', 'milestone')
      .where('goal_id', 'in', liveGoals)
      .where('due_date', '>=', from)
      .where('due_date', '<=', to)
      .orderBy('due_date')
      .limit(OVERLAY_CAP)
      .execute();
    for (const m of milestones) {
      out.push({
        kind: 'milestone',
        id: m.id,
        goalId: m.goal_id,
        title: m.title,
        date: m.due_date!,
        time: null,
        completed: m.done_at !== null,
        priority: null,
      });
    }

    // Dropped goals have no date to keep.
    const goals = await db
      .selectFrom('goals')
      .select(['id', 'title', 'target_date', 'status'])
      .where('deleted_at', 'is', null)
      .where('status', '!=', 'dropped')
      .where('target_date', '>=', from)
      .where('target_date', '<=', to)
      .orderBy('target_date')
      .limit(OVERLAY_CAP)
      .execute();
    for (const g of goals) {
      out.push({ kind: 'goal', id: g.id, goalId: g.id, title: g.title, date: g.target_date!, time: null, completed: g.status === 'completed', priority: null });
    }

    const order = { goal: 0, milestone: 1, task: 2 } as const;
    out.sort(
      (a, b) =>
        a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? '') || order[a.kind] - order[b.kind] || (a.priority ?? 9) - (b.priority ?? 9),
    );
    return out.slice(0, OVERLAY_CAP);
  }

  return { items };
}
