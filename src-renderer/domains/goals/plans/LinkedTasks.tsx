import { CheckCircle2, Circle } from 'lucide-react';
import type { Task } from '../../../../src-shared/domains/goals/goals.schemas';
import { fmtDay, Section } from './goals-ui';

/** The tasks linked to a goal, open ones first; their share done is part of the goal's progress. */
export function LinkedTasks({ tasks }: { tasks: Task[] }) {
  const top = tasks.filter((t) => t.parentId === null);
  const sorted = [...top].sort((a, b) => Number(a.completed) - Number(b.completed) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  const done = top.filter((t) => t.completed).length;
  return (
    <Section title={`Tasks (${done} of ${top.length} done)`} testId="goal-tasks">
      {sorted.length === 0 ? (
        <p className="text-[12px] text-faint">No tasks linked. Link a task to this goal from the task editor, or type “goal:Name” in quick add.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line rounded-lg border border-line bg-surface">
          {sorted.map((t) => (
            <li key={t.id} className="flex items-center gap-2 px-3 py-1.5 text-[13px]" data-testid="goal-task">
              {t.completed ? (
                <CheckCircle2 className="size-4 shrink-0 text-success" aria-label="Done" />
              ) : (
                <Circle className="size-4 shrink-0 text-faint" aria-label="Open" />
              )}
              <span className={t.completed ? 'min-w-0 flex-1 break-words text-muted line-through' : 'min-w-0 flex-1 break-words text-text'}>{t.title}</span>
              {t.dueDate ? <span className="shrink-0 text-[12px] text-muted">{fmtDay(t.dueDate)}</span> : null}
              {t.rrule ? <span className="shrink-0 text-[11px] text-faint">repeats</span> : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
