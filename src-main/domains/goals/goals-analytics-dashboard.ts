import type { Kysely } from 'kysely';
import type { Dashboard } from '../../../src-shared/domains/goals/goals.schemas';
import { productivity, type DayFacts } from '../../../src-shared/domains/goals/productivity';
import { addDays, startOfDayIn } from '../../../src-shared/lib/local-date';
import type { Database } from '../../db/database';
import { bucketsOf, daysOf, localDater, type Bucket } from './goals-analytics-dates';
import { habitKeeping } from './goals-analytics-habits';
import { goalProgressSeries } from './goals-analytics-goals';
import { offsetSpans } from './goals-analytics-sql';
import { taskDays } from './goals-analytics-tasks';

export interface DashboardRange {
  from: string;
  to: string;
  bucket: Bucket;
  today: string;
  zone: string;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * The dashboard: task facts grouped by local day in SQL (goals-analytics-tasks.ts), habit check-ins of the range, goal
 * progress logs; every count is made per local day in the system zone, then summed into the buckets. Overdue at the end
 * of each day comes from the tasks' overdue stretches as a difference array (+1 the day a stretch becomes overdue, −1
 * the day it was completed), so it is one grouped query and one prefix sum, not one query per bucket.
 */
export async function buildDashboard(db: Kysely<Database>, r: DashboardRange): Promise<Dashboard> {
  const days = daysOf(r.from, r.to);
  const index = new Map(days.map((d, i) => [d, i]));
  const n = days.length;
  const fromMs = startOfDayIn(r.zone, r.from);
  const endMs = startOfDayIn(r.zone, addDays(r.to, 1));
  const range = { ...r, fromIso: new Date(fromMs).toISOString(), endIso: new Date(endMs).toISOString(), spans: offsetSpans(r.zone, fromMs, endMs) };
  const t = await taskDays(db, range, index);
  const overdue: number[] = [];
  let running = 0;
  for (let i = 0; i < n; i++) overdue.push((running += t.overdueDiff[i]!));

  const facts: DayFacts[] = days.map((date, i) => ({
    date,
    weighted: t.weighted[i]!,
    habitsDue: 0,
    habitsKept: 0,
    withDue: t.withDue[i]!,
    onTime: t.onTime[i]!,
  }));
  const habits = await habitKeeping(db, r.from, r.to, r.today);
  for (const h of habits) {
    for (const [d, kept] of h.days) {
      const f = facts[index.get(d)!];
      if (!f) continue;
      f.habitsDue++;
      if (kept) f.habitsKept++;
    }
  }
  const score = productivity(facts);

  const buckets = bucketsOf(r.from, r.to, r.bucket);
  const series = (values: readonly number[], how: 'sum' | 'last' | 'mean') =>
    buckets.map((b) => {
      const i0 = index.get(b.date)!;
      const i1 = index.get(b.last)!;
      // A bucket running past today (this week) shows today's count, not the end of a week that has not happened.
      if (how === 'last') return { date: b.date, value: values[b.date <= r.today && b.last > r.today ? index.get(r.today)! : i1]! };
      let sum = 0;
      for (let i = i0; i <= i1; i++) sum += values[i]!;
      return { date: b.date, value: how === 'sum' ? sum : round1(sum / (i1 - i0 + 1)) };
    });
  const completedInRange = t.completed.reduce((a, b) => a + b, 0);
  const goals = await goalProgressSeries(db, r, localDater(r.zone), buckets);
  const share = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);
  return {
    from: r.from,
    to: r.to,
    bucket: r.bucket,
    completed: series(t.completed, 'sum'),
    created: series(t.created, 'sum'),
    overdue: series(overdue, 'last'),
    completionRate: share(completedInRange, completedInRange + t.totals.openDue),
    medianDaysToComplete: t.medianDays === null ? null : round1(t.medianDays),
    goalProgress: goals.series,
    habitConsistency: habits.map((h) => ({ habitId: h.habitId, title: h.title, consistency: share(h.kept, h.due) })),
    productivity: {
      score: score.score,
      formula: score.formula,
      points: series(
        score.days.map((d) => d.value),
        'mean',
      ),
    },
    totals: { open: t.totals.open, overdue: t.totals.overdue, completedInRange, activeGoals: goals.active },
  };
}
