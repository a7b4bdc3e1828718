import type { Kysely } from 'kysely';
import type { goalsContract } from '../../../src-shared/domains/goals/goals.contract';
import type { ServiceOf } from '../../../src-shared/ipc/define';
import type { Database } from '../../db/database';
import type { GoalsCore } from './goals-core';
import type { HabitsPart } from './goals-habits';
import { createEvidence } from './goals-plan-evidence';
import { createGoals } from './goals-plan-goals';
import { createKeyResults } from './goals-plan-krs';
import { createPdps } from './goals-plan-pdps';
import { createProgress, type Evaluated } from './goals-plan-progress';
import type { GoalTable } from './goals.table';

type PlanOps =
  | 'listPdps'
  | 'createPdp'
  | 'updatePdp'
  | 'deletePdp'
  | 'listGoals'
  | 'getGoal'
  | 'createGoal'
  | 'updateGoal'
  | 'deleteGoal'
  | 'logProgress'
  | 'addEvidence'
  | 'removeEvidence'
  | 'createKeyResult'
  | 'updateKeyResult'
  | 'deleteKeyResult';

/**
 * Plans, goals, key results, evidence and goal progress (docs/architecture.md#goals-progress).
 * `habits` is the habits part: a key result linked to a habit counts its check-ins (read through the same tables).
 */
export function createPlans(core: GoalsCore, deps: { habits: HabitsPart }) {
  void deps.habits; // Linked key results read check-ins through goals-habit-rules' sumCheckins, in the same transaction.
  const progress = createProgress(core);
  const pdps = createPdps(core, progress);
  const goals = createGoals(core, progress);
  const krs = createKeyResults(core, progress, goals);
  const evidence = createEvidence(core, goals);

  const handlers: Pick<ServiceOf<typeof goalsContract>, PlanOps> = {
    listPdps: () => pdps.list(),
    createPdp: (input) => pdps.create(input),
    updatePdp: (input) => pdps.update(input),
    deletePdp: ({ id }) => pdps.remove(id),
    listGoals: (input) => goals.list(input),
    getGoal: ({ id }) => goals.detail(id),
    createGoal: (input) => goals.create(input),
    updateGoal: (input) => goals.update(input),
    deleteGoal: ({ id }) => goals.remove(id),
    logProgress: (input) => goals.logProgress(input),
    addEvidence: (input) => evidence.add(input),
    removeEvidence: ({ id }) => evidence.remove(id),
    createKeyResult: (input) => krs.create(input),
    updateKeyResult: (input) => krs.update(input),
    deleteKeyResult: ({ id }) => krs.remove(id),
  };

  return {
    handlers,
    /**
     * Records an 'auto' progress entry for each goal whose computed progress changed: call inside any write that changes
     * a goal's linked tasks (completeTask, uncompleteTask, a task's goal or deletion), with the goal ids touched.
     */
    recordProgress: (goalIds: readonly string[], trx: Kysely<Database>): Promise<void> => progress.recordProgress(goalIds, trx),
    /** Progress (with its breakdown), live key results and task counts of goal rows (analytics, the PDF report). */
    evaluate: (goals: readonly GoalTable[], db?: Kysely<Database>): Promise<Map<string, Evaluated>> => progress.evaluate(db ?? core.ctx.db(), goals),
    /** The goal detail as getGoal returns it. */
    goalDetail: (id: string) => goals.detail(id),
  };
}
export type PlansPart = ReturnType<typeof createPlans>;
