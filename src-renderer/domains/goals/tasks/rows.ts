import type { Task, TodayView } from '../../../../src-shared/domains/goals/goals.schemas';
import type { GoalsState, RowRef } from '../goals-state';
import { kanbanColumns, logbookKey, STATUSES, upcomingKey } from './task-helpers';

type Views = Pick<GoalsState, 'section' | 'today' | 'upcoming' | 'list' | 'board' | 'logbook'>;

/**
 * The rows of the current section in the order they are drawn: j/k walk them, x completes, Enter opens. The views
 * draw from the same data in the same order (Today: overdue, due, scheduled; the board column by column).
 */
export function visibleRows(s: Views): RowRef[] {
  const row = (t: { id: string; completed: boolean }): RowRef => ({ key: t.id, taskId: t.id, completed: t.completed });
  switch (s.section) {
    case 'today':
      return s.today ? todayGroups(s.today).flatMap((g) => g.tasks.map(row)) : [];
    case 'upcoming':
      return (s.upcoming?.days ?? []).flatMap((d) =>
        d.tasks.map((t) => ({ key: upcomingKey(t.id, d.date), taskId: t.id, completed: t.completed, locked: t.repeatInstance })),
      );
    case 'tasks':
      return (s.list ?? []).map(row);
    case 'board': {
      const cols = kanbanColumns(s.board ?? []);
      return STATUSES.flatMap((st) => cols[st].map(row));
    }
    case 'logbook':
      return (s.logbook ?? []).map((e) => ({ key: logbookKey(e.taskId, e.at), taskId: e.taskId, completed: true }));
    default:
      return [];
  }
}

export interface TodayGroup {
  id: 'overdue' | 'due' | 'scheduled';
  title: string;
  tasks: Task[];
}

/** Today's groups, without empty ones; a task both due and scheduled today is listed once, where it first appears. */
export function todayGroups(t: Pick<TodayView, 'overdue' | 'due' | 'scheduled'>): TodayGroup[] {
  const seen = new Set<string>();
  const once = (tasks: Task[]) => tasks.filter((x) => !seen.has(x.id) && !!seen.add(x.id));
  const groups: TodayGroup[] = [
    { id: 'overdue', title: 'Overdue', tasks: once(t.overdue) },
    { id: 'due', title: 'Due today', tasks: once(t.due) },
    { id: 'scheduled', title: 'Scheduled for today', tasks: once(t.scheduled) },
  ];
  return groups.filter((g) => g.tasks.length > 0);
}
