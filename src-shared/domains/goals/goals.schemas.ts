import { z } from 'zod';
import { Id, IsoDate, IsoTimestamp, LIMITS, nonEmptyText, text } from '../../lib/schema';

/** Goals limits: texts are capped like elsewhere. */
export const GOALS_LIMITS = {
  title: 500,
  notes: LIMITS.note,
  tags: 30,
  tag: 60,
  domains: 20,
  rrule: 1000,
  query: 500,
  list: 5000,
  importRows: 100_000,
} as const;

/** A wall time of day, 'HH:MM' (24 h). */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected HH:MM');
/** An IANA zone id (checked against Intl in main). */
export const ZoneId = z.string().min(1).max(100);
export const Priority = z.number().int().min(1).max(5);
export const GoalStatus = z.enum(['active', 'on_hold', 'completed', 'dropped']);
export type GoalStatus = z.infer<typeof GoalStatus>;
export const TaskStatus = z.enum(['todo', 'doing', 'done']);
export type TaskStatus = z.infer<typeof TaskStatus>;
export const RepeatFrom = z.enum(['due', 'completion']);
export const Tags = z.array(nonEmptyText(GOALS_LIMITS.tag)).max(GOALS_LIMITS.tags);
/** An RRULE value without the 'RRULE:' prefix, read by the shared recurrence engine (src-shared/lib/recurrence). */
export const RruleText = z.string().trim().min(1).max(GOALS_LIMITS.rrule);

// ---------------------------------------------------------------- personal development plans

export const Pdp = z.object({
  id: Id,
  title: z.string(),
  vision: z.string(),
  periodStart: IsoDate.nullable(),
  periodEnd: IsoDate.nullable(),
  domains: z.array(z.string()),
  reflection: z.string(),
  goalCount: z.number().int(),
  /** Mean progress of its active and completed goals, 0..100. */
  progress: z.number(),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
});
export type Pdp = z.output<typeof Pdp>;
export const PdpInput = z.strictObject({
  title: nonEmptyText(GOALS_LIMITS.title),
  vision: text(LIMITS.note).default(''),
  periodStart: IsoDate.nullable().default(null),
  periodEnd: IsoDate.nullable().default(null),
  domains: z.array(nonEmptyText(LIMITS.name)).max(GOALS_LIMITS.domains).default([]),
  reflection: text(LIMITS.note).default(''),
});
export const UpdatePdpInput = z.strictObject({
  id: Id,
  title: nonEmptyText(GOALS_LIMITS.title).optional(),
  vision: text(LIMITS.note).optional(),
  periodStart: IsoDate.nullable().optional(),
  periodEnd: IsoDate.nullable().optional(),
  domains: z.array(nonEmptyText(LIMITS.name)).max(GOALS_LIMITS.domains).optional(),
  reflection: text(LIMITS.note).optional(),
});

// ---------------------------------------------------------------- goals and key results

export const KeyResultKind = z.enum(['numeric', 'milestone']);
export const Direction = z.enum(['increase', 'decrease']);

export const KeyResultPoint = z.object({ at: IsoTimestamp, value: z.number(), note: z.string() });
export const KeyResult = z.object({
  id: Id,
  goalId: Id,
  title: z.string(),
  kind: KeyResultKind,
  startValue: z.number(),
  targetValue: z.number(),
  currentValue: z.number(),
  unit: z.string(),
  direction: Direction,
  /** A milestone's date (shown on the calendar). */
  dueDate: IsoDate.nullable(),
  doneAt: IsoTimestamp.nullable(),
  /** A habit whose check-ins count toward it. */
  habitId: Id.nullable(),
  /** 0..100. */
  progress: z.number(),
  /** Every value it had, oldest first (the sparkline). */
  history: z.array(KeyResultPoint),
});
export type KeyResult = z.output<typeof KeyResult>;
export const KeyResultInput = z.strictObject({
  goalId: Id,
  title: nonEmptyText(GOALS_LIMITS.title),
  kind: KeyResultKind.default('numeric'),
  startValue: z.number().finite().default(0),
  targetValue: z.number().finite().default(1),
  currentValue: z.number().finite().optional(),
  unit: text(40).default(''),
  direction: Direction.default('increase'),
  dueDate: IsoDate.nullable().default(null),
  habitId: Id.nullable().default(null),
});
export const UpdateKeyResultInput = z.strictObject({
  id: Id,
  title: nonEmptyText(GOALS_LIMITS.title).optional(),
  startValue: z.number().finite().optional(),
  targetValue: z.number().finite().optional(),
  /** A new value: kept in the key result's history with the note. */
  currentValue: z.number().finite().optional(),
  /** A milestone reached (true) or reopened (false). */
  done: z.boolean().optional(),
  note: text(2000).default(''),
  unit: text(40).optional(),
  direction: Direction.optional(),
  dueDate: IsoDate.nullable().optional(),
  habitId: Id.nullable().optional(),
});

