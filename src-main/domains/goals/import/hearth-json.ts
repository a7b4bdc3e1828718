import { z } from 'zod';
import { GOALS_LIMITS, LocalTime, Priority, ZoneId } from '../../../../src-shared/domains/goals/goals.schemas';
import { AppError } from '../../../../src-shared/ipc/result';
import { Id, IsoDate, IsoTimestamp, LIMITS } from '../../../../src-shared/lib/schema';

/**
 * Hearth's own goals JSON export (goals-export-tables.ts `goalsJson`, docs/formats.md#tasks-and-goals) read back.
 * Every record keeps its id and timestamps, so export → import into a fresh profile → export gives the same file
 * apart from `exportedAt`. Texts are not trimmed or rewritten here (that would break the round trip); they are capped
 * at the limits the ops use, so a hand-edited file cannot store what the app itself would refuse.
 */

/** Only this version exists; a newer file is refused rather than half read. */
export const HEARTH_GOALS_VERSION = 1;

const Title = z.string().min(1).max(GOALS_LIMITS.title);
const Note = z.string().max(LIMITS.note);
const Short = z.string().max(LIMITS.name);
const Num = z.number().finite();
const Rows = <T extends z.ZodTypeAny>(row: T) => z.array(row).max(GOALS_LIMITS.importRows).default([]);
const Stamps = { createdAt: IsoTimestamp, updatedAt: IsoTimestamp };

const PdpRow = z.object({
  id: Id,
  title: Title,
  vision: Note,
  periodStart: IsoDate.nullable(),
  periodEnd: IsoDate.nullable(),
  domains: z.array(z.string().max(LIMITS.name)).max(GOALS_LIMITS.domains),
  reflection: Note,
  ...Stamps,
});
const GoalRow = z.object({
  id: Id,
  pdpId: Id.nullable(),
  domain: Short,
  title: Title,
  why: Note,
  targetDate: IsoDate.nullable(),
  status: z.enum(['active', 'on_hold', 'completed', 'dropped']),
  sortOrder: Num,
  completedAt: IsoTimestamp.nullable(),
  ...Stamps,
});
const KeyResultRow = z.object({
  id: Id,
  goalId: Id,
  title: Title,
  kind: z.enum(['numeric', 'milestone']),
  startValue: Num,
  targetValue: Num,
  currentValue: Num,
  unit: Short,
  direction: z.enum(['increase', 'decrease']),
  dueDate: IsoDate.nullable(),
  doneAt: IsoTimestamp.nullable(),
  habitId: Id.nullable(),
  sortOrder: Num,
  ...Stamps,
});
const KeyResultLogRow = z.object({ id: Id, keyResultId: Id, at: IsoTimestamp, value: Num, note: Note });
const ProgressLogRow = z.object({ id: Id, goalId: Id, at: IsoTimestamp, progress: z.number().min(0).max(100), kind: z.enum(['auto', 'manual']), note: Note });
const EvidenceRow = z.object({
  id: Id,
  goalId: Id,
  kind: z.enum(['journal', 'file', 'note']),
  refId: z.string().max(200).nullable(),
  title: Title,
  ...Stamps,
});
const ProjectRow = z.object({ id: Id, name: Title, kind: z.enum(['area', 'project']), parentId: Id.nullable(), color: Short, sortOrder: Num, ...Stamps });
const TaskRow = z.object({
  id: Id,
  title: Title,
  notes: Note,
  goalId: Id.nullable(),
  projectId: Id.nullable(),
  parentId: Id.nullable(),
  priority: Priority,
  status: z.enum(['todo', 'doing', 'done']),
  dueDate: IsoDate.nullable(),
  dueTime: LocalTime.nullable(),
  zone: ZoneId,
  dueMs: z.number().int().nullable(),
  scheduledDate: IsoDate.nullable(),
  estimateMinutes: z.number().int().min(0).max(100_000).nullable(),
  tags: z.array(z.string().min(1).max(GOALS_LIMITS.tag)).max(GOALS_LIMITS.tags),
  rrule: z.string().min(1).max(GOALS_LIMITS.rrule).nullable(),
  repeatFrom: z.enum(['due', 'completion']),
  completedAt: IsoTimestamp.nullable(),
  sortOrder: Num,
  source: z.string().max(40).nullable(),
  sourceId: z.string().max(500).nullable(),
  ...Stamps,
});
const TaskHistoryRow = z.object({
  id: Id,
  taskId: Id,
  kind: z.enum(['completed', 'uncompleted']),
  at: IsoTimestamp,
  dueDate: IsoDate.nullable(),
  previousDueDate: IsoDate.nullable(),
  createdAt: IsoTimestamp,
});
const HabitRow = z.object({
  id: Id,
  title: Title,
  goalId: Id.nullable(),
  rrule: z.string().min(1).max(GOALS_LIMITS.rrule),
  period: z.enum(['day', 'week', 'month']),
  target: z.number().positive().max(1_000_000),
  unit: Short,
  startDate: IsoDate,
  color: Short,
  archivedAt: IsoTimestamp.nullable(),
  sortOrder: Num,
  ...Stamps,
});
const CheckinRow = z.object({ id: Id, habitId: Id, date: IsoDate, value: z.number().min(0).max(1_000_000), note: Note, ...Stamps });
const FilterRow = z.object({ id: Id, name: Title, filter: z.record(z.string(), z.unknown()), ...Stamps });

