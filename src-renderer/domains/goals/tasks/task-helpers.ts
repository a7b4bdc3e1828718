import type { Task, TaskFilter, TaskStatus } from '../../../../src-shared/domains/goals/goals.schemas';

/**
 * Pure helpers of the task views: labels, colours, grouping and the keyboard order. No store, no DOM, so they are
 * unit-tested on their own.
 */

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/** "Thu 5 Mar": a wall date ('YYYY-MM-DD') as written, never shifted by the viewer's zone. */
export const dayLabel = (date: string): string => dayFormat.format(Date.parse(`${date}T12:00:00Z`));
export const longDayLabel = (date: string): string => longDayFormat.format(Date.parse(`${date}T12:00:00Z`));

/** "Today", "Tomorrow", "Yesterday" or "Thu 5 Mar", relative to `today`. */
export function relativeDay(date: string, today: string): string {
  const diff = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return diff === 0 ? 'Today' : diff === 1 ? 'Tomorrow' : diff === -1 ? 'Yesterday' : dayLabel(date);
}

/** The due label of a row: "Today 15:00", "Thu 5 Mar"; empty without a due date. */
export function dueLabel(t: Pick<Task, 'dueDate' | 'dueTime'>, today: string): string {
  if (!t.dueDate) return '';
  const day = relativeDay(t.dueDate, today);
  return t.dueTime ? `${day} ${t.dueTime}` : day;
}

/** Past its due moment (`dueAt`: the time, or the end of the due day in the task's zone) and still open. */
export const isOverdue = (t: Pick<Task, 'dueAt' | 'completed'>, nowMs: number): boolean => !t.completed && t.dueAt !== null && Date.parse(t.dueAt) < nowMs;

/** Priority 1 (most urgent) to 5: the colour of the checkbox ring and the flag, readable in light and dark. */
export const PRIORITY_CLASS: Record<number, string> = {
  1: 'border-danger text-danger',
  2: 'border-warning text-warning',
  3: 'border-accent text-accent',
  4: 'border-line-strong text-muted',
  5: 'border-line text-faint',
};
export const PRIORITY_NAMES: Record<number, string> = { 1: 'P1 urgent', 2: 'P2 high', 3: 'P3 medium', 4: 'P4 normal', 5: 'P5 low' };

/** Open tasks by due moment (undated last), then priority (1 first), then title: the list and board order. */
export function byUrgency<T extends Pick<Task, 'dueAt' | 'priority' | 'title'>>(tasks: readonly T[]): T[] {
  const due = (t: T) => (t.dueAt ? Date.parse(t.dueAt) : Number.POSITIVE_INFINITY);
  return [...tasks].sort((a, b) => due(a) - due(b) || a.priority - b.priority || a.title.localeCompare(b.title));
}

export const STATUSES: readonly TaskStatus[] = ['todo', 'doing', 'done'];
export const STATUS_LABELS: Record<TaskStatus, string> = { todo: 'To do', doing: 'Doing', done: 'Done' };

/** The Kanban columns: each status's tasks in urgency order (sub-tasks stay with their parent, not on the board). */
export function kanbanColumns(tasks: readonly Task[]): Record<TaskStatus, Task[]> {
  const top = tasks.filter((t) => t.parentId === null);
  const done = top.filter((t) => t.status === 'done' || t.completed);
  const open = top.filter((t) => !(t.status === 'done' || t.completed));
  return {
    todo: byUrgency(open.filter((t) => t.status === 'todo')),
    doing: byUrgency(open.filter((t) => t.status === 'doing')),
    // Newest completion first: the column shows what just finished.
    done: [...done].sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? '')),
  };
}

/** The column a card moves to with Shift+←/→, or null at the edge. */
export function neighbourStatus(status: TaskStatus, dir: -1 | 1): TaskStatus | null {
  return STATUSES[STATUSES.indexOf(status) + dir] ?? null;
}

/** Days on the Logbook, newest first: completions grouped by the local day they happened on. */
export function groupByDay<T extends { at: string }>(entries: readonly T[], dayOf: (iso: string) => string): { date: string; entries: T[] }[] {
  const out: { date: string; entries: T[] }[] = [];
  for (const e of [...entries].sort((a, b) => b.at.localeCompare(a.at))) {
    const date = dayOf(e.at);
    const last = out[out.length - 1];
    if (last && last.date === date) last.entries.push(e);
    else out.push({ date, entries: [e] });
  }
  return out;
}

/** The next key in `keys` from `current` (j/k), staying at the ends; the first key when nothing is selected. */
export function step(keys: readonly string[], current: string | null, dir: 1 | -1): string | null {
  if (keys.length === 0) return null;
  const at = current === null ? -1 : keys.indexOf(current);
  if (at < 0) return dir === 1 ? keys[0]! : keys[keys.length - 1]!;
  return keys[Math.min(keys.length - 1, Math.max(0, at + dir))]!;
}

/** "#finance, #home" → ['finance', 'home']: the editor's and filter bar's tag field. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[\s,]+/)
    .map((t) => t.replace(/^#/, '').trim())
    .filter(Boolean);
  return [...new Map(tags.map((t) => [t.toLowerCase(), t])).values()];
}

/** How many conditions a filter sets (the "Save filter" button appears once there is one). */
export function filterSize(f: TaskFilter): number {
  return [f.text?.trim(), f.priorities?.length, f.tags?.length, f.goalId, f.projectId, f.dueFrom, f.dueTo, f.status, f.includeCompleted].filter(Boolean).length;
}

/** A filter without empty fields (what is sent and saved). */
export function cleanFilter(f: TaskFilter): TaskFilter {
  const out: TaskFilter = {};
  if (f.text?.trim()) out.text = f.text.trim();
  if (f.priorities?.length) out.priorities = [...f.priorities].sort();
  if (f.tags?.length) out.tags = f.tags;
  if (f.goalId) out.goalId = f.goalId;
  if (f.projectId) out.projectId = f.projectId;
  if (f.dueFrom) out.dueFrom = f.dueFrom;
  if (f.dueTo) out.dueTo = f.dueTo;
  if (f.status) out.status = f.status;
  if (f.includeCompleted) out.includeCompleted = true;
  return out;
}

/** Same conditions (a saved filter is highlighted while it is the one in use). */
export const sameFilter = (a: TaskFilter, b: TaskFilter): boolean => JSON.stringify(cleanFilter(a)) === JSON.stringify(cleanFilter(b));

/** The keys of Upcoming rows: a repeating task is on several days, so its key carries the day. */
export const upcomingKey = (taskId: string, date: string): string => `${taskId}@${date}`;
/** A Logbook row: one completion of a task. */
export const logbookKey = (taskId: string, at: string): string => `${taskId}@${at}`;