export const ProgressLogEntry = z.object({ id: Id, at: IsoTimestamp, progress: z.number(), kind: z.enum(['auto', 'manual']), note: z.string() });
export const Evidence = z.object({
  id: Id,
  kind: z.enum(['journal', 'file', 'note']),
  refId: z.string().nullable(),
  title: z.string(),
  createdAt: IsoTimestamp,
});

/** How a goal's progress was computed: shown to the user next to the number. */
export const ProgressBreakdown = z.object({
  progress: z.number(),
  /** One line a person can read: "mean of 2 key results (40 %, 80 %) and one-off tasks (3 of 4 done, 75 %) = 65 %". */
  formula: z.string(),
  parts: z.array(z.object({ label: z.string(), progress: z.number() })),
});

export const Goal = z.object({
  id: Id,
  pdpId: Id.nullable(),
  domain: z.string(),
  title: z.string(),
  why: z.string(),
  targetDate: IsoDate.nullable(),
  status: GoalStatus,
  progress: z.number(),
  keyResultCount: z.number().int(),
  openTasks: z.number().int(),
  doneTasks: z.number().int(),
  completedAt: IsoTimestamp.nullable(),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
});
export type Goal = z.output<typeof Goal>;
export const GoalDetail = Goal.extend({
  breakdown: ProgressBreakdown,
  keyResults: z.array(KeyResult),
  progressLog: z.array(ProgressLogEntry),
  evidence: z.array(Evidence),
});
export type GoalDetail = z.output<typeof GoalDetail>;
export const GoalInput = z.strictObject({
  pdpId: Id.nullable().default(null),
  domain: text(LIMITS.name).default(''),
  title: nonEmptyText(GOALS_LIMITS.title),
  why: text(LIMITS.note).default(''),
  targetDate: IsoDate.nullable().default(null),
  status: GoalStatus.default('active'),
});
export const UpdateGoalInput = z.strictObject({
  id: Id,
  pdpId: Id.nullable().optional(),
  domain: text(LIMITS.name).optional(),
  title: nonEmptyText(GOALS_LIMITS.title).optional(),
  why: text(LIMITS.note).optional(),
  targetDate: IsoDate.nullable().optional(),
  status: GoalStatus.optional(),
});
export const ListGoalsInput = z.strictObject({ pdpId: Id.optional(), status: GoalStatus.optional(), domain: text(LIMITS.name).optional() });
export const LogProgressInput = z.strictObject({
  goalId: Id,
  /** 0..100, or absent for a note at the computed progress. */
  progress: z.number().min(0).max(100).optional(),
  note: text(2000).default(''),
});
export const EvidenceInput = z.strictObject({
  goalId: Id,
  kind: z.enum(['journal', 'file', 'note']),
  refId: text(100).nullable().default(null),
  title: nonEmptyText(GOALS_LIMITS.title),
});

// ---------------------------------------------------------------- tasks

export const Project = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(['area', 'project']),
  parentId: Id.nullable(),
  color: z.string(),
  openTasks: z.number().int(),
});
export type Project = z.output<typeof Project>;
export const ProjectInput = z.strictObject({
  name: nonEmptyText(LIMITS.name),
  kind: z.enum(['area', 'project']).default('project'),
  parentId: Id.nullable().default(null),
  color: text(20).default('slate'),
});
export const UpdateProjectInput = z.strictObject({
  id: Id,
  name: nonEmptyText(LIMITS.name).optional(),
  color: text(20).optional(),
  parentId: Id.nullable().optional(),
});

