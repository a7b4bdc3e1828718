import type { goalsContract } from '../../../src-shared/domains/goals/goals.contract';
import type { ModuleFactory } from '../../platform/module';
import { createAnalytics } from './goals-analytics';
import { createGoalsCore } from './goals-core';
import { createHabits } from './goals-habits';
import { createGoalsIo } from './goals-io';
import { createOverlay } from './goals-overlay';
import { createPlans } from './goals-plans';
import { createReport } from './goals-report';
import { createTasks } from './goals-tasks';

/** The goals module: its contract's handlers, assembled from the goals' parts over the DomainContext. */
export const createGoalsModule: ModuleFactory<typeof goalsContract> = (ctx) => {
  const core = createGoalsCore(ctx);
  const tasks = createTasks(core);
  const habits = createHabits(core);
  const plans = createPlans(core, { habits });
  const overlay = createOverlay(core);
  const analytics = createAnalytics(core, { plans, habits });
  const io = createGoalsIo(core);
  const report = createReport(core, { plans, analytics });

  return {
    handlers: {
      ...plans.handlers,
      ...tasks.handlers,
      today: async (input) => ({ ...(await tasks.today(input)), habits: await habits.dueOn(input.date ?? core.today()) }),
      ...habits.handlers,
      ...analytics.handlers,
      overlay: (input) => overlay.items(input),
      importPreview: (input) => io.preview(input),
      importCommit: (input) => io.commit(input),
      export: (input) => io.exportAs(input),
      report: (input) => report.pdp(input),
    },
    onLock: () => {
      io.clear();
      habits.clear();
    },
  };
};
