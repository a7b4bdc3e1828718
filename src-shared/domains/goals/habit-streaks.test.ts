import { describe, expect, it } from 'vitest';
import { addDays } from '../../lib/local-date';
import { habitPeriods, periodEnd, periodStart, streaks } from './habit-streaks';

/** Every day from `from` to `to` inclusive. */
const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};
const checked = (...dates: string[]): Map<string, number> => new Map(dates.map((d) => [d, 1]));
const run = (period: 'day' | 'week' | 'month', target: number, dueDays: string[], values: Map<string, number>, today: string) =>
  streaks(habitPeriods({ period, target, dueDays, values, today }));

describe('habit periods', () => {
  it('finds ISO weeks and months, leap February included', () => {
    expect(periodStart('2026-03-15', 'week')).toBe('2026-03-09');
    expect(periodEnd('2026-03-15', 'week')).toBe('2026-03-15');
    expect(periodStart('2024-02-17', 'month')).toBe('2024-02-01');
    expect(periodEnd('2024-02-17', 'month')).toBe('2024-02-29');
    expect(periodEnd('2026-12-03', 'month')).toBe('2026-12-31');
  });
});

describe('habit streaks', () => {
  it('counts a daily habit done every day, today included', () => {
    expect(run('day', 1, days('2026-03-01', '2026-03-10'), checked(...days('2026-03-01', '2026-03-10')), '2026-03-10')).toEqual({ current: 10, best: 10 });
  });

  it('keeps yesterday’s streak while today is not done yet, and a missed day breaks it', () => {
    const v = checked(...days('2026-03-01', '2026-03-03'), ...days('2026-03-05', '2026-03-09'));
    expect(run('day', 1, days('2026-03-01', '2026-03-10'), v, '2026-03-10')).toEqual({ current: 5, best: 5 });
    // The next day, the 10th was missed: the streak is broken.
    expect(run('day', 1, days('2026-03-01', '2026-03-11'), v, '2026-03-11')).toEqual({ current: 0, best: 5 });
  });

  it('counts only due days (Mon, Wed, Fri) and needs the target value on each', () => {
    const due = ['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09', '2026-03-11'];
    const v = new Map([
      ['2026-03-02', 20],
      ['2026-03-03', 5], // not a due day: neither keeps nor breaks
      ['2026-03-04', 25],
      ['2026-03-06', 19], // below the target of 20
      ['2026-03-09', 20],
      ['2026-03-11', 30],
    ]);
    expect(run('day', 20, due, v, '2026-03-11')).toEqual({ current: 2, best: 2 });
  });

  it('keeps a 3-times-a-week habit by the week’s sum, and the running week only counts once kept', () => {
    const due = days('2026-02-23', '2026-03-18'); // FREQ=DAILY: any day counts
    const v = checked('2026-02-23', '2026-02-25', '2026-02-27', '2026-03-02', '2026-03-03', '2026-03-08', '2026-03-09', '2026-03-16');
    const periods = habitPeriods({ period: 'week', target: 3, dueDays: due, values: v, today: '2026-03-18' });
    expect(periods.map((p) => [p.start, p.value, p.kept, p.current])).toEqual([
      ['2026-02-23', 3, true, false],
      ['2026-03-02', 3, true, false],
      ['2026-03-09', 1, false, false],
      ['2026-03-16', 1, false, true],
    ]);
    expect(streaks(periods)).toEqual({ current: 0, best: 2 });
    // Without the missed week, the running week not yet kept leaves the streak at 2.
    const kept = new Map([...v, ['2026-03-10', 1], ['2026-03-11', 1]]);
    expect(run('week', 3, due, kept, '2026-03-18')).toEqual({ current: 3, best: 3 });
    expect(run('week', 3, due, new Map([...kept, ['2026-03-17', 2]]), '2026-03-18')).toEqual({ current: 4, best: 4 });
  });

  it('keeps a monthly target by the month’s sum', () => {
    const due = days('2026-01-01', '2026-03-15');
    const v = new Map([
      ['2026-01-10', 6],
      ['2026-01-20', 4],
      ['2026-02-28', 10],
    ]);
    expect(run('month', 10, due, v, '2026-03-15')).toEqual({ current: 2, best: 2 });
    // Once March is over without its 10, the streak is broken.
    expect(run('month', 10, days('2026-01-01', '2026-04-01'), v, '2026-04-01')).toEqual({ current: 0, best: 2 });
  });

  it('is zero with no due days and counts nothing after today', () => {
    expect(run('day', 1, [], new Map(), '2026-03-10')).toEqual({ current: 0, best: 0 });
    expect(habitPeriods({ period: 'day', target: 1, dueDays: ['2026-03-10', '2026-03-11'], values: checked('2026-03-11'), today: '2026-03-10' })).toHaveLength(
      1,
    );
  });
});
