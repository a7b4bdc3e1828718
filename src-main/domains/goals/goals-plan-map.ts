import type { z } from 'zod';
import type { Evidence, Goal, KeyResult, Pdp, ProgressLogEntry } from '../../../src-shared/domains/goals/goals.schemas';
import { keyResultProgress, round1 } from '../../../src-shared/domains/goals/progress';
import type { Evaluated } from './goals-plan-progress';
import type { GoalEvidenceTable, GoalProgressLogTable, GoalTable, KeyResultLogTable, KeyResultTable, PdpTable } from './goals.table';

/** Rows to the contract's shapes (snake_case columns to camelCase fields). */

const parseList = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

export function toPdp(row: PdpTable, goalCount: number, progress: number): Pdp {
  return {
    id: row.id,
    title: row.title,
    vision: row.vision,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    domains: parseList(row.domains),
    reflection: row.reflection,
    goalCount,
    progress: round1(progress),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toGoal(row: GoalTable, e: Evaluated): Goal {
  return {
    id: row.id,
    pdpId: row.pdp_id,
    domain: row.domain,
    title: row.title,
    why: row.why,
    targetDate: row.target_date,
    status: row.status,
    progress: e.breakdown.progress,
    keyResultCount: e.keyResults.length,
    openTasks: e.tasks.open,
    doneTasks: e.tasks.done,
    completedAt: row.completed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toKeyResult(row: KeyResultTable, history: readonly KeyResultLogTable[]): KeyResult {
  const progress = keyResultProgress({
    kind: row.kind,
    startValue: row.start_value,
    targetValue: row.target_value,
    currentValue: row.current_value,
    direction: row.direction,
    done: row.done_at !== null,
  });
  return {
    id: row.id,
    goalId: row.goal_id,
    title: row.title,
    kind: row.kind,
    startValue: row.start_value,
    targetValue: row.target_value,
    currentValue: row.current_value,
    unit: row.unit,
    direction: row.direction,
    dueDate: row.due_date,
    doneAt: row.done_at,
    habitId: row.habit_id,
    progress: round1(progress * 100),
    history: history.map((h) => ({ at: h.at, value: h.value, note: h.note })),
  };
}

export const toLogEntry = (r: GoalProgressLogTable): z.input<typeof ProgressLogEntry> => ({
  id: r.id,
  at: r.at,
  progress: r.progress,
  kind: r.kind,
  note: r.note,
});

export const toEvidence = (r: GoalEvidenceTable): z.input<typeof Evidence> => ({
  id: r.id,
  kind: r.kind,
  refId: r.ref_id,
  title: r.title,
  createdAt: r.created_at,
});
