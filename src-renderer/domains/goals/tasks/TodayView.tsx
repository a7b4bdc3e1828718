import { CalendarCheck, Check, Flame, Plus } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import type { Habit } from '../../../../src-shared/domains/goals/goals.schemas';
import { Kbd } from '../../../ui/Kbd';
import { cx } from '../../../ui/cx';
import { useGoalsStore } from '../goals.store';
import { todayGroups } from './rows';
import { longDayLabel } from './task-helpers';
import { TaskRows } from './TaskRows';
import { Group, QUICK_ADD_EXAMPLE, ViewState } from './ViewState';

/** Today: overdue, due and scheduled tasks, and the habits to check in with one click. */
export function TodayView() {
  const today = useGoalsStore(useShallow((s) => s.today));
  const groups = today ? todayGroups(today) : [];
  const habits = today?.habits ?? [];
  return (
    <ViewState
      hasData={today !== null}
      empty={groups.length === 0 && habits.length === 0}
      emptyIcon={CalendarCheck}
      emptyTitle="Nothing due today"
      emptyText={
        <p>
          Add a task with <Kbd>Q</Kbd>, e.g. “{QUICK_ADD_EXAMPLE}”.
        </p>
      }
      what="Today"
    >
      <div className="flex min-w-0 flex-col gap-4 p-3" data-testid="today-view">
        {today ? <p className="px-2.5 text-[13px] text-muted">{longDayLabel(today.date)}</p> : null}
        {habits.length > 0 ? (
          <Group title="Habits" count={habits.length} testId="today-habits">
            <ul className="grid min-w-0 grid-cols-1 gap-2 px-1 @min-[560px]:grid-cols-2">
              {habits.map((h) => (
                <HabitCard key={h.id} habit={h} />
              ))}
            </ul>
          </Group>
        ) : null}
        {groups.map((g) => (
          <Group key={g.id} title={g.title} count={g.tasks.length} tone={g.id === 'overdue' ? 'danger' : undefined} testId={`today-${g.id}`}>
            <TaskRows tasks={g.tasks} label={g.title} />
          </Group>
        ))}
        {groups.length === 0 ? <p className="px-2.5 text-[13px] text-muted">No tasks due today. Add one with the bar above.</p> : null}
      </div>
    </ViewState>
  );
}

function HabitCard({ habit }: { habit: Habit }) {
  const checkIn = useGoalsStore((s) => s.checkIn);
  const met = habit.periodValue >= habit.target;
  const amount = habit.target > 1 || habit.unit ? `${habit.periodValue}/${habit.target}${habit.unit ? ` ${habit.unit}` : ''}` : '';
  return (
    <li className="flex min-w-0 items-center gap-2.5 rounded-lg border border-line bg-surface px-2.5 py-2" data-testid="habit-card" data-title={habit.title}>
      <button
        type="button"
        onClick={() => void checkIn(habit.id)}
        aria-label={`Check in “${habit.title}”`}
        title={met ? 'Met for this period: check in once more' : 'Check in (+1)'}
        data-testid="habit-checkin"
        className={cx(
          'flex size-7 shrink-0 items-center justify-center rounded-full border transition-colors',
          met ? 'border-success bg-success text-white' : 'border-line-strong text-muted hover:bg-hover hover:text-text',
        )}
      >
        {met ? <Check className="size-4" aria-hidden /> : <Plus className="size-4" aria-hidden />}
      </button>
      <div className="min-w-0 flex-1">
        <p className="truncate text-[13px] text-text">{habit.title}</p>
        <p className="flex flex-wrap gap-x-2 text-[11px] text-muted">
          {amount ? <span>{amount}</span> : null}
          <span className="inline-flex items-center gap-0.5" data-testid="habit-streak">
            <Flame className={cx('size-3', habit.currentStreak > 0 ? 'text-warning' : 'text-faint')} aria-hidden />
            {habit.currentStreak} in a row · best {habit.bestStreak}
          </span>
        </p>
      </div>
    </li>
  );
}