export const HearthGoalsFile = z.object({
  format: z.literal('hearth-goals'),
  version: z.literal(HEARTH_GOALS_VERSION),
  exportedAt: IsoTimestamp.optional(),
  pdps: Rows(PdpRow),
  goals: Rows(GoalRow),
  keyResults: Rows(KeyResultRow),
  keyResultLog: Rows(KeyResultLogRow),
  progressLog: Rows(ProgressLogRow),
  evidence: Rows(EvidenceRow),
  projects: Rows(ProjectRow),
  tasks: Rows(TaskRow),
  taskHistory: Rows(TaskHistoryRow),
  habits: Rows(HabitRow),
  checkins: Rows(CheckinRow),
  filters: Rows(FilterRow),
});
export type HearthGoalsFile = z.output<typeof HearthGoalsFile>;
export type HearthTable = Exclude<keyof HearthGoalsFile, 'format' | 'version' | 'exportedAt'>;

/** The file's tables in the order they are written (a record after every record it may point to), with their names. */
export const HEARTH_TABLES: readonly { key: HearthTable; kind: string }[] = [
  { key: 'pdps', kind: 'plans' },
  { key: 'goals', kind: 'goals' },
  { key: 'habits', kind: 'habits' },
  { key: 'keyResults', kind: 'key results' },
  { key: 'keyResultLog', kind: 'key-result log points' },
  { key: 'progressLog', kind: 'progress log entries' },
  { key: 'evidence', kind: 'evidence' },
  { key: 'projects', kind: 'projects' },
  { key: 'tasks', kind: 'tasks' },
  { key: 'taskHistory', kind: 'task history' },
  { key: 'checkins', kind: 'habit check-ins' },
  { key: 'filters', kind: 'saved filters' },
];

/** True for text that looks like a Hearth goals export (a JSON object naming the format in its first bytes). */
export function isHearthJson(text: string): boolean {
  const head = text.replace(/^\ufeff/, '').slice(0, 4096);
  return /^\s*\{/.test(head) && /"format"\s*:\s*"hearth-goals"/.test(head);
}

/** Parses and checks a Hearth goals JSON file. Throws INVALID_INPUT naming the first problem (its path in the file). */
export function parseHearthJson(text: string): HearthGoalsFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    throw new AppError('INVALID_INPUT', 'The file is not valid JSON (cut short or edited?): export it again from Hearth.');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== 'hearth-goals')
    throw new AppError('INVALID_INPUT', 'Not a Hearth goals export (its "format" is not "hearth-goals").');
  const version = (raw as { version?: unknown }).version;
  if (version !== HEARTH_GOALS_VERSION)
    throw new AppError(
      'INVALID_INPUT',
      `This Hearth goals export is version ${JSON.stringify(version)?.slice(0, 20) ?? 'missing'}; this Hearth reads version ${HEARTH_GOALS_VERSION}. Update Hearth to import it.`,
    );
  const parsed = HearthGoalsFile.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    throw new AppError('INVALID_INPUT', `The Hearth goals file is not valid at ${first?.path || 'its top level'}: ${first?.message ?? 'unreadable'}.`, {
      issues,
    });
  }
  return parsed.data;
}
