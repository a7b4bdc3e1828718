import { Plus } from 'lucide-react';
import { useState } from 'react';
import type { Task, TaskDetail } from '../../../../src-shared/domains/goals/goals.schemas';
import { Button } from '../../../ui/Button';
import { cx } from '../../../ui/cx';
import { formatDate } from '../../../lib/dates';
import { useGoalsStore } from '../goals.store';
import { inputClass } from './TaskFields';
import { dayLabel } from './task-helpers';

/** A task's sub-tasks (tick to complete, add one) and its completion history. Sub-tasks repeat with their parent. */
export function SubtaskList({ task, onChanged }: { task: TaskDetail; onChanged(): void }) {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const store = useGoalsStore.getState();

  async function add() {
    if (!title.trim() || busy) return;
    setBusy(true);
    const created = await store.create({ title: title.trim(), parentId: task.id, goalId: task.goalId, zone: task.zone });
    setBusy(false);
    if (created) {
      setTitle('');
      onChanged();
    }
  }
  const toggle = async (t: Task) => {
    await (t.completed ? store.uncomplete(t.id) : store.complete(t.id));
    onChanged();
  };

  return (
    <div className="flex min-w-0 flex-col gap-3">
      <section className="flex flex-col gap-1.5" data-testid="subtasks">
        <h3 className="text-[12px] font-medium text-muted">
          Sub-tasks {task.children.length ? `(${task.children.filter((c) => c.completed).length}/${task.children.length})` : ''}
        </h3>
        <ul className="flex flex-col gap-1">
          {task.children.map((c) => (
            <li key={c.id} className="flex items-center gap-2 text-[13px]" data-testid="subtask-row" data-title={c.title}>
              <input type="checkbox" checked={c.completed} aria-label={`Complete “${c.title}”`} onChange={() => void toggle(c)} />
              <span className={cx('min-w-0 break-words', c.completed ? 'text-faint line-through' : 'text-text')}>{c.title}</span>
            </li>
          ))}
        </ul>
        <div className="flex gap-2">
          <input
            className={inputClass}
            placeholder="Add a sub-task"
            aria-label="New sub-task"
            value={title}
            maxLength={500}
            onChange={(e) => setTitle(e.target.value)}
            onKeyDown={(e) => {
              // Inside the editor's form: Enter adds the sub-task instead of saving the task.
              if (e.key === 'Enter') {
                e.preventDefault();
                void add();
              }
            }}
            data-testid="subtask-new"
          />
          <Button size="sm" icon={Plus} onClick={() => void add()} disabled={!title.trim()} busy={busy} aria-label="Add sub-task" />
        </div>
      </section>
      {task.history.length ? (
        <section className="flex flex-col gap-1" data-testid="task-history">
          <h3 className="text-[12px] font-medium text-muted">History</h3>
          <ul className="flex flex-col gap-0.5 text-[12px] text-muted">
            {[...task.history]
              .sort((a, b) => b.at.localeCompare(a.at))
              .map((h) => (
                <li key={h.id}>
                  {h.kind === 'completed' ? 'Completed' : 'Reopened'} {formatDate(h.at)}
                  {h.dueDate ? ` (due ${dayLabel(h.dueDate)})` : ''}
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
