import { sql, type Kysely } from 'kysely';
// eslint-disable-next-line no-restricted-imports -- 0007's trigger helper is itself a frozen migration, never app code.
import { addChangeLogTriggers } from './0007-create-change-log';

/**
 * Goals (issue 11): personal development plans, goals with key results, tasks and habits.
 *
 * - `tasks` keeps one row per task. A repeating task is one row whose `due_date` moves to the next instance of `rrule`
 *   (the shared recurrence engine) when it is completed; every completion is a row of `task_history`, which the
 *   logbook, the analytics and "uncomplete" read. Sub-tasks point to their parent (`parent_id`) and repeat with it.
 * - Dates are local calendar dates ('YYYY-MM-DD') with an optional wall time and the IANA zone they were made in;
 *   `due_ms` is that moment in UTC (a date without a time: the end of that day), kept for ordering and overdue checks.
 * - `tasks_fts` is an FTS5 index over title and notes inside the encrypted database (external content keyed by `doc`).
 * - Key results keep every value they had (`key_result_log`) for the sparkline; goals keep a progress log.
 * Frozen in time: imports only kysely (and 0007's helper).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE pdps (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    vision TEXT NOT NULL DEFAULT '',
    period_start TEXT,
    period_end TEXT,
    -- JSON string[]: the life domains the plan covers (career, finance, health, …).
    domains TEXT NOT NULL DEFAULT '[]',
    reflection TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);

  await sql`CREATE TABLE goals (
    id TEXT PRIMARY KEY,
    pdp_id TEXT REFERENCES pdps (id),
    domain TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    why TEXT NOT NULL DEFAULT '',
    target_date TEXT,
    status TEXT NOT NULL CHECK (status IN ('active', 'on_hold', 'completed', 'dropped')),
    sort_order REAL NOT NULL DEFAULT 0,
    completed_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX goals_by_pdp ON goals (pdp_id) WHERE deleted_at IS NULL`.execute(db);

  await sql`CREATE TABLE key_results (
    id TEXT PRIMARY KEY,
    goal_id TEXT NOT NULL REFERENCES goals (id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('numeric', 'milestone')),
    start_value REAL NOT NULL DEFAULT 0,
    target_value REAL NOT NULL DEFAULT 1,
    current_value REAL NOT NULL DEFAULT 0,
    unit TEXT NOT NULL DEFAULT '',
    direction TEXT NOT NULL DEFAULT 'increase' CHECK (direction IN ('increase', 'decrease')),
    -- A milestone: its due date (shown on the calendar) and when it was reached.
    due_date TEXT,
    done_at TEXT,
    -- A habit whose check-ins count toward this key result (its current value is their sum since the key result began).
    habit_id TEXT,
    sort_order REAL NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX key_results_by_goal ON key_results (goal_id) WHERE deleted_at IS NULL`.execute(db);

  await sql`CREATE TABLE key_result_log (
    id TEXT PRIMARY KEY,
    key_result_id TEXT NOT NULL REFERENCES key_results (id),
    at TEXT NOT NULL,
    value REAL NOT NULL,
    note TEXT NOT NULL DEFAULT ''
  ) STRICT`.execute(db);
  await sql`CREATE INDEX key_result_log_by_kr ON key_result_log (key_result_id, at)`.execute(db);

  await sql`CREATE TABLE goal_progress_log (
    id TEXT PRIMARY KEY,
    goal_id TEXT NOT NULL REFERENCES goals (id),
    at TEXT NOT NULL,
    -- 0..100: the computed progress at that moment, or the value the user logged.
    progress REAL NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('auto', 'manual')),
    note TEXT NOT NULL DEFAULT ''
  ) STRICT`.execute(db);
  await sql`CREATE INDEX goal_progress_log_by_goal ON goal_progress_log (goal_id, at)`.execute(db);

  await sql`CREATE TABLE goal_evidence (
    id TEXT PRIMARY KEY,
    goal_id TEXT NOT NULL REFERENCES goals (id),
    kind TEXT NOT NULL CHECK (kind IN ('journal', 'file', 'note')),
    ref_id TEXT,
    title TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX goal_evidence_by_goal ON goal_evidence (goal_id) WHERE deleted_at IS NULL`.execute(db);

  await sql`CREATE TABLE task_projects (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('area', 'project')),
    parent_id TEXT REFERENCES task_projects (id),
    color TEXT NOT NULL DEFAULT 'slate',
    sort_order REAL NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);

  await sql`CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    doc INTEGER NOT NULL UNIQUE,
    title TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    goal_id TEXT REFERENCES goals (id),
    project_id TEXT REFERENCES task_projects (id),
    parent_id TEXT REFERENCES tasks (id),
    -- 1 is the most urgent, 5 the least (Todoist's p1..p4 map to 1..4).
    priority INTEGER NOT NULL DEFAULT 4 CHECK (priority BETWEEN 1 AND 5),
    status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done')),
    due_date TEXT,
    due_time TEXT,
    zone TEXT NOT NULL,
    due_ms INTEGER,
    scheduled_date TEXT,
    estimate_minutes INTEGER,
    -- JSON string[], lower-cased for matching, shown as written.
    tags TEXT NOT NULL DEFAULT '[]',
    rrule TEXT,
    repeat_from TEXT NOT NULL DEFAULT 'due' CHECK (repeat_from IN ('due', 'completion')),
    completed_at TEXT,
    sort_order REAL NOT NULL DEFAULT 0,
    -- Where an imported task came from ('todoist', 'ticktick', 'ics') and its id there.
    source TEXT,
    source_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX tasks_open_by_due ON tasks (due_ms) WHERE completed_at IS NULL AND deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX tasks_open_by_scheduled ON tasks (scheduled_date) WHERE completed_at IS NULL AND deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX tasks_by_completed ON tasks (completed_at) WHERE completed_at IS NOT NULL AND deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX tasks_by_goal ON tasks (goal_id) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX tasks_by_parent ON tasks (parent_id) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX tasks_by_source ON tasks (source, source_id) WHERE source IS NOT NULL`.execute(db);

  await sql`CREATE VIRTUAL TABLE tasks_fts USING fts5(title, notes, content = 'tasks', content_rowid = 'doc',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
  await sql`CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO tasks_fts (rowid, title, notes) VALUES (new.doc, new.title, new.notes);
  END`.execute(db);
  await sql`CREATE TRIGGER tasks_fts_update AFTER UPDATE OF title, notes ON tasks BEGIN
    INSERT INTO tasks_fts (tasks_fts, rowid, title, notes) VALUES ('delete', old.doc, old.title, old.notes);
    INSERT INTO tasks_fts (rowid, title, notes) VALUES (new.doc, new.title, new.notes);
  END`.execute(db);
  await sql`CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks BEGIN
    INSERT INTO tasks_fts (tasks_fts, rowid, title, notes) VALUES ('delete', old.doc, old.title, old.notes);
  END`.execute(db);

  await sql`CREATE TABLE task_history (
    id TEXT PRIMARY KEY,
    task_id TEXT NOT NULL REFERENCES tasks (id),
    kind TEXT NOT NULL CHECK (kind IN ('completed', 'uncompleted')),
    at TEXT NOT NULL,
    -- The instance completed (its due date), for a repeating task; the due date it had otherwise.
    due_date TEXT,
    -- The due date the task had before a repeating completion moved it (so "uncomplete" can move it back).
    previous_due_date TEXT,
    created_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX task_history_by_task ON task_history (task_id, at)`.execute(db);
  await sql`CREATE INDEX task_history_by_at ON task_history (at)`.execute(db);

  await sql`CREATE TABLE habits (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    goal_id TEXT REFERENCES goals (id),
    -- Which days the habit is due, as an RRULE read by the shared engine (FREQ=DAILY, FREQ=WEEKLY;BYDAY=MO,WE,FR).
    rrule TEXT NOT NULL,
    -- The target per period: 'run 3 times a week' is period 'week', target 3; 'read 20 pages daily' is 'day', 20 pages.
    period TEXT NOT NULL CHECK (period IN ('day', 'week', 'month')),
    target REAL NOT NULL CHECK (target > 0),
    unit TEXT NOT NULL DEFAULT '',
    start_date TEXT NOT NULL,
    color TEXT NOT NULL DEFAULT 'green',
    archived_at TEXT,
    sort_order REAL NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);

  await sql`CREATE TABLE habit_checkins (
    id TEXT PRIMARY KEY,
    habit_id TEXT NOT NULL REFERENCES habits (id),
    date TEXT NOT NULL,
    value REAL NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX habit_checkins_by_day ON habit_checkins (habit_id, date)`.execute(db);

  await sql`CREATE TABLE task_filters (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    -- JSON: the task list's filter (priority, tag, goal, due range, text).
    filter TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT`.execute(db);

  for (const table of [
    'pdps',
    'goals',
    'key_results',
    'key_result_log',
    'goal_progress_log',
    'goal_evidence',
    'task_projects',
    'tasks',
    'task_history',
    'habits',
    'habit_checkins',
    'task_filters',
  ]) {
    await addChangeLogTriggers(db, table, 'id');
  }
}
