import type { Goal } from '../../../../src-shared/domains/goals/goals.schemas';

export interface DomainGroup {
  domain: string;
  goals: Goal[];
}

/**
 * Goals grouped by domain: the plan's domains first in the plan's order (empty ones too, so "New goal" can go
 * there), then any other domain alphabetically, then goals without a domain last.
 */
export function groupByDomain(goals: readonly Goal[], planDomains: readonly string[]): DomainGroup[] {
  const byDomain = new Map<string, Goal[]>();
  for (const d of planDomains) byDomain.set(d, []);
  for (const g of goals) {
    const key = g.domain.trim();
    const list = byDomain.get(key) ?? [];
    list.push(g);
    byDomain.set(key, list);
  }
  const planned = planDomains.filter((d) => byDomain.has(d));
  const others = [...byDomain.keys()].filter((d) => d !== '' && !planDomains.includes(d)).sort((a, b) => a.localeCompare(b));
  const order = [...planned, ...others, ...(byDomain.has('') ? [''] : [])];
  return order.map((domain) => ({ domain, goals: sortGoals(byDomain.get(domain) ?? []) }));
}

const STATUS_ORDER = { active: 0, on_hold: 1, completed: 2, dropped: 3 } as const;

/** Active goals first, then on hold, completed, dropped; within a status the nearest target date first. */
export function sortGoals(goals: readonly Goal[]): Goal[] {
  return [...goals].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999') || a.title.localeCompare(b.title),
  );
}
