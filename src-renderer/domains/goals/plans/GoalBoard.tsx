import { Plus, Target } from 'lucide-react';
import type { Goal } from '../../../../src-shared/domains/goals/goals.schemas';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { groupByDomain } from './board';
import { fmtDay, plural, ProgressBar, StatusBadge } from './goals-ui';

const CARD =
  'flex w-full flex-col gap-2 rounded-lg border border-line bg-surface p-3 text-left shadow-xs hover:border-line-strong hover:bg-hover ' +
  'focus-visible:ring-2 focus-visible:ring-focus focus-visible:outline-none';

/** A plan's goals by domain, as cards with their progress; a card opens the goal. */
export function GoalBoard({ goals, domains, onOpen, onNew }: { goals: Goal[]; domains: string[]; onOpen(goalId: string): void; onNew(domain?: string): void }) {
  if (goals.length === 0 && domains.length === 0) {
    return (
      <EmptyState icon={Target} title="No goals here yet">
        <p>A goal is something you want to reach: give it key results to measure it and tasks to move it forward.</p>
        <Button className="mt-3" variant="primary" icon={Plus} onClick={() => onNew()} data-testid="goal-new-empty">
          New goal
        </Button>
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-5" data-testid="goal-board">
      {groupByDomain(goals, domains).map((group) => (
        <section key={group.domain || '-'} className="flex flex-col gap-2" data-testid="goal-domain-group">
          <div className="flex items-center justify-between gap-2">
            <h3 className="text-[12px] font-semibold tracking-wide text-muted uppercase">{group.domain || 'No domain'}</h3>
            <Button size="sm" variant="ghost" icon={Plus} onClick={() => onNew(group.domain)} aria-label={`New goal in ${group.domain || 'no domain'}`}>
              Goal
            </Button>
          </div>
          {group.goals.length === 0 ? <p className="text-[12px] text-faint">No goals in this domain yet.</p> : null}
          <ul className="grid grid-cols-[repeat(auto-fill,minmax(210px,1fr))] gap-2">
            {group.goals.map((g) => (
              <li key={g.id}>
                <button type="button" onClick={() => onOpen(g.id)} className={CARD} data-testid="goal-card">
                  <span className="flex items-start justify-between gap-2">
                    <span className="min-w-0 text-[13px] font-medium break-words text-text">{g.title}</span>
                    <StatusBadge status={g.status} />
                  </span>
                  <ProgressBar value={g.progress} label={`Progress of ${g.title}`} testId="goal-progress" />
                  <span className="text-[11px] text-faint">
                    {[
                      plural(g.keyResultCount, 'key result'),
                      `${g.doneTasks}/${g.openTasks + g.doneTasks} tasks`,
                      g.targetDate ? `by ${fmtDay(g.targetDate)}` : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
