import type { goalsContract } from '../../../src-shared/domains/goals/goals.contract';
import type { Dashboard } from '../../../src-shared/domains/goals/goals.schemas';
import type { ServiceOf } from '../../../src-shared/ipc/define';
import { AppError } from '../../../src-shared/ipc/result';
import { addDays, daysBetween } from '../../../src-shared/lib/local-date';
import { buildDashboard } from './goals-analytics-dashboard';
import type { Bucket } from './goals-analytics-dates';
import type { GoalsCore } from './goals-core';
import { createReview } from './goals-review';

type GoalsService = ServiceOf<typeof goalsContract>;

/** What the analytics may use of the other parts (the module passes the whole parts; only these are read). */
export interface AnalyticsDeps {
  plans: { handlers: Pick<GoalsService, 'listPdps' | 'listGoals' | 'getGoal'> };
  habits: { handlers: Pick<GoalsService, 'listHabits'> };
}

/** The default range: the last 90 days up to today. */
export const DEFAULT_DAYS = 90;
/** A range is capped (20 years) so a typo in a year cannot make the dashboard walk millennia of days. */
export const MAX_RANGE_DAYS = 7306;

/**
 * Analytics (dashboard), the weekly review and saving it to the journal. The dashboard reads the goals' tables in bulk
 * (docs/architecture.md#goals-analytics) rather than through the other parts' per-row handlers: 5 years of history
 * must come back in < 200 ms.
 */
export function createAnalytics(core: GoalsCore, _deps: AnalyticsDeps) {
  const review = createReview(core);

  async function dashboard(input: { from?: string; to?: string; bucket: Bucket }): Promise<Dashboard> {
    const today = core.today();
    const to = input.to ?? (input.from && input.from > today ? addDays(input.from, DEFAULT_DAYS - 1) : today);
    const from = input.from ?? addDays(to, -(DEFAULT_DAYS - 1));
    if (from > to) throw new AppError('INVALID_INPUT', 'The range must not end before it starts.');
    if (daysBetween(from, to) >= MAX_RANGE_DAYS) throw new AppError('INVALID_INPUT', 'The range can be at most 20 years.');
    return buildDashboard(core.ctx.db(), { from, to, bucket: input.bucket, today, zone: core.zone() });
  }

  const handlers: Pick<GoalsService, 'dashboard' | 'weeklyReview' | 'saveReview'> = {
    dashboard: (input) => dashboard(input),
    weeklyReview: (input) => review.weekly(input.weekOf),
    saveReview: (input) => review.save(input),
  };
  return { handlers, dashboard };
}
export type GoalsAnalytics = ReturnType<typeof createAnalytics>;
