import { describe, expect, it } from 'vitest';
import { expand } from '../../../../src-shared/lib/recurrence';
import { describeSchedule, heatStart, heatWeeks, rruleToSchedule, scheduleToRrule, type Schedule } from './habit-schedule';

/** The days a rule falls on in the two weeks from Monday 2026-03-02, read by the shared recurrence engine. */
function daysOf(rrule: string): string[] {
  const spec = { start: { kind: 'date' as const, date: '2026-03-02' }, durationMs: 86_400_000, rrules: [rrule], rdates: [], exdates: [] };
  const from = Date.parse('2026-03-02T00:00:00Z');
  return expand(spec, { fromMs: from, toMs: from + 14 * 86_400_000 }, { viewerZone: 'UTC' }).map((o) => (o.start.kind === 'date' ? o.start.date : '?'));
}

describe('habit schedules', () => {
  it('write rules the shared recurrence engine expands to the chosen days', () => {
    expect(daysOf(scheduleToRrule({ kind: 'daily' }))).toHaveLength(14);
    const weekdays = daysOf(scheduleToRrule({ kind: 'weekdays' }));
    expect(weekdays).toHaveLength(10);
    expect(weekdays).not.toContain('2026-03-07'); // Saturday
    expect(weekdays).not.toContain('2026-03-08'); // Sunday
    expect(daysOf(scheduleToRrule({ kind: 'days', days: [5, 1, 3, 3] }))).toEqual([
      '2026-03-02',
      '2026-03-04',
      '2026-03-06',
      '2026-03-09',
      '2026-03-11',
      '2026-03-13',
    ]);
  });

  it('read their own rules back, and refuse rules the presets cannot show', () => {
    const cases: Schedule[] = [{ kind: 'daily' }, { kind: 'weekdays' }, { kind: 'days', days: [2, 6, 7] }];
    for (const s of cases) expect(rruleToSchedule(scheduleToRrule(s))).toEqual(s);
    expect(rruleToSchedule('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU')).toEqual({ kind: 'daily' });
    expect(rruleToSchedule('RRULE:FREQ=DAILY;INTERVAL=1')).toEqual({ kind: 'daily' });
    expect(rruleToSchedule('FREQ=DAILY;INTERVAL=2')).toBeNull();
    expect(rruleToSchedule('FREQ=MONTHLY;BYMONTHDAY=1')).toBeNull();
    expect(rruleToSchedule('FREQ=WEEKLY;BYDAY=1MO')).toBeNull();
    // No day at all, or all seven chosen, is every day.
    expect(scheduleToRrule({ kind: 'days', days: [] })).toBe('FREQ=DAILY');
    expect(scheduleToRrule({ kind: 'days', days: [1, 2, 3, 4, 5, 6, 7] })).toBe('FREQ=DAILY');
  });

  it('are described in words, and an unknown rule as it is', () => {
    expect(describeSchedule('FREQ=DAILY')).toBe('Every day');
    expect(describeSchedule('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR')).toBe('Mon–Fri');
    expect(describeSchedule('FREQ=WEEKLY;BYDAY=SA,MO')).toBe('Mon, Sat');
    expect(describeSchedule('FREQ=MONTHLY;BYMONTHDAY=1')).toBe('FREQ=MONTHLY;BYMONTHDAY=1');
  });
});

describe('habit heat-map', () => {
  it('lays out whole weeks, Monday on top, ending with the week of today, and levels by share of the target', () => {
    // Wednesday 2026-03-18: the last column runs Monday 16 to Sunday 22; 19–22 are after today.
    const days = [
      { date: '2026-03-16', value: 8, due: true },
      { date: '2026-03-17', value: 2, due: true },
      { date: '2026-03-18', value: 20, due: true },
      { date: '2026-03-02', value: 4, due: false },
    ];
    const weeks = heatWeeks(days, '2026-03-18', 3, 8);
    expect(weeks).toHaveLength(3);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0]![0]!.date).toBe('2026-03-02');
    expect(heatStart('2026-03-18', 3)).toBe('2026-03-02');
    expect(weeks[0]![0]).toMatchObject({ value: 4, level: 2, due: false });
    const last = weeks[2]!;
    expect(last.map((d) => d.level)).toEqual([4, 1, 4, -1, -1, -1, -1]);
    expect(weeks[1]!.every((d) => d.level === 0)).toBe(true);
  });
});
