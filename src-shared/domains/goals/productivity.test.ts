import { describe, expect, it } from 'vitest';
import { dayScore, priorityWeight, productivity, type DayFacts } from './productivity';

const day = (over: Partial<DayFacts> = {}): DayFacts => ({ date: '2026-03-02', weighted: 0, habitsDue: 0, habitsKept: 0, withDue: 0, onTime: 0, ...over });

describe('productivity score', () => {
  it('weighs a completion by its priority, 1 the most urgent', () => {
    expect([1, 2, 3, 4, 5].map(priorityWeight)).toEqual([2.5, 2, 1.5, 1, 0.5]);
    // Out-of-range priorities are clamped, not trusted.
    expect(priorityWeight(0)).toBe(2.5);
    expect(priorityWeight(9)).toBe(0.5);
  });

  it('scores output alone when no habit was due and nothing had a due date', () => {
    expect(dayScore(day())).toBe(0);
    expect(dayScore(day({ weighted: 2 }))).toBe(50);
    expect(dayScore(day({ weighted: 4 }))).toBe(100);
    // Output is capped: a very busy day cannot make up for others beyond 100.
    expect(dayScore(day({ weighted: 40 }))).toBe(100);
  });

  it('blends habits and on-time share with weights re-scaled over the parts present', () => {
    // output 0.5 × 0.5 + habits 0.3 × 1 = 0.55 over weights 0.8 → 68.75
    expect(dayScore(day({ weighted: 2, habitsDue: 2, habitsKept: 2 }))).toBeCloseTo(68.75, 10);
    // output 1 × 0.5 + habits 0.3 × 0.5 + on time 0.2 × 0 = 0.65 over 1.0 → 65
    expect(dayScore(day({ weighted: 4, habitsDue: 2, habitsKept: 1, withDue: 3, onTime: 0 }))).toBeCloseTo(65, 10);
    // on time only besides output: 0.5 × 0.25 + 0.2 × 1 = 0.325 over 0.7
    expect(dayScore(day({ weighted: 1, withDue: 1, onTime: 1 }))).toBeCloseTo((100 * 0.325) / 0.7, 10);
  });

  it('is the mean of the days, with the formula naming the parts and the result', () => {
    const r = productivity([day({ weighted: 4 }), day({ date: '2026-03-03' }), day({ date: '2026-03-04', weighted: 2 })]);
    expect(r.score).toBe(50);
    expect(r.days.map((d) => d.value)).toEqual([100, 0, 50]);
    expect(r.formula).toContain('weighted completions ÷ 4');
    expect(r.formula).toContain('mean of 3 days = 50');
    expect(productivity([]).score).toBe(0);
  });
});
