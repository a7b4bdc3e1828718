import { Plus, Repeat } from 'lucide-react';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { openRecord } from '../../../app/open-record';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { cx } from '../../../ui/cx';
import type { Calendar } from '../calendar-types';
import { useCalendarStore } from '../calendar.store';
import { CalendarTodoList } from './CalendarTodoList';
import { inputClass } from './controls';
import { goalsDueLabel, sortGoalsTasks } from './goals-task-order';
import { completeGoalsTask, createGoalsTask, listGoalsTasks, onGoalsChanged, uncompleteGoalsTask, type GoalsTask } from './editor-data';

/**
 * Tasks beside the calendar. Hearth's task list is the goals module's: this panel lists its open tasks with a tick
 * to complete (a repeating task moves to its next date), adds new ones there, and opens a task on the Goals page.
 * The VTODOs of CalDAV and imported calendars follow under their calendar's name: they stay in the calendar so
 * they sync back to where they came from.
 */
export function TasksPanel({ calendars }: { calendars: Calendar[] }) {
  const zone = useCalendarStore((s) => s.zone);
  const [tasks, setTasks] = useState<GoalsTask[] | null>(null);
  // Ticked in this panel: kept (struck through) so a mis-click can be undone, until the panel closes.
  const [done, setDone] = useState<GoalsTask[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  // "Overdue" is judged at the time of the last load (the list reloads on every change).
  const [now, setNow] = useState(0);

  const load = useCallback(
    () =>
      listGoalsTasks().then(
        (t) => {
          setTasks(sortGoalsTasks(t.filter((x) => !x.completed && x.parentId === null)));
          setNow(Date.now());
        },
        (err: unknown) => setError(describeError(err)),
      ),
    [],
  );
  useEffect(() => {
    void load();
    return onGoalsChanged(() => void load());
  }, [load]);

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!title.trim()) return;
    setError(null);
    try {
      await createGoalsTask({ title: title.trim(), dueDate: due || null, zone });
      setTitle('');
      setDue('');
      await load();
    } catch (err) {
      setError(describeError(err));
    }
  }

  async function tick(t: GoalsTask, completed: boolean) {
    setError(null);
    setNote(null);
    try {
      if (completed) {
        const result = await completeGoalsTask(t.id);
        if (result.nextDueDate) setNote(`“${t.title}” next due ${goalsDueLabel({ dueDate: result.nextDueDate, dueTime: t.dueTime })}`);
        else setDone((list) => [result.task, ...list.filter((x) => x.id !== t.id)]);
      } else {
        await uncompleteGoalsTask(t.id);
        setDone((list) => list.filter((x) => x.id !== t.id));
      }
    } catch (err) {
      setError(describeError(err));
    }
    await load();
  }

  const rows = [...(tasks ?? []).map((t) => ({ t, ticked: false })), ...done.map((t) => ({ t, ticked: true }))];
  return (
    <section className="flex min-h-0 flex-col gap-2 p-3" aria-label="Tasks" data-testid="cal-tasks">
      <form onSubmit={(e) => void add(e)} className="flex flex-col gap-1.5">
        <input className={inputClass} aria-label="New task" placeholder="Add a task" maxLength={500} value={title} onChange={(e) => setTitle(e.target.value)} />
        <div className="flex gap-1.5">
          <input
            type="date"
            className={`${inputClass} min-w-0 flex-1`}
            aria-label="Task due date"
            title="Due date (optional)"
            value={due}
            onChange={(e) => setDue(e.target.value)}
          />
          <Button type="submit" size="sm" icon={Plus} disabled={!title.trim()} className="h-8">
            Add task
          </Button>
        </div>
      </form>
      {error ? (
        <p role="alert" className="text-[12px] text-danger">
          {error}
        </p>
      ) : null}
      {note ? (
        <p role="status" className="text-[12px] text-muted">
          {note}
        </p>
      ) : null}
      {tasks && rows.length === 0 ? <p className="text-[12px] text-faint">No open tasks. Add one above, or on the Goals page.</p> : null}
      <ul className="min-h-0">
        {rows.map(({ t, ticked }) => {
          const overdue = !ticked && t.dueAt !== null && Date.parse(t.dueAt) < now;
          return (
            <li
              key={t.id}
              data-testid="cal-task"
              data-source="goals"
              data-task-id={t.id}
              className="flex items-start gap-2 rounded-md px-1 py-1 hover:bg-hover"
            >
              <input type="checkbox" className="mt-0.5" aria-label={`Done: ${t.title}`} checked={ticked} onChange={(e) => void tick(t, e.target.checked)} />
              <span className="min-w-0 flex-1">
                <button
                  type="button"
                  title="Open in Goals"
                  onClick={() => void openRecord({ domain: 'goals', id: t.id }).catch((err: unknown) => setError(describeError(err)))}
                  className={cx('block max-w-full truncate text-left text-[13px] hover:underline', ticked ? 'text-faint line-through' : 'text-text')}
                >
                  {t.title}
                </button>
                {t.dueDate ? (
                  <span className={cx('flex items-center gap-1 text-[11px]', overdue ? 'font-medium text-danger' : 'text-muted')}>
                    {`${overdue ? 'Overdue · ' : ''}${goalsDueLabel(t)}`}
                    {t.rrule ? <Repeat className="size-2.5" aria-label="repeats" /> : null}
                  </span>
                ) : null}
              </span>
              {t.priority <= 3 ? (
                <span className={cx('text-[11px] font-medium', t.priority === 1 ? 'text-danger' : 'text-muted')}>{`P${t.priority}`}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <CalendarTodoList calendars={calendars} />
    </section>
  );
}
