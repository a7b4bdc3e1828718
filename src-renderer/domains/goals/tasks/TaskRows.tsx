import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Task } from '../../../../src-shared/domains/goals/goals.schemas';
import { todayIn } from '../../../../src-shared/lib/local-date';
import { useGoalsStore } from '../goals.store';
import { TaskRow } from './TaskRow';
import { upcomingKey } from './task-helpers';

type Row = Task & { instanceDate?: string; repeatInstance?: boolean };

/** The viewer's today, judged at the last load (not during render). */
export function useToday(): string {
  const { zone, nowMs } = useGoalsStore(useShallow((s) => ({ zone: s.zone, nowMs: s.nowMs })));
  return todayIn(zone, nowMs || 0);
}

/** A list of task rows wired to the store: selection, the editor, complete and reopen. */
export function TaskRows({ tasks, label, hideDue }: { tasks: Row[]; label: string; hideDue?: boolean }) {
  const { selected, nowMs, goals } = useGoalsStore(useShallow((s) => ({ selected: s.selected, nowMs: s.nowMs, goals: s.goals })));
  const goalsById = useMemo(() => new Map(goals.map((g) => [g.id, g])), [goals]);
  const today = useToday();
  const store = useGoalsStore.getState();
  return (
    <ul aria-label={label} className="flex min-w-0 flex-col gap-px">
      {tasks.map((t) => {
        const key = t.instanceDate ? upcomingKey(t.id, t.instanceDate) : t.id;
        return (
          <TaskRow
            key={key}
            rowKey={key}
            task={t}
            selected={selected === key}
            today={today}
            nowMs={nowMs}
            goal={t.goalId ? goalsById.get(t.goalId) : undefined}
            repeatInstance={t.repeatInstance}
            hideDue={hideDue}
            onSelect={store.select}
            onOpen={store.openEditor}
            onToggle={(task) => void (task.completed ? store.uncomplete(task.id) : store.complete(task.id))}
          />
        );
      })}
    </ul>
  );
}
