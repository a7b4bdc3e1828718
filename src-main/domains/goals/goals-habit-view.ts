import type { Habit } from '../../../src-shared/domains/goals/goals.schemas';
import { epochDay, habitPeriodsDays, periodStartDay, periodSumDays, streaks } from '../../../src-shared/domains/goals/habit-streaks';
import { dueDayNumbers, HISTORY_DAYS } from './goals-habit-rules';
import type { HabitTable } from './goals.table';

/**
 * A habit as the contract shows it on day `ref`: streaks over its due periods up to `ref`, the running period's total,
 * and whether `ref` is a due day. `values` are its check-ins by epoch day.
 * Streaks look back ten years at most, and never before the period of the first check-in: earlier periods were all
 * missed, so no streak can reach past them (a habit kept for years reads only the years it was kept).
 */
export function toHabit(row: HabitTable, values: ReadonlyMap<number, number>, ref: string): Habit {
  const today = epochDay(ref);
  let first = today;
  for (const d of values.keys()) if (d < first) first = d;
  const from = periodStartDay(Math.max(first, today - HISTORY_DAYS), row.period);
  const due = dueDayNumbers(row, from, today);
  const periods = habitPeriodsDays({ period: row.period, target: row.target, dueDays: due, values, today });
  const s = streaks(periods);
  return {
    id: row.id,
    title: row.title,
    goalId: row.goal_id,
    rrule: row.rrule,
    period: row.period,
    target: row.target,
    unit: row.unit,
    startDate: row.start_date,
    color: row.color,
    archived: row.archived_at !== null,
    currentStreak: s.current,
    bestStreak: s.best,
    periodValue: periodSumDays(values, today, row.period),
    dueToday: due[due.length - 1] === today,
    todayValue: values.get(today) ?? 0,
  };
}
