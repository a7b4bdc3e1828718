import { ChevronLeft, ChevronRight, Columns3 } from 'lucide-react';
import { useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Task, TaskStatus } from '../../../../src-shared/domains/goals/goals.schemas';
import { cx } from '../../../ui/cx';
import { useGoalsStore } from '../goals.store';
import { dueLabel, isOverdue, kanbanColumns, neighbourStatus, PRIORITY_CLASS, STATUS_LABELS, STATUSES } from './task-helpers';
import { useToday } from './TaskRows';
import { QUICK_ADD_EXAMPLE, ViewState } from './ViewState';

const DRAG_TYPE = 'application/x-hearth-task';

/**
 * The board: To do, Doing, Done. A card moves by dragging it to a column, with its ‹ › buttons, or with Shift+←/→
 * when selected; Done completes the task (a repeating one comes back in To do on its next date).
 */
export function KanbanView() {
  const board = useGoalsStore((s) => s.board);
  const setStatus = useGoalsStore((s) => s.setStatus);
  const [over, setOver] = useState<TaskStatus | null>(null);
  const cols = kanbanColumns(board ?? []);
  const onDrop = (status: TaskStatus) => (e: DragEvent) => {
    e.preventDefault();
    setOver(null);
    const id = e.dataTransfer.getData(DRAG_TYPE);
    const task = board?.find((t) => t.id === id);
    if (task && task.status !== status) void setStatus(id, status);
  };
  return (
    <ViewState
      hasData={board !== null}
      empty={(board ?? []).length === 0}
      emptyIcon={Columns3}
      emptyTitle="The board is empty"
      emptyText={<p>Tasks you add appear in To do; drag them to Doing and Done. Try “{QUICK_ADD_EXAMPLE}”.</p>}
      what="The board"
    >
      <div className="grid min-h-full min-w-0 grid-cols-3 gap-2 p-3" data-testid="kanban-view">
        {STATUSES.map((status) => (
          <section
            key={status}
            aria-label={STATUS_LABELS[status]}
            data-testid={`kanban-${status}`}
            onDragOver={(e) => {
              if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
              e.preventDefault();
              setOver(status);
            }}
            onDragLeave={() => setOver((o) => (o === status ? null : o))}
            onDrop={onDrop(status)}
            className={cx('flex min-w-0 flex-col gap-1.5 rounded-lg border p-1.5', over === status ? 'border-focus bg-accent-soft' : 'border-line bg-subtle')}
          >
            <h3 className="flex items-baseline gap-2 px-1 text-[12px] font-semibold tracking-wide text-muted uppercase">
              {STATUS_LABELS[status]}
              <span className="font-normal text-faint">{cols[status].length}</span>
            </h3>
            <ul className="flex min-w-0 flex-col gap-1.5">
              {cols[status].map((t) => (
                <Card key={t.id} task={t} column={status} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </ViewState>
  );
}

function Card({ task, column }: { task: Task; column: TaskStatus }) {
  const { selected, nowMs } = useGoalsStore(useShallow((s) => ({ selected: s.selected === task.id, nowMs: s.nowMs })));
  const today = useToday();
  const store = useGoalsStore.getState();
  const left = neighbourStatus(column, -1);
  const right = neighbourStatus(column, 1);
  const due = dueLabel(task, today);
  const move = (to: TaskStatus | null) => to && void store.setStatus(task.id, to);
  return (
    <li
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, task.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onClick={() => store.select(task.id)}
      data-testid="task-row"
      data-task-id={task.id}
      data-title={task.title}
      aria-selected={selected}
      className={cx(
        'flex min-w-0 cursor-grab flex-col gap-1 rounded-md border-l-[3px] bg-surface px-2 py-1.5 shadow-xs',
        PRIORITY_CLASS[task.priority],
        selected && 'ring-2 ring-focus/50',
      )}
    >
      <button
        type="button"
        data-testid="task-title"
        onClick={() => store.openEditor(task.id)}
        className={cx('text-left text-[13px] break-words', task.completed ? 'text-faint line-through' : 'text-text')}
      >
        {task.title}
      </button>
      <div className="flex min-w-0 items-center gap-1 text-[11px] text-muted">
        <span className={cx('min-w-0 flex-1 truncate', isOverdue(task, nowMs) && 'text-danger')}>{due}</span>
        <button
          type="button"
          aria-label={left ? `Move “${task.title}” to ${STATUS_LABELS[left]}` : undefined}
          disabled={!left}
          onClick={() => move(left)}
          className="rounded p-0.5 hover:bg-hover disabled:invisible"
        >
          <ChevronLeft className="size-3.5" aria-hidden />
        </button>
        <button
          type="button"
          aria-label={right ? `Move “${task.title}” to ${STATUS_LABELS[right]}` : undefined}
          disabled={!right}
          onClick={() => move(right)}
          className="rounded p-0.5 hover:bg-hover disabled:invisible"
        >
          <ChevronRight className="size-3.5" aria-hidden />
        </button>
      </div>
    </li>
  );
}