export const Task = z.object({
  id: Id,
  title: z.string(),
  notes: z.string(),
  goalId: Id.nullable(),
  projectId: Id.nullable(),
  parentId: Id.nullable(),
  priority: Priority,
  status: TaskStatus,
  dueDate: IsoDate.nullable(),
  dueTime: LocalTime.nullable(),
  zone: z.string(),
  /** The due moment in UTC (a date without a time: the end of that day in the task's zone). */
  dueAt: IsoTimestamp.nullable(),
  scheduledDate: IsoDate.nullable(),
  estimateMinutes: z.number().int().nullable(),
  tags: z.array(z.string()),
  rrule: z.string().nullable(),
  repeatFrom: RepeatFrom,
  completed: z.boolean(),
  completedAt: IsoTimestamp.nullable(),
  /** Open and done sub-tasks. */
  subtasks: z.object({ open: z.number().int(), done: z.number().int() }),
  source: z.string().nullable(),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
});
export type Task = z.output<typeof Task>;
export const TaskHistoryEntry = z.object({
  id: Id,
  kind: z.enum(['completed', 'uncompleted']),
  at: IsoTimestamp,
  dueDate: IsoDate.nullable(),
});
export const TaskDetail = Task.extend({ children: z.array(Task), history: z.array(TaskHistoryEntry) });
export type TaskDetail = z.output<typeof TaskDetail>;

export const TaskInput = z.strictObject({
  title: nonEmptyText(GOALS_LIMITS.title),
  notes: text(GOALS_LIMITS.notes).default(''),
  goalId: Id.nullable().default(null),
  projectId: Id.nullable().default(null),
  parentId: Id.nullable().default(null),
  priority: Priority.default(4),
  status: TaskStatus.default('todo'),
  dueDate: IsoDate.nullable().default(null),
  dueTime: LocalTime.nullable().default(null),
  /** The zone the dates are in; absent: the system zone. */
  zone: ZoneId.optional(),
  scheduledDate: IsoDate.nullable().default(null),
  estimateMinutes: z.number().int().min(0).max(100_000).nullable().default(null),
  tags: Tags.default([]),
  rrule: RruleText.nullable().default(null),
  repeatFrom: RepeatFrom.default('due'),
});
export type TaskInput = z.input<typeof TaskInput>;
export const UpdateTaskInput = z.strictObject({
  id: Id,
  title: nonEmptyText(GOALS_LIMITS.title).optional(),
  notes: text(GOALS_LIMITS.notes).optional(),
  goalId: Id.nullable().optional(),
  projectId: Id.nullable().optional(),
  parentId: Id.nullable().optional(),
  priority: Priority.optional(),
  /** 'done' completes the task (as completeTask does); leaving 'done' uncompletes it. */
  status: TaskStatus.optional(),
  dueDate: IsoDate.nullable().optional(),
  dueTime: LocalTime.nullable().optional(),
  zone: ZoneId.optional(),
  scheduledDate: IsoDate.nullable().optional(),
  estimateMinutes: z.number().int().min(0).max(100_000).nullable().optional(),
  tags: Tags.optional(),
  rrule: RruleText.nullable().optional(),
  repeatFrom: RepeatFrom.optional(),
  sortOrder: z.number().finite().optional(),
});

/** The task list's filter; a saved filter keeps one of these. */
export const TaskFilter = z.strictObject({
  /** Text matched in title and notes (FTS5, prefix). */
  text: text(GOALS_LIMITS.query).optional(),
  priorities: z.array(Priority).max(5).optional(),
  tags: z.array(text(GOALS_LIMITS.tag)).max(GOALS_LIMITS.tags).optional(),
  goalId: Id.optional(),
  projectId: Id.optional(),
  dueFrom: IsoDate.optional(),
  dueTo: IsoDate.optional(),
  status: TaskStatus.optional(),
  /** Completed tasks too (default: open only). */
  includeCompleted: z.boolean().optional(),
});
export type TaskFilter = z.output<typeof TaskFilter>;
export const ListTasksInput = z.strictObject({
  filter: TaskFilter.default({}),
  limit: z.number().int().min(1).max(GOALS_LIMITS.list).default(500),
});

/** The next days, a repeating task once on each day it falls on. */
export const UpcomingInput = z.strictObject({ from: IsoDate.optional(), days: z.number().int().min(1).max(62).default(7) });
export const UpcomingDay = z.object({ date: IsoDate, tasks: z.array(Task.extend({ instanceDate: IsoDate, repeatInstance: z.boolean() })) });
export const UpcomingView = z.object({ from: IsoDate, days: z.array(UpcomingDay) });

