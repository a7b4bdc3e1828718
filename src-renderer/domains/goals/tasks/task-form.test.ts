import { describe, expect, it } from 'vitest';
import type { TaskDetail } from '../../../../src-shared/domains/goals/goals.schemas';
import { describeRepeat, presetOf } from './repeat';
import { formOf, formProblem, patchOf, ruleOf } from './task-form';
import { task } from './tasks.test-helpers';

const detail = (over: Partial<TaskDetail> = {}): TaskDetail => ({ ...task(), children: [], history: [], ...over });

describe('task form', () => {
  it('sends nothing for an unchanged form, and only the changed fields otherwise', () => {
    const t = detail({ title: 'Pay rent', tags: ['finance'], dueDate: '2026-04-01', rrule: 'FREQ=MONTHLY;BYMONTHDAY=1', priority: 2 });
    const form = formOf(t);
    expect(form.repeat).toBe('custom');
    expect(patchOf(t, form)).toEqual({});
    expect(patchOf(t, { ...form, title: ' Pay rent now ', tags: 'finance, home', dueTime: '09:00' })).toEqual({
      title: 'Pay rent now',
      tags: ['finance', 'home'],
      dueTime: '09:00',
    });
    expect(patchOf(t, { ...form, repeat: 'none' })).toEqual({ rrule: null });
    expect(patchOf(t, { ...form, dueDate: '', dueTime: '10:00', repeat: 'none' })).toEqual({ dueDate: null, rrule: null });
  });

  it('says why a form cannot be saved', () => {
    const form = formOf(detail({ title: 'x' }));
    expect(formProblem(form)).toBeNull();
    expect(formProblem({ ...form, title: '  ' })).toMatch(/title/);
    expect(formProblem({ ...form, dueTime: '10:00' })).toMatch(/due date/);
    expect(formProblem({ ...form, estimate: '1.5' })).toMatch(/whole number/);
    expect(formProblem({ ...form, repeat: 'custom', customRule: '' })).toMatch(/custom rule/);
    expect(formProblem({ ...form, repeat: 'daily' })).toMatch(/needs a due date/);
    expect(formProblem({ ...form, repeat: 'daily', repeatFrom: 'completion' })).toBeNull();
  });

  it('maps presets to rules and back, and describes rules', () => {
    expect(ruleOf({ repeat: 'weekdays', customRule: '' })).toBe('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
    expect(ruleOf({ repeat: 'custom', customRule: ' RRULE:FREQ=DAILY;INTERVAL=3 ' })).toBe('FREQ=DAILY;INTERVAL=3');
    expect(presetOf('freq=daily')).toBe('daily');
    expect(presetOf(null)).toBe('none');
    expect(describeRepeat('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR')).toBe('Every weekday');
    expect(describeRepeat('FREQ=MONTHLY;BYMONTHDAY=1')).toBe('Every month on the 1st');
    expect(describeRepeat('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH')).toBe('Every 2 weeks on Mon, Thu');
    expect(describeRepeat('FREQ=MONTHLY;BYDAY=-1FR')).toBe('Every month on last Fri');
    expect(describeRepeat('FREQ=YEARLY;COUNT=3')).toBe('Every year (COUNT=3)');
    expect(describeRepeat('nonsense')).toBe('nonsense');
  });
});
