import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../../src-shared/domains/goals/goals.schemas';
import { align, chartCsv, csvName, rangeInput } from './analytics-data';

const G1 = '01JD0000000000000000000001';
const H1 = '01JD0000000000000000000002';
const dashboard: Dashboard = {
  from: '2026-03-01',
  to: '2026-03-03',
  bucket: 'day',
  completed: [
    { date: '2026-03-01', value: 2 },
    { date: '2026-03-03', value: 1 },
  ],
  created: [
    { date: '2026-03-01', value: 3 },
    { date: '2026-03-02', value: 1 },
  ],
  overdue: [{ date: '2026-03-03', value: 4 }],
  completionRate: 0.75,
  medianDaysToComplete: 2,
  goalProgress: [{ goalId: G1, title: 'Speak Spanish, "B2"', points: [{ date: '2026-03-02', value: 40 }] }],
  habitConsistency: [{ habitId: H1, title: 'Read', consistency: 0.6667 }],
  productivity: { score: 71.5, formula: 'f', points: [{ date: '2026-03-01', value: 70 }] },
  totals: { open: 5, overdue: 4, completedInRange: 3, activeGoals: 1 },
};

describe('analytics data', () => {
  it('turns a preset into an inclusive range ending today, with a readable bucket', () => {
    expect(rangeInput('30d', '2026-03-31')).toEqual({ from: '2026-03-02', to: '2026-03-31', bucket: 'day' });
    expect(rangeInput('1y', '2026-03-31')).toMatchObject({ from: '2025-04-01', bucket: 'week' });
    expect(rangeInput('5y', '2026-03-31', 'day')).toMatchObject({ from: '2021-04-01', bucket: 'day' });
    expect(rangeInput('1y', '2028-02-29').from).toBe('2027-03-01');
  });

  it('aligns series on the union of their dates, null where one has no point', () => {
    expect(align([dashboard.created, dashboard.completed])).toEqual({
      dates: ['2026-03-01', '2026-03-02', '2026-03-03'],
      values: [
        [3, 1, null],
        [2, null, 1],
      ],
    });
  });

  it('writes each chart’s numbers as CSV, named after the chart and range', () => {
    expect(chartCsv.createdVsCompleted(dashboard)).toBe('bucket_start,created,completed\r\n2026-03-01,3,2\r\n2026-03-02,1,0\r\n2026-03-03,0,1\r\n');
    expect(chartCsv.goalProgress(dashboard)).toBe(`goal_id,goal,date,progress_percent\r\n${G1},"Speak Spanish, ""B2""",2026-03-02,40\r\n`);
    expect(chartCsv.habitConsistency(dashboard)).toBe(`habit_id,habit,consistency_percent\r\n${H1},Read,66.7\r\n`);
    expect(chartCsv.overdue(dashboard)).toBe('bucket_end,overdue_open_tasks\r\n2026-03-03,4\r\n');
    expect(csvName('createdVsCompleted', dashboard)).toBe('hearth-goals-created-vs-completed-2026-03-01-to-2026-03-03.csv');
  });
});
