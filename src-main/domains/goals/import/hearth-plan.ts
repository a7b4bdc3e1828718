import type { Kysely } from 'kysely';
import { assertTaskRule } from '../../../../src-shared/domains/goals/task-repeat';
import { isValidTimeZone } from '../../../../src-shared/lib/local-date';
import type { Database } from '../../../db/database';
import { assertHabitRule } from '../goals-habit-rules';
import { HEARTH_TABLES, type HearthGoalsFile, type HearthTable } from './hearth-json';
import { warn, type ParsedImport } from './types';

/**
 * What importing a Hearth goals JSON file would write, worked out against the profile as it is now (the preview reads
 * it outside a transaction; the commit works it out again inside its own). A record whose id is already in the profile
 * is a duplicate and left alone. A reference to a record neither in the file nor in the profile is cleared with a
 * warning (a task's goal, a habit's goal, a project's parent…); a record that cannot exist without it (a key result
 * without its goal, a check-in without its habit) is skipped with a reason. Nothing ever reaches a foreign-key failure.
 */

export const SQL_TABLE = {
  pdps: 'pdps',
  goals: 'goals',
  habits: 'habits',
  keyResults: 'key_results',
  keyResultLog: 'key_result_log',
  progressLog: 'goal_progress_log',
  evidence: 'goal_evidence',
  projects: 'task_projects',
  tasks: 'tasks',
  taskHistory: 'task_history',
  checkins: 'habit_checkins',
  filters: 'task_filters',
} as const satisfies Record<HearthTable, keyof Database>;

/** field, the table it points into, and whether a dangling one is cleared or drops its record. */
type Ref = readonly [field: string, target: HearthTable, onMissing: 'clear' | 'skip'];
const REFS: Partial<Record<HearthTable, readonly Ref[]>> = {
  goals: [['pdpId', 'pdps', 'clear']],
  habits: [['goalId', 'goals', 'clear']],
  keyResults: [
    ['goalId', 'goals', 'skip'],
    ['habitId', 'habits', 'clear'],
  ],
  keyResultLog: [['keyResultId', 'keyResults', 'skip']],
  progressLog: [['goalId', 'goals', 'skip']],
  evidence: [['goalId', 'goals', 'skip']],
  projects: [['parentId', 'projects', 'clear']],
  tasks: [
    ['goalId', 'goals', 'clear'],
    ['projectId', 'projects', 'clear'],
    ['parentId', 'tasks', 'clear'],
  ],
  taskHistory: [['taskId', 'tasks', 'skip']],
  checkins: [['habitId', 'habits', 'skip']],
};

type Rec = Record<string, unknown> & { id: string };

export interface HearthPlan {
  /** Records to insert per table, camelCase as in the file, references already fixed, parents before children. */
  insert: Map<HearthTable, Rec[]>;
  duplicates: number;
  /** Shares the task importers' warning and skip helpers (capped warnings, reason → count). */
  report: Pick<ParsedImport, 'skipped' | 'warnings'>;
}

