/**
 * The dashboard's productivity score (docs/architecture.md#goals-analytics). Pure, so the renderer can show the same
 * formula and tests can check it by hand.
 *
 * Each day gets up to three parts, each 0..1:
 * - output: min(1, weighted completions ÷ DAILY_TARGET), a completion weighing more the more urgent its priority
 *   (p1 2.5, p2 2, p3 1.5, p4 1, p5 0.5: (6 − priority) ÷ 2);
 * - habits: the day's due habits that were kept ÷ those due (left out on a day with none due);
 * - on time: completions done on or before their due date ÷ completions that had one (left out without any).
 * The day's score is 100 × the weighted mean of the parts it has (output 0.5, habits 0.3, on time 0.2, the weights
 * re-scaled over the parts present). A day with nothing at all scores 0. The range's score is the mean of its days.
 */

export const DAILY_TARGET = 4;
export const PART_WEIGHTS = { output: 0.5, habits: 0.3, onTime: 0.2 } as const;

/** A completion's weight by priority (1 most urgent … 5 least). */
export function priorityWeight(priority: number): number {
  const p = Math.min(5, Math.max(1, Math.round(priority)));
  return (6 - p) / 2;
}

export interface DayFacts {
  date: string;
  /** Sum of priorityWeight over the day's completions. */
  weighted: number;
  habitsDue: number;
  habitsKept: number;
  /** Completions that had a due date, and those of them done on or before it. */
  withDue: number;
  onTime: number;
}

export interface DayScore {
  date: string;
  /** 0..100, one decimal. */
  value: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** One day's score, 0..100. */
export function dayScore(day: DayFacts): number {
  let sum = PART_WEIGHTS.output * Math.min(1, Math.max(0, day.weighted) / DAILY_TARGET);
  let weights = PART_WEIGHTS.output;
  if (day.habitsDue > 0) {
    sum += PART_WEIGHTS.habits * Math.min(1, day.habitsKept / day.habitsDue);
    weights += PART_WEIGHTS.habits;
  }
  if (day.withDue > 0) {
    sum += PART_WEIGHTS.onTime * Math.min(1, day.onTime / day.withDue);
    weights += PART_WEIGHTS.onTime;
  }
  return (100 * sum) / weights;
}

export interface ProductivityResult {
  /** The mean of the days, 0..100, one decimal; 0 for an empty range. */
  score: number;
  formula: string;
  days: DayScore[];
}

export function productivity(days: readonly DayFacts[]): ProductivityResult {
  const scores = days.map((d) => ({ date: d.date, exact: dayScore(d) }));
  const mean = scores.length ? scores.reduce((a, s) => a + s.exact, 0) / scores.length : 0;
  const score = round1(mean);
  const formula =
    `day = 100 × (0.5 × min(1, weighted completions ÷ ${DAILY_TARGET}) + 0.3 × habits kept ÷ due + 0.2 × on-time ÷ with a due date), ` +
    `weights re-scaled over the parts a day has; p1 weighs 2.5 … p5 0.5; score = mean of ${scores.length} day${scores.length === 1 ? '' : 's'} = ${score}`;
  return { score, formula, days: scores.map((s) => ({ date: s.date, value: round1(s.exact) })) };
}