export const LogbookInput = z.strictObject({ before: IsoTimestamp.optional(), limit: z.number().int().min(1).max(1000).default(200) });
export const LogbookEntry = z.object({
  taskId: Id,
  title: z.string(),
  goalId: Id.nullable(),
  at: IsoTimestamp,
  dueDate: IsoDate.nullable(),
  repeating: z.boolean(),
});

export const CompleteTaskInput = z.strictObject({ id: Id });
export const CompleteTaskResult = z.object({ task: Task, history: TaskHistoryEntry, nextDueDate: IsoDate.nullable() });

export const SavedFilter = z.object({ id: Id, name: z.string(), filter: TaskFilter, createdAt: IsoTimestamp });
export const SavedFilterInput = z.strictObject({ name: nonEmptyText(LIMITS.name), filter: TaskFilter });

// ---------------------------------------------------------------- habits

export const HabitPeriod = z.enum(['day', 'week', 'month']);
export const Habit = z.object({
  id: Id,
  title: z.string(),
  goalId: Id.nullable(),
  rrule: z.string(),
  period: HabitPeriod,
  target: z.number(),
  unit: z.string(),
  startDate: IsoDate,
  color: z.string(),
  archived: z.boolean(),
  /** Periods in a row that met the target, counting the current one only once it is met. */
  currentStreak: z.number().int(),
  bestStreak: z.number().int(),
  /** The total of the current period (today, this week, this month) and whether today is a day it is due. */
  periodValue: z.number(),
  dueToday: z.boolean(),
  todayValue: z.number(),
});
export type Habit = z.output<typeof Habit>;
export const HabitInput = z.strictObject({
  title: nonEmptyText(GOALS_LIMITS.title),
  goalId: Id.nullable().default(null),
  /** Which days it is due; default every day. */
  rrule: RruleText.default('FREQ=DAILY'),
  period: HabitPeriod.default('day'),
  target: z.number().positive().max(1_000_000).default(1),
  unit: text(40).default(''),
  startDate: IsoDate.optional(),
  color: text(20).default('green'),
});
export const UpdateHabitInput = z.strictObject({
  id: Id,
  title: nonEmptyText(GOALS_LIMITS.title).optional(),
  goalId: Id.nullable().optional(),
  rrule: RruleText.optional(),
  period: HabitPeriod.optional(),
  target: z.number().positive().max(1_000_000).optional(),
  unit: text(40).optional(),
  color: text(20).optional(),
  archived: z.boolean().optional(),
});
export const CheckInInput = z.strictObject({
  habitId: Id,
  /** Absent: today in the system zone. */
  date: IsoDate.optional(),
  /** The amount for that day (times or pages); 0 removes the check-in. Absent: one more than the day had. */
  value: z.number().min(0).max(1_000_000).optional(),
  note: text(2000).default(''),
});
export const HabitHistoryInput = z.strictObject({ habitId: Id, from: IsoDate, to: IsoDate });
export const HabitHistory = z.object({ habitId: Id, days: z.array(z.object({ date: IsoDate, value: z.number(), due: z.boolean() })) });

/** Today: what is due or overdue, scheduled for today, and the habits to check. */
export const TodayInput = z.strictObject({ date: IsoDate.optional() });
export const TodayView = z.object({
  date: IsoDate,
  overdue: z.array(Task),
  due: z.array(Task),
  scheduled: z.array(Task),
  habits: z.array(Habit),
});
export type TodayView = z.output<typeof TodayView>;

// ---------------------------------------------------------------- analytics, review, calendar overlay

export const DashboardInput = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional(), bucket: z.enum(['day', 'week', 'month']).default('day') });
export const SeriesPoint = z.object({ date: IsoDate, value: z.number() });
export const Dashboard = z.object({
  from: IsoDate,
  to: IsoDate,
  bucket: z.enum(['day', 'week', 'month']),
  completed: z.array(SeriesPoint),
  created: z.array(SeriesPoint),
  /** Open tasks past their due date at the end of each bucket. */
  overdue: z.array(SeriesPoint),
  /** Completed ÷ (completed + still open that were due) in the range, 0..1. */
  completionRate: z.number(),
  /** Median days from creation to completion, null without completions. */
  medianDaysToComplete: z.number().nullable(),
  goalProgress: z.array(z.object({ goalId: Id, title: z.string(), points: z.array(SeriesPoint) })),
  /** Share of due days (or periods) on which each habit met its target, 0..1. */
  habitConsistency: z.array(z.object({ habitId: Id, title: z.string(), consistency: z.number() })),
  productivity: z.object({ score: z.number(), formula: z.string(), points: z.array(SeriesPoint) }),
  totals: z.object({ open: z.number().int(), overdue: z.number().int(), completedInRange: z.number().int(), activeGoals: z.number().int() }),
});
export type Dashboard = z.output<typeof Dashboard>;

