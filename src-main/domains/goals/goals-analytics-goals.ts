import type { Kysely } from 'kysely';
import { addDays, startOfDayIn } from '../../../src-shared/lib/local-date';
import type { Database } from '../../db/database';
import type { BucketRange } from './goals-analytics-dates';

export interface GoalSeries {
  goalId: string;
  title: string;
  points: { date: string; value: number }[];
}

/**
 * Each live goal's progress over the range from `goal_progress_log`: a point per bucket holding the last value
 * logged in it, and one at the range's first day with the value the goal had then (its last entry before the range),
 * so a line starts where the goal stood. Dropped goals and goals without any entry up to the range's end are left out.
 */
export async function goalProgressSeries(
  db: Kysely<Database>,
  r: { from: string; to: string; zone: string },
  day: (iso: string) => string,
  buckets: readonly BucketRange[],
): Promise<{ series: GoalSeries[]; active: number }> {
  const goals = await db
    .selectFrom('goals')
    .select(['id', 'title', 'status'])
    .where('deleted_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('created_at')
    .execute();
  const endIso = new Date(startOfDayIn(r.zone, addDays(r.to, 1))).toISOString();
  const logs = await db
    .selectFrom('goal_progress_log')
    .select(['goal_id', 'at', 'progress'])
    .where('at', '<', endIso)
    .orderBy('goal_id')
    .orderBy('at')
    .orderBy('id')
    .execute();
  const byGoal = new Map<string, { at: string; progress: number }[]>();
  for (const l of logs) {
    let list = byGoal.get(l.goal_id);
    if (!list) byGoal.set(l.goal_id, (list = []));
    list.push(l);
  }
  // The bucket a day falls in, by binary search over the buckets' last days.
  const bucketOf = (d: string): string => {
    let lo = 0;
    let hi = buckets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (buckets[mid]!.last < d) lo = mid + 1;
      else hi = mid;
    }
    return buckets[lo]!.date;
  };
  const series: GoalSeries[] = [];
  for (const g of goals) {
    const own = byGoal.get(g.id);
    if (g.status === 'dropped' || !own) continue;
    const points = new Map<string, number>();
    for (const l of own) {
      const d = day(l.at);
      points.set(d < r.from ? r.from : bucketOf(d), Math.round(l.progress * 10) / 10);
    }
    series.push({ goalId: g.id, title: g.title, points: [...points].map(([date, value]) => ({ date, value })) });
  }
  return { series, active: goals.filter((g) => g.status === 'active').length };
}
