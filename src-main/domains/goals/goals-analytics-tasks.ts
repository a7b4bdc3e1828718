import { sql, type Kysely } from 'kysely';
import { priorityWeight } from '../../../src-shared/domains/goals/productivity';
import type { Database } from '../../db/database';
import { localDater } from './goals-analytics-dates';
import { localDay, type OffsetSpan } from './goals-analytics-sql';

/** Per local day of the range: what the dashboard charts and the score need from tasks. */
export interface TaskDays {
  completed: number[];
  created: number[];
  weighted: number[];
  withDue: number[];
  onTime: number[];
  /** +1 on the day a task becomes overdue, −1 on the day it is completed (prefix sums give overdue per day). */
  overdueDiff: number[];
  medianDays: number | null;
  totals: { open: number; overdue: number; openDue: number };
}

export interface TaskRange {
  from: string;
  to: string;
  today: string;
  /** The range's first and end instants (ISO): local midnight of `from` and of the day after `to`. */
  fromIso: string;
  endIso: string;
  spans: readonly OffsetSpan[];
  zone: string;
}

/** A repeating task's history row ('h') or its open occurrence ('o'). */
interface Row {
  k: string;
  d: string | null;
  p: number;
  a: number;
  x: string | null;
  y: string | null;
  z: string | null;
}

/** One live task as the pass needs it: local created and completed days ('0000-00-00' before the range, '9999-12-31' after). */
interface TaskRow {
  c: string;
  e: string | null;
  due: string | null;
  p: number;
  rep: number;
  /** Creation to completion in days, for a non-repeating task completed in the range. */
  days: number | null;
}

/**
 * Task facts by local day (docs/architecture.md#goals-analytics): one read of the live tasks that are open or were
 * completed since the range began, with their local days computed in SQL, then one pass in JS. A task that does not
 * repeat keeps its standing completion in `completed_at` (an undo clears it), so its completion, on-time share,
 * duration and overdue stretch need no history. Repeating tasks' occurrences live in `task_history`: their rows inside
 * the range (CROSS JOIN: from the few repeating tasks into the (task_id, at) index, not from every history row into
 * tasks) are walked in JS, with undo as a stack. Counting in JS beats several GROUP BY sorts over the same rows.
 */
