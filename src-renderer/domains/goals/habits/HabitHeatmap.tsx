import { useState } from 'react';
import type { Habit } from '../../../../src-shared/domains/goals/goals.schemas';
import { cx } from '../../../ui/cx';
import { goalsApi } from '../plans/goals-api';
import { fmtDay, fmtNum, Loadable } from '../plans/goals-ui';
import { localToday } from '../plans/today';
import { useGoalsQuery } from '../plans/useGoalsQuery';
import { heatStart, heatWeeks, type HeatDay } from './habit-schedule';

const WEEKS = 26;
const LEVEL = ['bg-subtle', 'bg-success/30', 'bg-success/50', 'bg-success/75', 'bg-success'] as const;

/** The last 26 weeks of a habit, GitHub-style: a column per week (Monday on top), darker for more of the target. */
export function HabitHeatmap({ habit }: { habit: Habit }) {
  const [to] = useState(localToday);
  const from = heatStart(to, WEEKS);
  const query = useGoalsQuery(() => goalsApi.habitHistory({ habitId: habit.id, from, to }), `${habit.id}/${to}`);
  // A week or month target is met over several days: a day counts as full at its share of the daily pace.
  const perDay = habit.period === 'day' ? habit.target : habit.period === 'week' ? habit.target / 7 : habit.target / 30;
  return (
    <Loadable {...query} what="the history">
      {(history) => {
        const weeks = heatWeeks(history.days, to, WEEKS, perDay);
        const kept = history.days.filter((d) => d.value > 0).length;
        return (
          <figure className="flex min-w-0 flex-col gap-1.5" data-testid="habit-heatmap">
            <div
              className="grid max-w-[560px] grid-flow-col grid-rows-7 gap-[3px]"
              style={{ gridTemplateColumns: `repeat(${WEEKS}, minmax(0, 1fr))` }}
              role="img"
              aria-label={`${habit.title}: ${kept} days with a check-in in the last ${WEEKS} weeks`}
            >
              {weeks.flat().map((d) => (
                <Cell key={d.date} day={d} unit={habit.unit} />
              ))}
            </div>
            <figcaption className="text-[11px] text-faint">{`${fmtDay(from)} – ${fmtDay(to)} · ${kept} days with a check-in`}</figcaption>
          </figure>
        );
      }}
    </Loadable>
  );
}

function Cell({ day, unit }: { day: HeatDay; unit: string }) {
  if (day.level === -1) return <span className="aspect-square w-full" aria-hidden />;
  return (
    <span
      title={`${fmtDay(day.date)}: ${fmtNum(day.value)}${unit ? ` ${unit}` : ''}${day.due ? '' : ' (not due)'}`}
      className={cx('aspect-square w-full rounded-[2px]', LEVEL[day.level], !day.due && day.level === 0 && 'opacity-40')}
      data-level={day.level}
    />
  );
}
