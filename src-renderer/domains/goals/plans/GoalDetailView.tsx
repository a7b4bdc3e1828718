import { ArrowLeft, Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { Pdp } from '../../../../src-shared/domains/goals/goals.schemas';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { EvidenceSection } from './EvidenceSection';
import { GoalDialog } from './GoalDialog';
import { goalsApi } from './goals-api';
import { fmtDay, Loadable, ProgressBar, Section, StatusBadge } from './goals-ui';
import { KeyResultsSection } from './KeyResultsSection';
import { LinkedTasks } from './LinkedTasks';
import { ProgressLogSection } from './ProgressLogSection';
import { useAction, useGoalsQuery } from './useGoalsQuery';

/** One goal: why, progress with the formula it came from, key results, linked tasks, progress log and evidence. */
export function GoalDetailView({ goalId, pdps, onBack }: { goalId: string; pdps: Pdp[]; onBack(): void }) {
  const query = useGoalsQuery(async () => {
    const [goal, tasks] = await Promise.all([goalsApi.getGoal({ id: goalId }), goalsApi.listTasks({ filter: { goalId, includeCompleted: true } })]);
    return { goal, tasks };
  }, goalId);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const del = useAction();
  const remove = (id: string) =>
    del.run(async () => {
      await goalsApi.deleteGoal({ id });
      onBack();
    });

  return (
    <div className="flex min-w-0 flex-col gap-4 p-4" data-testid="goal-detail">
      <div>
        <Button size="sm" variant="ghost" icon={ArrowLeft} onClick={onBack} data-testid="goal-back">
          All goals
        </Button>
      </div>
      <Loadable {...query} what="the goal">
        {({ goal, tasks }) => (
          <>
            <header className="flex flex-wrap items-start gap-2">
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <div className="flex flex-wrap items-center gap-2">
                  <h2 className="min-w-0 text-lg font-semibold break-words text-text" data-testid="goal-detail-title">
                    {goal.title}
                  </h2>
                  <StatusBadge status={goal.status} />
                </div>
                <p className="text-[12px] text-muted">
                  {[
                    pdps.find((p) => p.id === goal.pdpId)?.title ?? 'No plan',
                    goal.domain || 'No domain',
                    goal.targetDate ? `target ${fmtDay(goal.targetDate)}` : 'no target date',
                  ].join(' · ')}
                </p>
              </div>
              <Button size="sm" icon={Pencil} onClick={() => setEditing(true)} data-testid="goal-edit">
                Edit
              </Button>
              <Button
                size="sm"
                variant="danger-outline"
                icon={Trash2}
                busy={del.busy}
                onClick={() => (confirmDelete ? void remove(goal.id) : setConfirmDelete(true))}
                data-testid="goal-delete"
              >
                {confirmDelete ? 'Delete for good' : 'Delete'}
              </Button>
            </header>
            {confirmDelete ? <Callout tone="warning">Its key results, log and evidence go with it; its tasks stay, without a goal.</Callout> : null}
            {del.error ? <Callout tone="danger">{del.error}</Callout> : null}
            {goal.why ? <p className="text-[13px] whitespace-pre-wrap text-text">{goal.why}</p> : null}
            <Section title="Progress">
              <ProgressBar value={goal.breakdown.progress} label={`Progress of ${goal.title}`} testId="goal-detail-progress" />
              <p className="text-[12px] text-muted" data-testid="goal-formula">
                {goal.breakdown.formula}
              </p>
            </Section>
            <KeyResultsSection goalId={goal.id} keyResults={goal.keyResults} />
            <LinkedTasks tasks={tasks} />
            <ProgressLogSection goalId={goal.id} entries={goal.progressLog} />
            <EvidenceSection goalId={goal.id} evidence={goal.evidence} />
            {editing ? <GoalDialog goal={goal} pdps={pdps} defaultPdpId={goal.pdpId} onClose={() => setEditing(false)} /> : null}
          </>
        )}
      </Loadable>
    </div>
  );
}