/** Ids of `table` among `ids` already in the profile (live or deleted: either way the id is taken). */
async function existingIds(db: Kysely<Database>, table: keyof Database, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    // Every goals table has a text `id` primary key; the table name is one of SQL_TABLE's, never the file's.
    const rows = await db
      .selectFrom(table as 'tasks')
      .select('id')
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

const label = (r: Rec): string => String(r.title ?? r.name ?? r.id).slice(0, 60);

/** Parents before children; a parent chain that loops is cut (that record becomes top-level). */
function parentsFirst(rows: Rec[], report: HearthPlan['report']): Rec[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const depth = new Map<Rec, number>();
  for (const r of rows) {
    const seen = new Set([r]);
    let d = 0;
    let at = typeof r.parentId === 'string' ? byId.get(r.parentId) : undefined;
    while (at && !seen.has(at)) {
      seen.add(at);
      d++;
      at = typeof at.parentId === 'string' ? byId.get(at.parentId) : undefined;
    }
    if (at) {
      warn(report, `"${label(r)}": its parents form a loop; it was imported without a parent.`);
      r.parentId = null;
      d = 0;
    }
    depth.set(r, d);
  }
  return [...rows].sort((a, b) => depth.get(a)! - depth.get(b)!);
}

/** A task rule or zone the app would refuse is dropped with a warning; a habit without a usable rule is skipped. */
function checkRecord(key: HearthTable, r: Rec, zone: string, today: string, report: HearthPlan['report']): boolean {
  if (key === 'tasks') {
    if (!isValidTimeZone(String(r.zone))) {
      warn(report, `"${label(r)}": the time zone ${String(r.zone).slice(0, 60)} is unknown here; ${zone} is used.`);
      r.zone = zone;
    }
    if (typeof r.rrule === 'string') {
      try {
        assertTaskRule(r.rrule, typeof r.dueDate === 'string' ? r.dueDate : today);
      } catch (e) {
        warn(report, `"${label(r)}": the repeat rule was dropped (${e instanceof Error ? e.message : 'not usable'}).`);
        r.rrule = null;
      }
    }
  }
  if (key === 'habits') {
    try {
      assertHabitRule(String(r.rrule), String(r.startDate));
    } catch (e) {
      warn(report, `Habit "${label(r)}" was skipped: its rule is not usable (${e instanceof Error ? e.message : 'invalid'}).`);
      return false;
    }
  }
  return true;
}

export async function planHearthImport(db: Kysely<Database>, file: HearthGoalsFile, zone: string, today: string): Promise<HearthPlan> {
  const plan: HearthPlan = { insert: new Map(), duplicates: 0, report: { skipped: new Map(), warnings: [] } };
  const skip = (reason: string): void => void plan.report.skipped.set(reason, (plan.report.skipped.get(reason) ?? 0) + 1);
  /** Per table: ids a reference may point to (accepted from the file, or found in the profile). */
  const known = new Map<HearthTable, Set<string>>();
  for (const { key, kind } of HEARTH_TABLES) {
    // A deep copy: reference fixes must not change the parsed file a second commit attempt would read.
    const list = structuredClone(file[key]) as Rec[];
    const taken = await existingIds(
      db,
      SQL_TABLE[key],
      list.map((r) => r.id),
    );
    const seen = new Set<string>();
    let rows: Rec[] = [];
    for (const r of list) {
      if (taken.has(r.id) || seen.has(r.id)) {
        plan.duplicates++;
        continue;
      }
      seen.add(r.id);
      rows.push(r);
    }
    known.set(key, new Set([...seen, ...taken]));
    for (const [field, target, onMissing] of REFS[key] ?? []) {
      const pool = known.get(target) ?? new Set<string>();
      const outside = rows.map((r) => r[field]).filter((v): v is string => typeof v === 'string' && !pool.has(v));
      for (const id of await existingIds(db, SQL_TABLE[target], outside)) pool.add(id);
      known.set(target, pool);
      rows = rows.filter((r) => {
        const ref = r[field];
        if (typeof ref !== 'string' || pool.has(ref)) return true;
        if (onMissing === 'skip') {
          skip(`${kind} whose ${field.replace(/Id$/, '')} is not in the file or this profile`);
          known.get(key)!.delete(r.id);
          return false;
        }
        warn(plan.report, `${kind} "${label(r)}": its ${field.replace(/Id$/, '')} ${ref} is not in the file or this profile; the link was cleared.`);
        r[field] = null;
        return true;
      });
    }
    rows = rows.filter((r) => checkRecord(key, r, zone, today, plan.report) || (known.get(key)!.delete(r.id), skip(`${kind} with an unusable rule`), false));
    if (key === 'checkins') rows = await freeDays(db, rows, plan);
    plan.insert.set(key, key === 'tasks' || key === 'projects' ? parentsFirst(rows, plan.report) : rows);
  }
  return plan;
}

/** A habit has one check-in a day: one already there for that day (under another id) makes the file's a duplicate. */
async function freeDays(db: Kysely<Database>, rows: Rec[], plan: HearthPlan): Promise<Rec[]> {
  const habits = [...new Set(rows.map((r) => String(r.habitId)))];
  const days = new Set<string>();
  for (let i = 0; i < habits.length; i += 500) {
    const found = await db
      .selectFrom('habit_checkins')
      .select(['habit_id', 'date'])
      .where('habit_id', 'in', habits.slice(i, i + 500))
      .execute();
    for (const f of found) days.add(`${f.habit_id} ${f.date}`);
  }
  return rows.filter((r) => {
    const k = `${String(r.habitId)} ${String(r.date)}`;
    if (!days.has(k)) return (days.add(k), true);
    plan.duplicates++;
    return false;
  });
}
