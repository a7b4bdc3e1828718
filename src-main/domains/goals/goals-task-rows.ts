import { sql, type Kysely } from 'kysely';
import type { Task } from '../../../src-shared/domains/goals/goals.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { addDays, isValidTimeZone } from '../../../src-shared/lib/local-date';
import { ianaZones } from '../../../src-shared/lib/recurrence';
import type { Database } from '../../db/database';
import type { TaskTable } from './goals.table';

/** Task rows → contract shapes, and the small rules every task write shares (due instant, tags, zone). */

export type SubtaskCounts = Map<string, { open: number; done: number }>;

const parseTags = (text: string): string[] => {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
};
export const tagsOf = (row: Pick<TaskTable, 'tags'>): string[] => parseTags(row.tags);

export function toTask(row: TaskTable, counts: SubtaskCounts): Task {
  return {
    id: row.id,
    title: row.title,
    notes: row.notes,
    goalId: row.goal_id,
    projectId: row.project_id,
    parentId: row.parent_id,
    priority: row.priority,
    status: row.status,
    dueDate: row.due_date,
    dueTime: row.due_time,
    zone: row.zone,
    dueAt: row.due_ms === null ? null : new Date(row.due_ms).toISOString(),
    scheduledDate: row.scheduled_date,
    estimateMinutes: row.estimate_minutes,
    tags: tagsOf(row),
    rrule: row.rrule,
    repeatFrom: row.repeat_from,
    completed: row.completed_at !== null,
    completedAt: row.completed_at,
    subtasks: counts.get(row.id) ?? { open: 0, done: 0 },
    source: row.source,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The due moment in UTC: the wall time in the task's zone, or for a date without a time the end of that day (the
 * last millisecond before the next day starts, so "due today" is not overdue until the day is over).
 */
export function dueMsOf(date: string | null, time: string | null, zone: string): number | null {
  if (date === null) return null;
  if (time !== null) return ianaZones.toUtc(`${date}T${time}:00`, zone);
  return ianaZones.toUtc(`${addDays(date, 1)}T00:00:00`, zone) - 1;
}

/** Tags as written, trimmed, each kept once (the first spelling wins; "Work" and "work" are one tag). */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#/, '');
    const key = tag.toLocaleLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

export function checkZone(zone: string): string {
  if (!isValidTimeZone(zone))
    throw new AppError('INVALID_INPUT', `Unknown time zone "${zone.slice(0, 64)}".`, { issues: [{ path: 'zone', message: 'Unknown time zone' }] });
  return zone;
}

/**
 * Open and done sub-task counts of `ids`: one grouped query over the parent index, the ids passed as one JSON array
 * (a Today list can hold thousands of tasks; one statement beats many chunks of bound parameters).
 */
export async function subtaskCounts(db: Kysely<Database>, ids: readonly string[]): Promise<SubtaskCounts> {
  const out: SubtaskCounts = new Map();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('tasks')
    .select((eb) => [
      'parent_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn.count<number>('completed_at').as('done'), // count(col) skips NULLs: the completed ones
    ])
    .where('parent_id', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`)
    .where('deleted_at', 'is', null)
    .groupBy('parent_id')
    .execute();
  for (const r of rows) if (r.parent_id !== null) out.set(r.parent_id, { open: Number(r.n) - Number(r.done), done: Number(r.done) });
  return out;
}

/** Rows → tasks with their sub-task counts. */
export async function toTasks(db: Kysely<Database>, rows: readonly TaskTable[]): Promise<Task[]> {
  if (rows.length === 0) return [];
  const counts = await subtaskCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toTask(r, counts));
}

/** A live (not deleted) task row, or NOT_FOUND. */
export async function liveTask(db: Kysely<Database>, id: string): Promise<TaskTable> {
  const row = await db.selectFrom('tasks').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No task with id ${id}.`);
  return row;
}

/** Open first, then by priority (1 first), then by due moment (no due date last), then by manual order. */
export function byUrgency(a: TaskTable, b: TaskTable): number {
  return a.priority - b.priority || (a.due_ms ?? Infinity) - (b.due_ms ?? Infinity) || a.sort_order - b.sort_order || (a.id < b.id ? -1 : 1);
}
