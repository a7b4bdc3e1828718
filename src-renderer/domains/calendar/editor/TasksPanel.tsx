import { Plus } from 'lucide-react';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Calendar, Task } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { cx } from '../../../ui/cx';
import { inputClass } from './controls';
import { createTask, listTasks, onCalendarChanged, updateTask } from './editor-data';

const dueFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const dueTime = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** Open tasks first, by due date (undated last); then the completed ones, newest first. */
export function sortTasks(tasks: Task[]): Task[] {
  const due = (t: Task) => (t.dueAt ? Date.parse(t.dueAt) : Number.POSITIVE_INFINITY);
  return [...tasks].sort((a, b) =>
    a.completed !== b.completed ? (a.completed ? 1 : -1) : a.completed ? (b.completedAt ?? '').localeCompare(a.completedAt ?? '') : due(a) - due(b),
  );
}

function dueLabel(t: Task): string {
  if (!t.due || !t.dueAt) return '';
  if (t.due.kind === 'date') return dueFormat.format(Date.parse(`${t.due.date}T12:00:00Z`));
  return dueTime.format(Date.parse(t.dueAt));
}

/** Tasks (VTODO): the list with due dates (overdue in red), a line to add one, a tick to complete. */
export function TasksPanel({ calendars }: { calendars: Calendar[] }) {
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const target = calendars.find((c) => !c.readOnly && c.visible) ?? calendars.find((c) => !c.readOnly);

  // "Overdue" is judged at the time of the last load (the list reloads on every change).
  const [now, setNow] = useState(0);
  const load = useCallback(
    () =>
      listTasks().then(
        (t) => {
          setTasks(sortTasks(t));
          setNow(Date.now());
        },
        (err: unknown) => setError(describeError(err)),
      ),
    [],
  );
  useEffect(() => {
    void load();
    return onCalendarChanged(() => void load());
  }, [load]);

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!title.trim() || !target) return;
    setError(null);
    try {
      await createTask({ calendarId: target.id, title: title.trim(), due: due ? { kind: 'date', date: due } : null });
      setTitle('');
      setDue('');
      await load();
    } catch (err) {
      setError(describeError(err));
    }
  }

  async function tick(t: Task, completed: boolean) {
    setTasks((list) => list && list.map((x) => (x.id === t.id ? { ...x, completed } : x)));
    try {
      await updateTask({ id: t.id, completed });
    } catch (err) {
      setError(describeError(err));
    }
    await load();
  }

  return (
    <section className="flex min-h-0 flex-col gap-2 p-3" aria-label="Tasks" data-testid="cal-tasks">
      <form onSubmit={(e) => void add(e)} className="flex flex-col gap-1.5">
        <input
          className={inputClass}
          aria-label="New task"
          placeholder={target ? 'Add a task' : 'Create a calendar first'}
          disabled={!target}
          maxLength={500}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <div className="flex gap-1.5">
          <input
            type="date"
            className={`${inputClass} min-w-0 flex-1`}
            aria-label="Task due date"
            title="Due date (optional)"
            disabled={!target}
            value={due}
            onChange={(e) => setDue(e.target.value)}
          />
          <Button type="submit" size="sm" icon={Plus} disabled={!title.trim() || !target} className="h-8">
            Add task
          </Button>
        </div>
      </form>
      {error ? (
        <p role="alert" className="text-[12px] text-danger">
          {error}
        </p>
      ) : null}
      {tasks && tasks.length === 0 ? <p className="text-[12px] text-faint">No tasks.</p> : null}
      <ul className="min-h-0 overflow-y-auto">
        {(tasks ?? []).map((t) => {
          // An all-day task is due by the end of its day, not its first minute.
          const dueBy = t.dueAt === null ? Infinity : Date.parse(t.dueAt) + (t.due?.kind === 'date' ? 86_400_000 : 0);
          const overdue = !t.completed && dueBy < now;
          return (
            <li key={t.id} data-testid="cal-task" data-task-id={t.id} className="flex items-start gap-2 rounded-md px-1 py-1 hover:bg-hover">
              <input
                type="checkbox"
                className="mt-0.5"
                aria-label={`Done: ${t.title}`}
                checked={t.completed}
                disabled={t.readOnly}
                onChange={(e) => void tick(t, e.target.checked)}
              />
              <span className="min-w-0 flex-1">
                <span className={cx('block truncate text-[13px]', t.completed ? 'text-faint line-through' : 'text-text')}>{t.title}</span>
                {t.dueAt ? (
                  <span
                    className={cx('block text-[11px]', overdue ? 'font-medium text-danger' : 'text-muted')}
                  >{`${overdue ? 'Overdue · ' : ''}${dueLabel(t)}`}</span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
