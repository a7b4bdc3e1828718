import { describe, expect, it } from 'vitest';
import type { Goal } from '../../../../src-shared/domains/goals/goals.schemas';
import { groupByDomain } from './board';
import { parseDomains } from './PdpDialog';

let n = 0;
const goal = (over: Partial<Goal>): Goal => ({
  id: `01JD00000000000000000000${String((n += 1)).padStart(2, '0')}`,
  pdpId: null,
  domain: '',
  title: `Goal ${n}`,
  why: '',
  targetDate: null,
  status: 'active',
  progress: 0,
  keyResultCount: 0,
  openTasks: 0,
  doneTasks: 0,
  completedAt: null,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  ...over,
});

describe('goal board', () => {
  it("groups by domain: the plan's domains in its order (empty ones too), other domains, then no domain", () => {
    const goals = [
      goal({ title: 'Loose', domain: '' }),
      goal({ title: 'Spanish B2', domain: 'Languages' }),
      goal({ title: 'Marathon', domain: 'Health' }),
      goal({ title: 'Side project', domain: 'Craft' }),
      goal({ title: 'Art', domain: ' Art ' }),
    ];
    const groups = groupByDomain(goals, ['Health', 'Career', 'Languages']);
    expect(groups.map((g) => [g.domain, g.goals.map((x) => x.title)])).toEqual([
      ['Health', ['Marathon']],
      ['Career', []],
      ['Languages', ['Spanish B2']],
      ['Art', ['Art']],
      ['Craft', ['Side project']],
      ['', ['Loose']],
    ]);
  });

  it('puts active goals first, then on hold, completed and dropped, nearest target date first', () => {
    const goals = [
      goal({ title: 'Dropped', status: 'dropped' }),
      goal({ title: 'Later', targetDate: '2026-12-01' }),
      goal({ title: 'Done', status: 'completed' }),
      goal({ title: 'No date' }),
      goal({ title: 'Soon', targetDate: '2026-04-01' }),
      goal({ title: 'Paused', status: 'on_hold' }),
    ];
    expect(groupByDomain(goals, [])[0]!.goals.map((g) => g.title)).toEqual(['Soon', 'Later', 'No date', 'Paused', 'Done', 'Dropped']);
  });

  it('reads the domains line of the plan form', () => {
    expect(parseDomains(' Career, Health,,career , Health ')).toEqual(['Career', 'Health', 'career']);
    expect(parseDomains('')).toEqual([]);
  });
});
