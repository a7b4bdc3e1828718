import { CalendarRange } from 'lucide-react';
import { useGoalsStore } from '../goals.store';
import { relativeDay, dayLabel } from './task-helpers';
import { TaskRows, useToday } from './TaskRows';
import { Group, ViewState } from './ViewState';

/** The next 7 days, day by day; a repeating task appears on each day it falls on, marked ↻. */
export function UpcomingView() {
  const upcoming = useGoalsStore((s) => s.upcoming);
  const today = useToday();
  const days = upcoming?.days ?? [];
  const total = days.reduce((n, d) => n + d.tasks.length, 0);
  return (
    <ViewState
      hasData={upcoming !== null}
      empty={total === 0}
      emptyIcon={CalendarRange}
      emptyTitle="Nothing in the next 7 days"
      emptyText={<p>Give a task a day when you add it, e.g. “call Ana tomorrow 15:00” or “water plants every monday”.</p>}
      what="Upcoming"
    >
      <div className="flex min-w-0 flex-col gap-4 p-3" data-testid="upcoming-view">
        {days.map((d) => {
          const rel = relativeDay(d.date, today);
          const title = rel === dayLabel(d.date) ? rel : `${rel} · ${dayLabel(d.date)}`;
          // A later repetition is not yet due: its own day is shown, and it cannot be overdue.
          const tasks = d.tasks.map((t) => ({ ...t, dueDate: d.date, dueAt: t.repeatInstance ? null : t.dueAt }));
          return (
            <Group key={d.date} title={title} count={d.tasks.length} testId={`upcoming-${d.date}`}>
              {tasks.length ? <TaskRows tasks={tasks} label={title} hideDue /> : <p className="px-2.5 text-[12px] text-faint">Nothing planned.</p>}
            </Group>
          );
        })}
      </div>
    </ViewState>
  );
}
