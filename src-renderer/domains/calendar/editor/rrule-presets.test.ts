import { describe, expect, it } from 'vitest';
import { describeRule, presetOf, presetOptions, presetRule, rruleProblem } from './rrule-presets';

// Tuesday 10 March 2026 is the second Tuesday of the month; Tuesday 31 March is the fifth (the last).
describe('repeat presets', () => {
  it('derives each rule from the start date and reads it back as the same preset', () => {
    const date = '2026-03-10';
    expect(presetRule('weekly', date)).toBe('FREQ=WEEKLY;BYDAY=TU');
    expect(presetRule('monthly-day', date)).toBe('FREQ=MONTHLY;BYMONTHDAY=10');
    expect(presetRule('monthly-nth', date)).toBe('FREQ=MONTHLY;BYDAY=2TU');
    expect(presetRule('monthly-nth', '2026-03-31')).toBe('FREQ=MONTHLY;BYDAY=-1TU');
    for (const { id } of presetOptions(date)) {
      if (id === 'custom') continue;
      expect(presetOf(presetRule(id, date), date)).toBe(id);
    }
  });

  it('labels the menu for the date and calls other rules custom', () => {
    const labels = presetOptions('2026-03-10').map((o) => o.label);
    expect(labels).toContain('Weekly on Tuesday');
    expect(labels).toContain('Monthly on the second Tuesday');
    expect(presetOf('FREQ=WEEKLY;BYDAY=TU', '2026-03-11')).toBe('custom');
    expect(presetOf('freq=daily', '2026-03-11')).toBe('daily');
    expect(describeRule('FREQ=WEEKLY;INTERVAL=2', '2026-03-11')).toBe('FREQ=WEEKLY;INTERVAL=2');
    expect(describeRule('FREQ=YEARLY', '2026-03-11')).toBe('Yearly');
  });

  it('explains what is wrong with a custom rule', () => {
    expect(rruleProblem('FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10')).toBeNull();
    expect(rruleProblem('RRULE:freq=monthly;byday=-1fr')).toBeNull();
    expect(rruleProblem('')).toMatch(/Type a rule/);
    expect(rruleProblem('BYDAY=MO')).toMatch(/needs FREQ/);
    expect(rruleProblem('FREQ=FORTNIGHTLY')).toMatch(/not a frequency/);
    expect(rruleProblem('FREQ=DAILY;COUNT=3;UNTIL=20260101')).toMatch(/not both/);
    expect(rruleProblem('FREQ=DAILY;BYDAY=XX')).toMatch(/not a valid value/);
    expect(rruleProblem('FREQ=DAILY;COLOR=RED')).toMatch(/not an RRULE part/);
    expect(rruleProblem('FREQ=DAILY;FREQ=WEEKLY')).toMatch(/twice/);
    expect(rruleProblem('FREQ=DAILY;INTERVAL')).toMatch(/NAME=VALUE/);
  });
});