export async function taskDays(db: Kysely<Database>, r: TaskRange, index: ReadonlyMap<string, number>): Promise<TaskDays> {
  const n = index.size;
  const zeros = () => new Array<number>(n).fill(0);
  const out: TaskDays = {
    ...{ completed: zeros(), created: zeros(), weighted: zeros(), withDue: zeros(), onTime: zeros(), overdueDiff: new Array<number>(n + 1).fill(0) },
    ...{ medianDays: null, totals: { open: 0, overdue: 0, openDue: 0 } },
  };
  const { from, to, fromIso, endIso, today } = r;
  const inRange = (col: string) => sql<string>`CASE WHEN ${sql.ref(col)} < ${fromIso} THEN '0000-00-00' WHEN ${sql.ref(col)} >= ${endIso}
    THEN '9999-12-31' ELSE ${localDay(col, r.spans)} END`;
  const tasks = await sql<TaskRow>`SELECT ${inRange('created_at')} AS c, CASE WHEN completed_at IS NULL THEN NULL ELSE ${inRange('completed_at')} END AS e,
      due_date AS due, priority AS p, rrule IS NOT NULL AS rep,
      CASE WHEN rrule IS NULL AND completed_at >= ${fromIso} AND completed_at < ${endIso} THEN julianday(completed_at) - julianday(created_at) END AS days
    FROM tasks WHERE deleted_at IS NULL AND (completed_at IS NULL OR completed_at >= ${fromIso})`.execute(db);
  const at = (d: string): number => (d > to ? n : index.get(d)!);
  const durations: number[] = [];
  for (const t of tasks.rows) {
    const ci = index.get(t.c);
    if (ci !== undefined) out.created[ci]!++;
    if (t.e === null) {
      out.totals.open++;
      if (t.due !== null && t.due < today) out.totals.overdue++;
      if (t.due !== null && t.due >= from && t.due <= to) out.totals.openDue++;
    }
    if (t.rep) continue;
    const ei = t.e === null ? undefined : index.get(t.e);
    if (ei !== undefined) {
      out.completed[ei]!++;
      out.weighted[ei]! += priorityWeight(t.p);
      if (t.due !== null) {
        out.withDue[ei]!++;
        if (t.e! <= t.due) out.onTime[ei]!++;
      }
      if (t.days !== null) durations.push(t.days);
    }
    // Overdue at the end of day D: due on or before D, created by D, not completed on or before D.
    if (t.due === null || t.due > to) continue;
    let s = t.due > t.c ? t.due : t.c;
    if (s < from) s = from;
    if (t.e !== null && t.e <= s) continue;
    out.overdueDiff[at(s)]!++;
    if (t.e !== null && t.e <= to) out.overdueDiff[at(t.e)]!--;
  }
  if (durations.length) {
    const sorted = Float64Array.from(durations).sort();
    const mid = sorted.length >> 1;
    out.medianDays = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }

  const rows = await sql<Row>`SELECT 'h' AS k, h.at AS d, t.priority AS p, h.kind = 'completed' AS a, h.task_id AS x, h.due_date AS y, t.created_at AS z
      FROM tasks t CROSS JOIN task_history h ON h.task_id = t.id AND h.at >= ${fromIso} AND h.at < ${endIso}
      WHERE t.deleted_at IS NULL AND t.rrule IS NOT NULL
    UNION ALL SELECT 'o', NULL, 0, 0, id, due_date, created_at FROM tasks
      WHERE deleted_at IS NULL AND rrule IS NOT NULL AND completed_at IS NULL AND due_date IS NOT NULL AND due_date <= ${to}`.execute(db);
  repeating(r, out, { history: rows.rows.filter((x) => x.k === 'h'), open: rows.rows.filter((x) => x.k === 'o'), index, at });
  return out;
}

/**
 * Repeating tasks: each standing completion counts on its day and ends its occurrence's overdue stretch, which began at
 * the previous completion (or the task's creation, or the range's start); the occurrence still open runs on.
 */
function repeating(
  r: TaskRange,
  out: TaskDays,
  rows: { history: Row[]; open: readonly Row[]; index: ReadonlyMap<string, number>; at: (d: string) => number },
): void {
  const { history, open, index, at } = rows;
  const day = localDater(r.zone);
  const since0 = (created: string): string => (created < r.fromIso ? r.from : day(created));
  const stretch = (due: string | null, since: string, until: string | null) => {
    if (due === null) return;
    let s = due > since ? due : since;
    if (s < r.from) s = r.from;
    if (s > r.to || (until !== null && until <= s)) return;
    out.overdueDiff[at(s)]!++;
    if (until !== null && until <= r.to) out.overdueDiff[at(until)]!--;
  };
  history.sort((a, b) => (a.x! < b.x! ? -1 : a.x! > b.x! ? 1 : a.d! < b.d! ? -1 : a.d! > b.d! ? 1 : 0));
  const lastDay = new Map<string, string>();
  for (let i = 0; i < history.length;) {
    const task = history[i]!.x!;
    const standing: Row[] = [];
    let created = '';
    for (; i < history.length && history[i]!.x === task; i++) {
      const h = history[i]!;
      created = h.z!;
      if (h.a) standing.push(h);
      else standing.pop(); // an undo of a completion before the range has nothing to take out here
    }
    let since = since0(created);
    for (const c of standing) {
      const d = day(c.d!);
      const idx = index.get(d);
      if (idx !== undefined) {
        out.completed[idx]!++;
        out.weighted[idx]! += priorityWeight(c.p);
        if (c.y !== null) {
          out.withDue[idx]!++;
          if (d <= c.y) out.onTime[idx]!++;
        }
      }
      stretch(c.y, since, d);
      since = d;
    }
    if (standing.length) lastDay.set(task, since);
  }
  for (const t of open) stretch(t.y, lastDay.get(t.x!) ?? since0(t.z!), null);
}
