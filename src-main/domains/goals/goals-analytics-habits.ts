import { sql, type Kysely } from 'kysely';
import { habitPeriods, periodStart } from '../../../src-shared/domains/goals/habit-streaks';
import type { Database } from '../../db/database';
import { bucketStart, daysOf } from './goals-analytics-dates';
import { dueDays } from './goals-habit-rules';

export interface HabitKeeping {
  habitId: string;
  title: string;
  period: 'day' | 'week' | 'month';
  /** Due days (a daily habit) or periods (weekly, monthly) in the range, and those on which the target was met. */
  due: number;
  kept: number;
  /** A daily habit's due days, each true when kept (the productivity score's habit part). */
  days: Map<string, boolean>;
}

/** The plain daily rule (the default) needs no engine: every day from the start, the same days the engine gives. */
const everyDay = (from: string, to: string): string[] => (from > to ? [] : daysOf(from, to));

/**
 * How each live, unarchived habit was kept over [from, to], judged up to `today`: a due day (or week, month) that has
 * not ended yet counts only once its target is met, so today does not lower the share before the day is over.
 * The range's check-ins come in one query for all habits.
 */
export async function habitKeeping(db: Kysely<Database>, from: string, to: string, today: string): Promise<HabitKeeping[]> {
  const habits = await db
    .selectFrom('habits')
    .select(['id', 'title', 'rrule', 'period', 'target', 'start_date'])
    .where('deleted_at', 'is', null)
    .where('archived_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('created_at')
    .execute();
  if (habits.length === 0) return [];
  // Weeks and months are judged whole, so read from the start of the month holding `from`.
  const readFrom = bucketStart(bucketStart(from, 'week'), 'month');
  // One row per habit: its check-ins as "date value" pairs in one string, cheaper to split than 10,000 row objects.
  const rows = await sql<{ habit_id: string; days: string }>`SELECT habit_id, group_concat(date || ' ' || value, ',') AS days
    FROM habit_checkins WHERE date >= ${readFrom} AND date <= ${to} GROUP BY habit_id`.execute(db);
  const values = new Map<string, Map<string, number>>();
  for (const r of rows.rows) {
    const m = new Map<string, number>();
    for (const pair of r.days.split(',')) m.set(pair.slice(0, 10), (m.get(pair.slice(0, 10)) ?? 0) + Number(pair.slice(11)));
    values.set(r.habit_id, m);
  }
  const last = to < today ? to : today;
  return habits.map((h) => {
    const own = values.get(h.id) ?? new Map<string, number>();
    const out: HabitKeeping = { habitId: h.id, title: h.title, period: h.period, due: 0, kept: 0, days: new Map() };
    // A week or month reaching into the range is judged whole (G2's rules in habit-streaks.ts: due when the rule has
    // a day in it, kept when its check-ins add up to the target).
    const first = periodStart(from, h.period);
    let due: string[] = [];
    try {
      due =
        first > last
          ? []
          : h.rrule.trim().toUpperCase() === 'FREQ=DAILY'
            ? everyDay(h.start_date > first ? h.start_date : first, last)
            : dueDays(h, first, last);
    } catch {
      // A rule the engine no longer reads (it was checked when saved): the habit shows as never due, the dashboard stays up.
    }
    for (const p of habitPeriods({ period: h.period, target: h.target, dueDays: due, values: own, today })) {
      // The period holding today is still running: it counts once met.
      if (p.current && !p.kept) continue;
      if (h.period === 'day') out.days.set(p.start, p.kept);
      out.due++;
      if (p.kept) out.kept++;
    }
    return out;
  });
}