export const WeeklyReviewInput = z.strictObject({ weekOf: IsoDate.optional() });
export const WeeklyReview = z.object({
  weekStart: IsoDate,
  weekEnd: IsoDate,
  tasksDone: z.array(z.object({ taskId: Id, title: z.string(), at: IsoTimestamp })),
  habits: z.array(z.object({ habitId: Id, title: z.string(), kept: z.number().int(), due: z.number().int() })),
  keyResultChanges: z.array(z.object({ keyResultId: Id, goalTitle: z.string(), title: z.string(), from: z.number(), to: z.number(), unit: z.string() })),
  journalEntries: z.array(z.object({ id: Id, title: z.string(), date: IsoDate })),
  /** The review as Markdown (what "save to journal" writes). */
  markdown: z.string(),
});
export const SaveReviewInput = z.strictObject({ weekOf: IsoDate.optional(), journalId: Id.optional() });
export const SaveReviewResult = z.object({ entryId: Id, journalId: Id });

export const OverlayInput = z.strictObject({ from: IsoDate, to: IsoDate });
export const OverlayItem = z.object({
  kind: z.enum(['task', 'milestone', 'goal']),
  /** The task, key result or goal. */
  id: Id,
  goalId: Id.nullable(),
  title: z.string(),
  date: IsoDate,
  time: LocalTime.nullable(),
  completed: z.boolean(),
  priority: z.number().int().nullable(),
});
export type OverlayItem = z.output<typeof OverlayItem>;

// ---------------------------------------------------------------- interchange

/** 'hearth': Hearth's own goals JSON export (format 'hearth-goals'), read back losslessly, ids and timestamps kept. */
export const ImportFormat = z.enum(['todoist', 'ticktick', 'ics', 'hearth']);
export const ImportPreviewInput = z.strictObject({
  blobId: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: text(255).optional(),
  /** Absent: told apart by the file's header. */
  format: ImportFormat.optional(),
});
export const ImportPreview = z.object({
  previewId: z.string(),
  format: ImportFormat,
  tasks: z.number().int(),
  subtasks: z.number().int(),
  completed: z.number().int(),
  recurring: z.number().int(),
  projects: z.array(z.string()),
  tags: z.array(z.string()),
  /** Already imported from the same source id (skipped on commit); a Hearth JSON file: records whose id is already here. */
  duplicates: z.number().int(),
  /** Rows not imported, with why (e.g. 9 Todoist comments kept as notes, 5 spacer rows). */
  skipped: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  warnings: z.array(z.string()),
  /** Every kind of record the file holds and how many (a Hearth JSON file: plans, goals, key results, habits…). */
  records: z.array(z.object({ kind: z.string(), count: z.number().int() })).default([]),
  /** The first few tasks as they will be stored. */
  sample: z.array(
    z.object({
      title: z.string(),
      dueDate: IsoDate.nullable(),
      priority: Priority,
      tags: z.array(z.string()),
      project: z.string().nullable(),
      depth: z.number().int(),
    }),
  ),
});
export type ImportPreview = z.output<typeof ImportPreview>;
export const ImportCommitInput = z.strictObject({ previewId: z.string().max(80) });
export const ImportResult = z.object({ tasks: z.number().int(), projects: z.number().int(), skipped: z.number().int() });

export const ExportFormat = z.enum(['tasks-csv', 'goals-csv', 'key-results-csv', 'habits-csv', 'checkins-csv', 'json', 'ics']);
export const ExportInput = z.strictObject({ format: ExportFormat });
export const ExportResult = z.object({
  blobId: z.string(),
  url: z.string(),
  ticket: z.string(),
  name: z.string(),
  rows: z.number().int(),
  expiresAt: IsoTimestamp,
});
export const ReportInput = z.strictObject({ pdpId: Id });
export const ReportResult = ExportResult.extend({ pages: z.number().int() });
