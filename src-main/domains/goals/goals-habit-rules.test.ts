import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDay, epochDay } from '../../../src-shared/domains/goals/habit-streaks';
import { expand } from '../../../src-shared/lib/recurrence';
import { cycleOf, dueDays, dueDayNumbers } from './goals-habit-rules';

const DAY_MS = 86_400_000;
/** The engine's answer, straight: every instance of the rule from the start date over [from, to]. */
function engine(start: string, rrule: string, from: number, to: number): number[] {
  const spec = { start: { kind: 'date' as const, date: start }, durationMs: DAY_MS, rrules: [rrule], rdates: [], exdates: [] };
  return expand(spec, { fromMs: from * DAY_MS, toMs: (to + 1) * DAY_MS }, { viewerZone: 'UTC', limit: 100_000, maxIterations: 1_000_000 }).map((o) =>
    Math.round(o.startMs / DAY_MS),
  );
}

describe('habit due days', () => {
  it('reads the cycle of the rules that repeat exactly, and no other', () => {
    expect(cycleOf('FREQ=DAILY')).toBe(1);
    expect(cycleOf('FREQ=DAILY;INTERVAL=3')).toBe(3);
    expect(cycleOf('FREQ=DAILY;INTERVAL=3;BYDAY=MO')).toBe(21);
    expect(cycleOf('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;WKST=SU')).toBe(14);
    for (const r of [
      'FREQ=MONTHLY',
      'FREQ=DAILY;COUNT=5',
      'FREQ=WEEKLY;UNTIL=20260101',
      'FREQ=WEEKLY;BYDAY=1MO',
      'FREQ=DAILY;BYMONTH=2',
      'FREQ=DAILY;INTERVAL=0',
    ]) {
      expect(cycleOf(r)).toBeNull();
    }
  });

  it('gives Mon/Wed/Fri from the start date on, the start itself only when the rule has it', () => {
    expect(dueDays({ start_date: '2026-03-01', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR' }, '2026-02-20', '2026-03-09')).toEqual([
      '2026-03-02',
      '2026-03-04',
      '2026-03-06',
      '2026-03-09',
    ]);
  });

  it('matches the engine for random daily and weekly rules over years, far past the template (property)', () => {
    const weekday = fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU');
    const rule = fc
      .record({
        freq: fc.constantFrom('DAILY', 'WEEKLY'),
        interval: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
        byday: fc.option(fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }), { nil: undefined }),
        wkst: fc.option(weekday, { nil: undefined }),
      })
      .map((r) =>
        [`FREQ=${r.freq}`, r.interval && `INTERVAL=${r.interval}`, r.byday && `BYDAY=${r.byday.join(',')}`, r.wkst && `WKST=${r.wkst}`]
          .filter(Boolean)
          .join(';'),
      );
    fc.assert(
      fc.property(rule, fc.integer({ min: epochDay('2000-01-01'), max: epochDay('2030-12-31') }), fc.integer({ min: 0, max: 900 }), (rrule, s, skip) => {
        const start = dateOfDay(s);
        const from = s + skip;
        const to = from + 500;
        expect(cycleOf(rrule)).not.toBeNull();
        expect(dueDayNumbers({ start_date: start, rrule }, from, to)).toEqual(engine(start, rrule, from, to));
      }),
      { numRuns: 60 },
    );
  });

  it('leaves other rules to the engine (a BYMONTHDAY rule, a COUNT)', () => {
    const monthly = { start_date: '2026-01-31', rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1' };
    expect(dueDays(monthly, '2026-01-01', '2026-04-30')).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(dueDays({ start_date: '2026-03-02', rrule: 'FREQ=DAILY;COUNT=3' }, '2026-03-01', '2026-03-31')).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
  });
});
