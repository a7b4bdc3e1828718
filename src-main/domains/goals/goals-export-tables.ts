import { formatCsv, type CsvValue } from '../../../src-shared/lib/csv';
import { jsonList, type GoalsData } from './goals-export-data';

/**
 * The CSV and JSON layouts of the goals export (docs/formats.md#tasks-and-goals). CSV: RFC 4180 via the one writer,
 * formula cells escaped with a leading apostrophe, a BOM so spreadsheets read accents. JSON: every table, versioned.
 */

export type CsvKind = 'tasks-csv' | 'goals-csv' | 'key-results-csv' | 'habits-csv' | 'checkins-csv';

const camel = (k: string): string => k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
/** A row with camelCase keys, JSON text columns parsed, internal columns (FTS doc, deleted_at) left out. */
function plain(row: object, json: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'doc' || k === 'deleted_at') continue;
    out[camel(k)] = json.includes(k) && typeof v === 'string' ? (k === 'filter' ? safeJson(v) : jsonList(v)) : v;
  }
  return out;
}
const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

export function goalsJson(d: GoalsData, exportedAt: string): { text: string; rows: number } {
  const doc = {
    format: 'hearth-goals',
    version: 1,
    exportedAt,
    pdps: d.pdps.map((r) => plain(r, ['domains'])),
    goals: d.goals.map((r) => plain(r)),
    keyResults: d.keyResults.map((r) => plain(r)),
    keyResultLog: d.keyResultLog.map((r) => plain(r)),
    progressLog: d.progressLog.map((r) => plain(r)),
    evidence: d.evidence.map((r) => plain(r)),
    projects: d.projects.map((r) => plain(r)),
    tasks: d.tasks.map((r) => plain(r, ['tags'])),
    taskHistory: d.taskHistory.map((r) => plain(r)),
    habits: d.habits.map((r) => plain(r)),
    checkins: d.checkins.map((r) => plain(r)),
    filters: d.filters.map((r) => plain(r, ['filter'])),
  };
  const rows = Object.values(doc).reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
  return { text: `${JSON.stringify(doc, null, 2)}\n`, rows };
}

export function goalsCsv(kind: CsvKind, d: GoalsData): { text: string; rows: number } {
  const goalTitle = new Map(d.goals.map((g) => [g.id, g.title]));
  const records: CsvValue[][] = [];
  switch (kind) {
    case 'tasks-csv': {
      const project = new Map(d.projects.map((p) => [p.id, p.name]));
      records.push(['id', 'title', 'notes', 'status', 'priority', 'due_date', 'due_time', 'zone', 'scheduled_date', 'estimate_minutes', 'tags', 'rrule']);
      records[0]!.push('repeat_from', 'completed_at', 'goal', 'project', 'parent_id', 'source', 'created_at', 'updated_at');
      for (const t of d.tasks) {
        records.push([
          t.id,
          t.title,
          t.notes,
          t.status,
          t.priority,
          t.due_date,
          t.due_time,
          t.zone,
          t.scheduled_date,
          t.estimate_minutes,
          jsonList(t.tags).join(', '),
        ]);
        records[records.length - 1]!.push(
          t.rrule,
          t.repeat_from,
          t.completed_at,
          t.goal_id ? goalTitle.get(t.goal_id) : '',
          t.project_id ? project.get(t.project_id) : '',
        );
        records[records.length - 1]!.push(t.parent_id, t.source, t.created_at, t.updated_at);
      }
      break;
    }
    case 'goals-csv': {
      const plan = new Map(d.pdps.map((p) => [p.id, p.title]));
      records.push(['id', 'plan', 'domain', 'title', 'why', 'target_date', 'status', 'completed_at', 'created_at']);
      for (const g of d.goals)
        records.push([g.id, g.pdp_id ? plan.get(g.pdp_id) : '', g.domain, g.title, g.why, g.target_date, g.status, g.completed_at, g.created_at]);
      break;
    }
    case 'key-results-csv':
      records.push(['id', 'goal_id', 'goal', 'title', 'kind', 'start_value', 'target_value', 'current_value', 'unit', 'direction', 'due_date', 'done_at']);
      for (const k of d.keyResults) {
        records.push([
          k.id,
          k.goal_id,
          goalTitle.get(k.goal_id),
          k.title,
          k.kind,
          k.start_value,
          k.target_value,
          k.current_value,
          k.unit,
          k.direction,
          k.due_date,
          k.done_at,
        ]);
      }
      break;
    case 'habits-csv':
      records.push(['id', 'title', 'goal', 'rrule', 'period', 'target', 'unit', 'start_date', 'archived_at', 'created_at']);
      for (const h of d.habits) {
        records.push([
          h.id,
          h.title,
          h.goal_id ? goalTitle.get(h.goal_id) : '',
          h.rrule,
          h.period,
          h.target,
          h.unit,
          h.start_date,
          h.archived_at,
          h.created_at,
        ]);
      }
      break;
    case 'checkins-csv': {
      const habit = new Map(d.habits.map((h) => [h.id, h.title]));
      records.push(['habit_id', 'habit', 'date', 'value', 'note']);
      for (const c of d.checkins) records.push([c.habit_id, habit.get(c.habit_id), c.date, c.value, c.note]);
      break;
    }
  }
  return { text: formatCsv(records, { bom: true }), rows: records.length - 1 };
}
