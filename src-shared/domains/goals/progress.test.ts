import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goalProgress, keyResultProgress, type KeyResultLike } from './progress';

const numeric = (startValue: number, targetValue: number, currentValue: number, direction: 'increase' | 'decrease' = 'increase'): KeyResultLike => ({
  title: 'KR',
  kind: 'numeric',
  startValue,
  targetValue,
  currentValue,
  direction,
  done: false,
});
const milestone = (done: boolean): KeyResultLike => ({
  title: 'Ship',
  kind: 'milestone',
  startValue: 0,
  targetValue: 1,
  currentValue: 0,
  direction: 'increase',
  done,
});

describe('keyResultProgress', () => {
  it('is the share of the way from start to target, clamped', () => {
    expect(keyResultProgress(numeric(0, 10, 4))).toBe(0.4);
    expect(keyResultProgress(numeric(0, 10, 15))).toBe(1);
    expect(keyResultProgress(numeric(0, 10, -3))).toBe(0);
  });

  it('handles a decrease: 80 kg to 70 kg at 75 kg is half way', () => {
    expect(keyResultProgress(numeric(80, 70, 75, 'decrease'))).toBe(0.5);
    expect(keyResultProgress(numeric(80, 70, 82, 'decrease'))).toBe(0);
    expect(keyResultProgress(numeric(80, 70, 68, 'decrease'))).toBe(1);
  });

  it('with start equal to target, is done once the current value reaches it from the right side', () => {
    expect(keyResultProgress(numeric(5, 5, 4))).toBe(0);
    expect(keyResultProgress(numeric(5, 5, 5))).toBe(1);
    expect(keyResultProgress(numeric(5, 5, 4, 'decrease'))).toBe(1);
    expect(keyResultProgress(numeric(5, 5, 6, 'decrease'))).toBe(0);
  });

  it('reads a milestone as 0 or 1', () => {
    expect(keyResultProgress(milestone(false))).toBe(0);
    expect(keyResultProgress(milestone(true))).toBe(1);
  });
});

describe('goalProgress', () => {
  it('is the mean of the key results and the tasks as one part, with the formula in words', () => {
    const r = goalProgress({ status: 'active', keyResults: [numeric(0, 10, 4), numeric(0, 5, 4)], tasks: { open: 1, done: 3 } });
    expect(r.progress).toBe(65);
    expect(r.parts).toEqual([
      { label: 'KR', progress: 40 },
      { label: 'KR', progress: 80 },
      { label: 'Tasks (3 of 4 done)', progress: 75 },
    ]);
    expect(r.formula).toBe('mean of 2 key results (40 %, 80 %) and one-off tasks (3 of 4 done, 75 %) = 65 %');
  });

  it('uses tasks alone, key results alone, and rounds the mean to one decimal', () => {
    expect(goalProgress({ status: 'active', keyResults: [], tasks: { open: 2, done: 1 } })).toMatchObject({
      progress: 33.3,
      formula: 'mean of one-off tasks (1 of 3 done, 33.3 %) = 33.3 %',
    });
    expect(goalProgress({ status: 'on_hold', keyResults: [milestone(true), milestone(false), milestone(false)], tasks: { open: 0, done: 0 } }).progress).toBe(
      33.3,
    );
  });

  it('shows 100 for a completed goal, and the last manual value (or 0) for a goal with no parts', () => {
    expect(goalProgress({ status: 'completed', keyResults: [numeric(0, 10, 1)], tasks: { open: 3, done: 0 } })).toMatchObject({
      progress: 100,
      formula: 'completed goal = 100 %',
    });
    expect(goalProgress({ status: 'active', keyResults: [], tasks: { open: 0, done: 0 }, manual: 30 })).toMatchObject({ progress: 30 });
    expect(goalProgress({ status: 'active', keyResults: [], tasks: { open: 0, done: 0 }, manual: null })).toMatchObject({ progress: 0 });
    // A dropped goal keeps its computed progress.
    expect(goalProgress({ status: 'dropped', keyResults: [numeric(0, 10, 5)], tasks: { open: 0, done: 0 } }).progress).toBe(50);
  });

  const kr = fc.record({
    title: fc.string({ maxLength: 5 }),
    kind: fc.constantFrom('numeric' as const, 'milestone' as const),
    startValue: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    targetValue: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    currentValue: fc.double({ min: -1e7, max: 1e7, noNaN: true }),
    direction: fc.constantFrom('increase' as const, 'decrease' as const),
    done: fc.boolean(),
  });

  it('always lies in 0..100, as does every part (property)', () => {
    fc.assert(
      fc.property(
        fc.array(kr, { maxLength: 6 }),
        fc.nat(50),
        fc.nat(50),
        fc.constantFrom('active' as const, 'on_hold' as const, 'completed' as const, 'dropped' as const),
        (keyResults, open, done, status) => {
          const r = goalProgress({ status, keyResults, tasks: { open, done } });
          expect(r.progress).toBeGreaterThanOrEqual(0);
          expect(r.progress).toBeLessThanOrEqual(100);
          for (const p of r.parts) expect(p.progress >= 0 && p.progress <= 100).toBe(true);
        },
      ),
    );
  });

  it('never falls when an increasing key result’s current value rises (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: -2e6, max: 2e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (start, span, current, step) => {
          const a = numeric(start, start + span, current);
          const b = numeric(start, start + span, current + step);
          expect(keyResultProgress(b)).toBeGreaterThanOrEqual(keyResultProgress(a));
          const g = (k: KeyResultLike) => goalProgress({ status: 'active', keyResults: [k, milestone(false)], tasks: { open: 1, done: 1 } }).progress;
          expect(g(b)).toBeGreaterThanOrEqual(g(a));
        },
      ),
    );
  });
});
