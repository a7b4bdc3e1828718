import { Compass, Pencil, Plus } from 'lucide-react';
import { useState } from 'react';
import type { Pdp } from '../../../../src-shared/domains/goals/goals.schemas';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { GoalBoard } from './GoalBoard';
import { GoalDetailView } from './GoalDetailView';
import { GoalDialog } from './GoalDialog';
import { useGoalsStore } from '../goals.store';
import { goalsApi } from './goals-api';
import { fmtDay, Loadable, ProgressBar, selectClass } from './goals-ui';
import { PdpDialog } from './PdpDialog';
import { useGoalsQuery } from './useGoalsQuery';

/** The "No plan" choice of the plan picker: goals without a plan. */
const NO_PLAN = '';

/** Development plans with their goal boards, and a goal's detail when one is open. */
export function PlansView() {
  const query = useGoalsQuery(async () => {
    const [pdps, goals] = await Promise.all([goalsApi.listPdps(), goalsApi.listGoals({})]);
    return { pdps, goals };
  }, 'plans');
  const [picked, setPicked] = useState<string | null>(null);
  const [goalId, setGoalId] = useState<string | null>(null);
  // A goal opened from elsewhere (the calendar's milestone or target date) shows until "back" forgets it.
  const openGoal = useGoalsStore((s) => s.openGoal);
  const shownGoal = goalId ?? openGoal;
  const back = () => {
    setGoalId(null);
    useGoalsStore.setState({ openGoal: null });
  };
  const [dialog, setDialog] = useState<{ kind: 'pdp'; pdp: Pdp | null } | { kind: 'goal'; domain?: string } | null>(null);

  return (
    <div className="flex h-full min-h-0 min-w-0 flex-col overflow-y-auto" data-testid="plans-view">
      <Loadable {...query} what="your plans">
        {({ pdps, goals }) => {
          const planId = picked !== null && (picked === NO_PLAN || pdps.some((p) => p.id === picked)) ? picked : (pdps[0]?.id ?? NO_PLAN);
          const plan = pdps.find((p) => p.id === planId) ?? null;
          const planGoals = goals.filter((g) => (g.pdpId ?? NO_PLAN) === planId);
          const looseGoals = goals.filter((g) => g.pdpId === null).length;
          if (shownGoal) {
            return <GoalDetailView goalId={shownGoal} pdps={pdps} onBack={back} />;
          }
          return (
            <div className="flex min-w-0 flex-col gap-4 p-4">
              <div className="flex flex-wrap items-center gap-2">
                <label className={pdps.length === 0 && goals.length === 0 ? 'hidden' : 'flex min-w-0 items-center gap-2 text-[13px] text-muted'}>
                  Plan
                  <select className={`${selectClass} max-w-64`} value={planId} onChange={(e) => setPicked(e.target.value)} data-testid="pdp-select">
                    {pdps.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.title}
                      </option>
                    ))}
                    <option value={NO_PLAN}>{`No plan (${looseGoals})`}</option>
                  </select>
                </label>
                {plan ? (
                  <Button size="sm" icon={Pencil} onClick={() => setDialog({ kind: 'pdp', pdp: plan })} data-testid="pdp-edit">
                    Edit plan
                  </Button>
                ) : null}
                <div className="ml-auto flex gap-2">
                  <Button size="sm" icon={Plus} onClick={() => setDialog({ kind: 'pdp', pdp: null })} data-testid="pdp-new">
                    New plan
                  </Button>
                  <Button size="sm" variant="primary" icon={Plus} onClick={() => setDialog({ kind: 'goal' })} data-testid="goal-new">
                    New goal
                  </Button>
                </div>
              </div>
              {pdps.length === 0 && goals.length === 0 ? (
                <EmptyState icon={Compass} title="No plan yet">
                  <p>A development plan holds your vision and goals for a period: create one, then add goals with key results.</p>
                  <Button className="mt-3" variant="primary" icon={Plus} onClick={() => setDialog({ kind: 'pdp', pdp: null })} data-testid="pdp-new-empty">
                    Create a plan
                  </Button>
                </EmptyState>
              ) : (
                <>
                  {plan ? <PlanSummary plan={plan} /> : <p className="text-[13px] text-muted">Goals that belong to no development plan.</p>}
                  <GoalBoard goals={planGoals} domains={plan?.domains ?? []} onOpen={setGoalId} onNew={(domain) => setDialog({ kind: 'goal', domain })} />
                </>
              )}
            </div>
          );
        }}
      </Loadable>
      {dialog?.kind === 'pdp' ? <PdpDialog pdp={dialog.pdp} onClose={() => setDialog(null)} onSaved={(p) => setPicked(p.id)} /> : null}
      {dialog?.kind === 'goal' && query.data ? (
        <GoalDialog
          goal={null}
          pdps={query.data.pdps}
          defaultPdpId={picked ?? query.data.pdps[0]?.id ?? null}
          defaultDomain={dialog.domain}
          onClose={() => setDialog(null)}
          onSaved={setGoalId}
        />
      ) : null}
    </div>
  );
}

function PlanSummary({ plan }: { plan: Pdp }) {
  const period =
    plan.periodStart || plan.periodEnd ? `${plan.periodStart ? fmtDay(plan.periodStart) : '…'} – ${plan.periodEnd ? fmtDay(plan.periodEnd) : '…'}` : '';
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-3" data-testid="pdp-summary">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="min-w-0 text-[15px] font-semibold break-words text-text">{plan.title}</h2>
        <span className="text-[12px] text-muted">{[period, `${plan.goalCount} goals`].filter(Boolean).join(' · ')}</span>
      </div>
      {plan.vision ? <p className="text-[13px] whitespace-pre-wrap text-text">{plan.vision}</p> : null}
      <ProgressBar value={plan.progress} label={`Progress of ${plan.title}`} testId="pdp-progress" />
      {plan.reflection ? (
        <details className="text-[13px]">
          <summary className="cursor-pointer text-muted">Reflection notes</summary>
          <p className="mt-1 whitespace-pre-wrap text-text">{plan.reflection}</p>
        </details>
      ) : null}
    </div>
  );
}
