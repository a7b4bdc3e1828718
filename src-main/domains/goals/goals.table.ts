/** Mirrors migration 0012. Timestamps ISO UTC text, dates 'YYYY-MM-DD', instants UTC ms integers, JSON as TEXT. */
export interface PdpTable {
  id: string;
  title: string;
  vision: string;
  period_start: string | null;
  period_end: string | null;
  /** JSON string[]. */
  domains: string;
  reflection: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface GoalTable {
  id: string;
  pdp_id: string | null;
  domain: string;
  title: string;
  why: string;
  target_date: string | null;
  status: 'active' | 'on_hold' | 'completed' | 'dropped';
  sort_order: number;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface KeyResultTable {
  id: string;
  goal_id: string;
  title: string;
  kind: 'numeric' | 'milestone';
  start_value: number;
  target_value: number;
  current_value: number;
  unit: string;
  direction: 'increase' | 'decrease';
  due_date: string | null;
  done_at: string | null;
  habit_id: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface KeyResultLogTable {
  id: string;
  key_result_id: string;
  at: string;
  value: number;
  note: string;
}

export interface GoalProgressLogTable {
  id: string;
  goal_id: string;
  at: string;
  progress: number;
  kind: 'auto' | 'manual';
  note: string;
}

export interface GoalEvidenceTable {
  id: string;
  goal_id: string;
  kind: 'journal' | 'file' | 'note';
  ref_id: string | null;
  title: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface TaskProjectTable {
  id: string;
  name: string;
  kind: 'area' | 'project';
  parent_id: string | null;
  color: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface TaskTable {
  id: string;
  doc: number;
  title: string;
  notes: string;
  goal_id: string | null;
  project_id: string | null;
  parent_id: string | null;
  priority: number;
  status: 'todo' | 'doing' | 'done';
  due_date: string | null;
  due_time: string | null;
  zone: string;
  due_ms: number | null;
  scheduled_date: string | null;
  estimate_minutes: number | null;
  /** JSON string[]. */
  tags: string;
  rrule: string | null;
  repeat_from: 'due' | 'completion';
  completed_at: string | null;
  sort_order: number;
  source: string | null;
  source_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface TaskFtsTable {
  rowid: number;
  title: string;
  notes: string;
  tasks_fts: string;
  rank: number;
}

export interface TaskHistoryTable {
  id: string;
  task_id: string;
  kind: 'completed' | 'uncompleted';
  at: string;
  due_date: string | null;
  previous_due_date: string | null;
  created_at: string;
}

export interface HabitTable {
  id: string;
  title: string;
  goal_id: string | null;
  rrule: string;
  period: 'day' | 'week' | 'month';
  target: number;
  unit: string;
  start_date: string;
  color: string;
  archived_at: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface HabitCheckinTable {
  id: string;
  habit_id: string;
  date: string;
  value: number;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface TaskFilterTable {
  id: string;
  name: string;
  /** JSON TaskFilter. */
  filter: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
