import type { TaskDetail } from '../../../../src-shared/domains/goals/goals.schemas';
import type { TaskPatch } from '../goals-state';
import { presetOf, REPEAT_PRESETS, type RepeatPreset } from './repeat';
import { parseTags } from './task-helpers';

/** The task editor's fields as typed (strings where the input is text). */
export interface TaskForm {
  title: string;
  notes: string;
  goalId: string;
  projectId: string;
  priority: number;
  status: 'todo' | 'doing' | 'done';
  dueDate: string;
  dueTime: string;
  scheduledDate: string;
  estimate: string;
  tags: string;
  repeat: RepeatPreset;
  customRule: string;
  repeatFrom: 'due' | 'completion';
}

export function formOf(t: TaskDetail): TaskForm {
  const repeat = presetOf(t.rrule);
  return {
    title: t.title,
    notes: t.notes,
    goalId: t.goalId ?? '',
    projectId: t.projectId ?? '',
    priority: t.priority,
    status: t.status,
    dueDate: t.dueDate ?? '',
    dueTime: t.dueTime ?? '',
    scheduledDate: t.scheduledDate ?? '',
    estimate: t.estimateMinutes === null ? '' : String(t.estimateMinutes),
    tags: t.tags.join(', '),
    repeat,
    customRule: repeat === 'custom' ? (t.rrule ?? '') : '',
    repeatFrom: t.repeatFrom,
  };
}

/** The rule the form says, or null for "does not repeat". */
export function ruleOf(f: Pick<TaskForm, 'repeat' | 'customRule'>): string | null {
  if (f.repeat === 'custom') return f.customRule.trim().replace(/^RRULE:/i, '') || null;
  return REPEAT_PRESETS.find((p) => p.id === f.repeat)?.rrule ?? null;
}

/** Why the form cannot be saved as it is (checked before sending; main checks everything again). */
export function formProblem(f: TaskForm): string | null {
  if (!f.title.trim()) return 'A task needs a title.';
  if (f.dueTime && !f.dueDate) return 'A due time needs a due date.';
  if (f.estimate.trim() && !/^\d{1,6}$/.test(f.estimate.trim())) return 'The estimate is a whole number of minutes.';
  if (f.repeat === 'custom' && !f.customRule.trim()) return 'Write the custom rule, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=MO.';
  if (ruleOf(f) && !f.dueDate && f.repeatFrom === 'due') return 'A task that repeats from its due date needs a due date.';
  return null;
}

/** Only what changed, as an updateTask patch (an unchanged form sends nothing). */
export function patchOf(before: TaskDetail, f: TaskForm): TaskPatch {
  const after = {
    title: f.title.trim(),
    notes: f.notes,
    goalId: f.goalId || null,
    projectId: f.projectId || null,
    priority: f.priority,
    status: f.status,
    dueDate: f.dueDate || null,
    dueTime: f.dueDate && f.dueTime ? f.dueTime : null,
    scheduledDate: f.scheduledDate || null,
    estimateMinutes: f.estimate.trim() ? Number(f.estimate.trim()) : null,
    tags: parseTags(f.tags),
    rrule: ruleOf(f),
    repeatFrom: f.repeatFrom,
  };
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    const old = (before as unknown as Record<string, unknown>)[k];
    if (JSON.stringify(old) !== JSON.stringify(v)) patch[k] = v;
  }
  return patch as TaskPatch;
}
