import { useCallback, useEffect, useState } from 'react';
import type { Calendar, Task } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { describeError } from '../../../lib/errors';
import { cx } from '../../../ui/cx';
import { listTasks, onCalendarChanged, updateTask } from './editor-data';

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

/** The calendars' VTODOs (from CalDAV accounts and imported .ics files) grouped by calendar; a tick syncs back. */
export function CalendarTodoList({ calendars }: { calendars: Calendar[] }) {
  const [tasks, setTasks] = useState<Task[]>([]);
  const [error, setError] = useState<string | null>(null);
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

  async function tick(t: Task, completed: boolean) {
    setTasks((list) => list.map((x) => (x.id === t.id ? { ...x, completed } : x)));
    try {
      await updateTask({ id: t.id, completed });
    } catch (err) {
      setError(describeError(err));
    }
    await load();
  }

  // In the order of the calendar list; a task of a calendar not (yet) listed goes under "Calendar".
  const groups = [...calendars.map((c) => ({ id: c.id, name: c.name })), { id: '', name: 'Calendar' }]
    .map((c) => ({ ...c, tasks: tasks.filter((t) => (c.id ? t.calendarId === c.id : !calendars.some((k) => k.id === t.calendarId))) }))
    .filter((g) => g.tasks.length > 0);
  if (groups.length === 0 && !error) return null;
  return (
    <div className="flex flex-col gap-2 border-t border-line pt-2" data-testid="cal-vtodos">
      {error ? (
        <p role="alert" className="text-[12px] text-danger">
          {error}
        </p>
      ) : null}
      {groups.map((g) => (
        <section key={g.id || 'other'} aria-label={`Tasks of ${g.name}`}>
          <h3 className="px-1 text-[11px] font-semibold tracking-wide text-faint uppercase">{g.name}</h3>
          <ul>
            {g.tasks.map((t) => {
              // An all-day task is due by the end of its day, not its first minute.
              const dueBy = t.dueAt === null ? Infinity : Date.parse(t.dueAt) + (t.due?.kind === 'date' ? 86_400_000 : 0);
              const overdue = !t.completed && dueBy < now;
              return (
                <li
                  key={t.id}
                  data-testid="cal-task"
                  data-source="calendar"
                  data-task-id={t.id}
                  className="flex items-start gap-2 rounded-md px-1 py-1 hover:bg-hover"
                >
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
      ))}
    </div>
  );
}
