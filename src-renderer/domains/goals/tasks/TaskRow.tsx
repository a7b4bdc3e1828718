import { Check, Flag, ListTree, Repeat, Target } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { Goal, Task } from '../../../../src-shared/domains/goals/goals.schemas';
import { cx } from '../../../ui/cx';
import { describeRepeat } from './repeat';
import { dueLabel, isOverdue, PRIORITY_CLASS, PRIORITY_NAMES } from './task-helpers';

export interface TaskRowProps {
  task: Task;
  rowKey: string;
  selected: boolean;
  today: string;
  nowMs: number;
  goal?: Goal;
  /** A later day of a repeating task (Upcoming): shown with ↻, completed only through its current instance. */
  repeatInstance?: boolean;
  /** Shows only the due time (Upcoming already groups by day). */
  hideDue?: boolean;
  onSelect(key: string): void;
  onOpen(taskId: string): void;
  onToggle(task: Task): void;
}

/**
 * One task: the tick (ringed in its priority's colour), the title, then due (red when overdue), ↻ for a repeating
 * task, tags, the goal and the sub-task count. Clicking selects; the title or Enter opens the editor.
 */
export function TaskRow({ task, rowKey, selected, today, nowMs, goal, repeatInstance, hideDue, onSelect, onOpen, onToggle }: TaskRowProps) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const overdue = isOverdue(task, nowMs);
  const due = hideDue ? (task.dueTime ?? '') : dueLabel(task, today);
  const subtasks = task.subtasks.open + task.subtasks.done;
  const tickTitle = repeatInstance ? 'A later repetition: complete the current one first' : task.completed ? 'Reopen' : 'Complete';
  return (
    <li
      ref={ref}
      data-testid="task-row"
      data-task-id={task.id}
      data-title={task.title}
      aria-selected={selected}
      onClick={() => onSelect(rowKey)}
      onDoubleClick={() => onOpen(task.id)}
      className={cx(
        'group flex min-w-0 items-start gap-2.5 rounded-md border px-2.5 py-1.5',
        selected ? 'border-focus/60 bg-accent-soft' : 'border-transparent hover:bg-hover',
      )}
    >
      <button
        type="button"
        role="checkbox"
        aria-checked={task.completed}
        aria-label={`${task.completed ? 'Reopen' : 'Complete'} “${task.title}”`}
        title={tickTitle}
        data-testid="task-complete"
        disabled={repeatInstance}
        onClick={(e) => {
          e.stopPropagation();
          onToggle(task);
        }}
        className={cx(
          'mt-0.5 flex size-4 shrink-0 items-center justify-center rounded-full border-[1.5px] transition-colors disabled:cursor-not-allowed disabled:border-dashed',
          PRIORITY_CLASS[task.priority],
          task.completed ? 'bg-current' : 'hover:bg-hover',
        )}
      >
        {task.completed ? <Check className="size-3 text-surface" strokeWidth={3} aria-hidden /> : null}
      </button>
      <div className="min-w-0 flex-1">
        <button
          type="button"
          data-testid="task-title"
          onClick={(e) => {
            e.stopPropagation();
            onSelect(rowKey);
            onOpen(task.id);
          }}
          className={cx('block max-w-full text-left text-[13px] break-words', task.completed ? 'text-faint line-through' : 'text-text')}
        >
          {task.title}
        </button>
        <div className="flex flex-wrap items-center gap-x-2.5 gap-y-0.5 text-[11px] text-muted">
          {due ? (
            <span className={cx(overdue && 'font-medium text-danger')} data-testid="task-due">
              {due}
            </span>
          ) : null}
          {task.rrule || repeatInstance ? (
            <span className="inline-flex items-center gap-0.5" title={task.rrule ? describeRepeat(task.rrule) : 'Repeats'} data-testid="task-repeat">
              <Repeat className="size-3" aria-hidden />
              <span className="sr-only">Repeats: </span>
              <span className="@max-md:hidden">{task.rrule ? describeRepeat(task.rrule) : ''}</span>
            </span>
          ) : null}
          {task.priority <= 3 ? (
            <span className={cx('inline-flex items-center gap-0.5', PRIORITY_CLASS[task.priority])}>
              <Flag className="size-3" aria-hidden />
              {PRIORITY_NAMES[task.priority]}
            </span>
          ) : null}
          {task.tags.map((tag) => (
            <span key={tag} className="text-accent">
              #{tag}
            </span>
          ))}
          {goal ? (
            <span className="inline-flex max-w-40 items-center gap-0.5 truncate rounded bg-subtle px-1" data-testid="task-goal">
              <Target className="size-3 shrink-0" aria-hidden />
              <span className="truncate">{goal.title}</span>
            </span>
          ) : null}
          {subtasks > 0 ? (
            <span className="inline-flex items-center gap-0.5" title="Sub-tasks done">
              <ListTree className="size-3" aria-hidden />
              {task.subtasks.done}/{subtasks}
            </span>
          ) : null}
        </div>
      </div>
    </li>
  );
}
