import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../lib/local-date';
import { advance, assertTaskRule, firstOnOrAfter, instancesBetween, MAX_INSTANCES, nextDueDate, retreatRule, type RepeatingTask } from './task-repeat';

const task = (rrule: string, dueDate: string, extra: Partial<RepeatingTask> = {}): RepeatingTask => ({
  dueDate,
  dueTime: null,
  zone: 'Europe/Berlin',
  rrule,
  repeatFrom: 'due',
  ...extra,
});

describe('nextDueDate', () => {
  it('moves a daily task to the day after its due date, even when completed late (no skipping, like Todoist)', () => {
    expect(nextDueDate(task('FREQ=DAILY', '2026-03-10'), '2026-03-15')).toBe('2026-03-11');
  });

  it('repeats from completion: "every 3 days" completed on the 10th is due on the 13th', () => {
    expect(nextDueDate(task('FREQ=DAILY;INTERVAL=3', '2026-03-01', { repeatFrom: 'completion' }), '2026-03-10')).toBe('2026-03-13');
    expect(nextDueDate(task('FREQ=DAILY;INTERVAL=3', '2026-03-01'), '2026-03-10')).toBe('2026-03-04');
  });

  it('follows BYDAY in a weekly rule', () => {
    // 2026-03-16 is a Monday.
    const t = task('FREQ=WEEKLY;BYDAY=MO,WE,FR', '2026-03-16');
    expect(nextDueDate(t, '2026-03-16')).toBe('2026-03-18');
    expect(nextDueDate({ ...t, dueDate: '2026-03-20' }, '2026-03-20')).toBe('2026-03-23');
  });

  it('keeps to the 31st in a monthly rule, skipping months without one (RFC 5545)', () => {
    const t = task('FREQ=MONTHLY', '2026-01-31');
    expect(nextDueDate(t, '2026-01-31')).toBe('2026-03-31');
    expect(nextDueDate(task('FREQ=MONTHLY;BYMONTHDAY=-1', '2026-01-31'), '2026-01-31')).toBe('2026-02-28');
  });

  it('is a wall date across a DST change (Europe/Berlin springs forward on 2026-03-29)', () => {
    const t = task('FREQ=DAILY', '2026-03-28', { dueTime: '09:00' });
    expect(nextDueDate(t, '2026-03-28')).toBe('2026-03-29');
    expect(nextDueDate({ ...t, dueDate: '2026-03-29' }, '2026-03-29')).toBe('2026-03-30');
    expect(nextDueDate(task('FREQ=WEEKLY', '2026-10-20', { zone: 'America/New_York' }), '2026-10-20')).toBe('2026-10-27');
  });

  it('ends a COUNT series: COUNT=3 repeats three times in all, then null', () => {
    let t = task('FREQ=DAILY;COUNT=3', '2026-03-01');
    const dates = [t.dueDate];
    for (let step = advance(t, t.dueDate); step; step = advance(t, t.dueDate)) {
      t = { ...t, dueDate: step.dueDate, rrule: step.rrule };
      dates.push(step.dueDate);
    }
    expect(dates).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(nextDueDate(t, t.dueDate)).toBeNull();
  });

  it('gives the COUNT back on uncomplete', () => {
    const t = task('FREQ=WEEKLY;COUNT=4;BYDAY=MO', '2026-03-16');
    const step = advance(t, '2026-03-16');
    expect(step).toEqual({ dueDate: '2026-03-23', rrule: 'FREQ=WEEKLY;COUNT=3;BYDAY=MO' });
    expect(retreatRule({ ...t, ...step }, '2026-03-16', '2026-03-16')).toBe(t.rrule);
  });

  it('ends at UNTIL', () => {
    expect(nextDueDate(task('FREQ=DAILY;UNTIL=20260305', '2026-03-05'), '2026-03-05')).toBeNull();
    expect(nextDueDate(task('FREQ=DAILY;UNTIL=20260305', '2026-03-04'), '2026-03-04')).toBe('2026-03-05');
  });
});

describe('instancesBetween and rule checks', () => {
  it('lists a daily task on each day of a week, and a weekly one once', () => {
    expect(instancesBetween(task('FREQ=DAILY', '2026-03-15'), '2026-03-15', '2026-03-21')).toHaveLength(7);
    expect(instancesBetween(task('FREQ=WEEKLY', '2026-03-15'), '2026-03-15', '2026-03-21')).toEqual(['2026-03-15']);
    expect(instancesBetween(task('FREQ=DAILY', '2026-03-18'), '2026-03-15', '2026-03-19')).toEqual(['2026-03-18', '2026-03-19']);
  });

  it('caps the number of instances', () => {
    expect(instancesBetween(task('FREQ=DAILY', '2000-01-01'), '2000-01-01', '2010-01-01')).toHaveLength(MAX_INSTANCES);
  });

  it('refuses rules the engine cannot read, and sub-daily ones', () => {
    expect(() => assertTaskRule('FREQ=SOMETIMES', '2026-03-15')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => assertTaskRule('FREQ=HOURLY', '2026-03-15')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => assertTaskRule('FREQ=DAILY;INTERVAL=0', '2026-03-15')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => assertTaskRule('FREQ=MONTHLY;BYMONTHDAY=1', '2026-03-15')).not.toThrow();
  });

  it('finds the first date of a rule from a day', () => {
    expect(firstOnOrAfter('FREQ=MONTHLY;BYMONTHDAY=1', '2026-03-15')).toBe('2026-04-01');
    expect(firstOnOrAfter('FREQ=DAILY', '2026-03-15')).toBe('2026-03-15');
  });
});

describe('properties', () => {
  const rules = fc.constantFrom(
    'FREQ=DAILY',
    'FREQ=DAILY;INTERVAL=2',
    'FREQ=WEEKLY;BYDAY=TU,SA',
    'FREQ=MONTHLY;BYMONTHDAY=31',
    'FREQ=MONTHLY;BYDAY=-1FR',
    'FREQ=YEARLY',
  );
  const days = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n));

  it('instances are strictly increasing, and nextDueDate of each is the one after it', () => {
    fc.assert(
      fc.property(rules, days, (rrule, start) => {
        const t = task(rrule, start);
        const first = firstOnOrAfter(rrule, start);
        if (first === null) return;
        const list = instancesBetween({ ...t, dueDate: first }, first, addDays(first, 800));
        for (let i = 1; i < list.length; i++) {
          expect(list[i]! > list[i - 1]!).toBe(true);
          expect(nextDueDate({ ...t, dueDate: list[i - 1]! }, list[i - 1]!)).toBe(list[i]);
        }
      }),
      { numRuns: 40 },
    );
  });
});
