import type { ReactNode } from 'react';
import type { Goal, Project } from '../../../../src-shared/domains/goals/goals.schemas';
import { cx } from '../../../ui/cx';
import { REPEAT_PRESETS, type RepeatPreset } from './repeat';
import type { TaskForm } from './task-form';
import { PRIORITY_NAMES, STATUS_LABELS, STATUSES } from './task-helpers';

export const inputClass = 'field-input h-8 text-[13px]';
const selectClass = 'field-input h-8 pr-7 text-[13px]';

function Labeled({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <label className={cx('flex min-w-0 flex-col gap-1 text-[12px] font-medium text-muted', className)}>
      {label}
      {children}
    </label>
  );
}

/** Every field of a task but its sub-tasks and history; a change goes to `onChange` as a patch of the form. */
export function TaskFields({ form, goals, projects, onChange }: { form: TaskForm; goals: Goal[]; projects: Project[]; onChange(p: Partial<TaskForm>): void }) {
  return (
    <div className="grid min-w-0 grid-cols-2 gap-3">
      <Labeled label="Title" className="col-span-2">
        <input className={inputClass} value={form.title} maxLength={500} onChange={(e) => onChange({ title: e.target.value })} data-testid="task-edit-title" />
      </Labeled>
      <Labeled label="Notes (Markdown)" className="col-span-2">
        <textarea
          className="field-input h-auto min-h-20 py-1.5 font-mono text-[12px]"
          rows={4}
          value={form.notes}
          onChange={(e) => onChange({ notes: e.target.value })}
          data-testid="task-edit-notes"
        />
      </Labeled>
      <Labeled label="Priority">
        <select className={selectClass} value={form.priority} onChange={(e) => onChange({ priority: Number(e.target.value) })} data-testid="task-edit-priority">
          {[1, 2, 3, 4, 5].map((p) => (
            <option key={p} value={p}>
              {PRIORITY_NAMES[p]}
            </option>
          ))}
        </select>
      </Labeled>
      <Labeled label="Status">
        <select className={selectClass} value={form.status} onChange={(e) => onChange({ status: e.target.value as TaskForm['status'] })}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </Labeled>
      <Labeled label="Due date">
        <input type="date" className={inputClass} value={form.dueDate} onChange={(e) => onChange({ dueDate: e.target.value })} data-testid="task-edit-due" />
      </Labeled>
      <Labeled label="Due time">
        <input type="time" className={inputClass} value={form.dueTime} disabled={!form.dueDate} onChange={(e) => onChange({ dueTime: e.target.value })} />
      </Labeled>
      <Labeled label="Scheduled for">
        <input type="date" className={inputClass} value={form.scheduledDate} onChange={(e) => onChange({ scheduledDate: e.target.value })} />
      </Labeled>
      <Labeled label="Estimate (minutes)">
        <input inputMode="numeric" className={inputClass} value={form.estimate} maxLength={6} onChange={(e) => onChange({ estimate: e.target.value })} />
      </Labeled>
      <Labeled label="Goal">
        <select className={selectClass} value={form.goalId} onChange={(e) => onChange({ goalId: e.target.value })} data-testid="task-edit-goal">
          <option value="">No goal</option>
          {goals.map((g) => (
            <option key={g.id} value={g.id}>
              {g.title}
            </option>
          ))}
        </select>
      </Labeled>
      <Labeled label="Project or area">
        <select className={selectClass} value={form.projectId} onChange={(e) => onChange({ projectId: e.target.value })}>
          <option value="">None</option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Labeled>
      <Labeled label="Tags (comma-separated)" className="col-span-2">
        <input
          className={inputClass}
          value={form.tags}
          placeholder="finance, home"
          onChange={(e) => onChange({ tags: e.target.value })}
          data-testid="task-edit-tags"
        />
      </Labeled>
      <Labeled label="Repeat">
        <select
          className={selectClass}
          value={form.repeat}
          onChange={(e) => onChange({ repeat: e.target.value as RepeatPreset })}
          data-testid="task-edit-repeat"
        >
          {REPEAT_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </Labeled>
      <Labeled label="Next date counts from">
        <select
          className={selectClass}
          value={form.repeatFrom}
          disabled={form.repeat === 'none'}
          onChange={(e) => onChange({ repeatFrom: e.target.value as TaskForm['repeatFrom'] })}
        >
          <option value="due">The due date</option>
          <option value="completion">The day it is completed</option>
        </select>
      </Labeled>
      {form.repeat === 'custom' ? (
        <Labeled label="Rule (RFC 5545 RRULE)" className="col-span-2">
          <input
            className={`${inputClass} font-mono`}
            spellCheck={false}
            placeholder="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE"
            value={form.customRule}
            onChange={(e) => onChange({ customRule: e.target.value })}
            data-testid="task-edit-rrule"
          />
        </Labeled>
      ) : null}
    </div>
  );
}
