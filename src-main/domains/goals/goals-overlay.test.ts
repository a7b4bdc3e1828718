import { afterEach, describe, expect, it } from 'vitest';
import { errorOf } from '../../test/helpers';
import { OVERLAY_CAP } from './goals-overlay';
import { setupGoals, type GoalsSetup } from './goals.test-helpers';

let s: GoalsSetup | null = null;
afterEach(async () => {
  await s?.close();
  s = null;
});

describe('calendar overlay', () => {
  it('shows due tasks (each instance of a repeating one), completed ones, milestones and goal target dates in order', async () => {
    s = await setupGoals();
    const g = s.goals;
    const goal = await g.createGoal({ title: 'Speak Spanish', targetDate: '2026-03-31' });
    await g.createGoal({ title: 'Dropped goal', targetDate: '2026-03-20', status: 'dropped' });
    await g.createGoal({ title: 'Later goal', targetDate: '2026-04-30' });
    const exam = await g.createKeyResult({ goalId: goal.id, title: 'Book the exam', kind: 'milestone', dueDate: '2026-03-25' });
    await g.updateKeyResult({ id: exam.id, done: true });
    await g.createKeyResult({ goalId: goal.id, title: 'Words', targetValue: 1000, dueDate: '2026-03-25' }); // numeric: not a milestone

    const call = await g.createTask({ title: 'Call Ana', goalId: goal.id, dueDate: '2026-03-20', dueTime: '15:00', priority: 2 });
    const paid = await g.createTask({ title: 'Pay course', dueDate: '2026-03-18', priority: 1 });
    await g.completeTask({ id: paid.id });
    const lesson = await g.createTask({ title: 'Lesson', dueDate: '2026-03-16', dueTime: '18:00', rrule: 'FREQ=WEEKLY' });
    const gone = await g.createTask({ title: 'Deleted', dueDate: '2026-03-20' });
    await g.deleteTask({ id: gone.id });
    await g.createTask({ title: 'Out of range', dueDate: '2026-04-02' });
    await g.createTask({ title: 'No date' });

    const items = await g.overlay({ from: '2026-03-15', to: '2026-03-31' });
    expect(items.map((i) => [i.date, i.time, i.kind, i.title, i.completed, i.priority])).toEqual([
      ['2026-03-16', '18:00', 'task', 'Lesson', false, 4],
      ['2026-03-18', null, 'task', 'Pay course', true, 1],
      ['2026-03-20', '15:00', 'task', 'Call Ana', false, 2],
      ['2026-03-23', '18:00', 'task', 'Lesson', false, 4],
      ['2026-03-25', null, 'milestone', 'Book the exam', true, null],
      ['2026-03-30', '18:00', 'task', 'Lesson', false, 4],
      ['2026-03-31', null, 'goal', 'Speak Spanish', false, null],
    ]);
    expect(items.find((i) => i.title === 'Call Ana')).toMatchObject({ id: call.id, goalId: goal.id });
    expect(items.filter((i) => i.id === lesson.id)).toHaveLength(3);
    expect(items.find((i) => i.kind === 'milestone')).toMatchObject({ id: exam.id, goalId: goal.id });

    // Completing the repeating task moves it on: the 16th is no longer shown, the 6th of April comes into a wider range.
    await g.completeTask({ id: lesson.id });
    const next = await g.overlay({ from: '2026-03-15', to: '2026-04-10' });
    expect(next.filter((i) => i.id === lesson.id).map((i) => i.date)).toEqual(['2026-03-23', '2026-03-30', '2026-04-06']);
    expect(next.filter((i) => i.kind === 'goal').map((i) => i.title)).toEqual(['Speak Spanish']);
  });

  it('caps the items and refuses bad ranges with typed errors', async () => {
    s = await setupGoals();
    const g = s.goals;
    // 13 daily tasks over 400 days: 5,200 instances, more than the cap.
    for (let i = 0; i < 13; i++) await g.createTask({ title: `Daily ${i}`, dueDate: '2026-03-15', rrule: 'FREQ=DAILY' });
    const items = await g.overlay({ from: '2026-03-15', to: '2027-04-18' });
    expect(items).toHaveLength(OVERLAY_CAP);
    expect(items[0]!.date).toBe('2026-03-15');
    // Sorted before the cap: the earliest days are complete.
    expect(items.filter((i) => i.date === '2026-03-16')).toHaveLength(13);

    for (const range of [
      { from: '2026-03-10', to: '2026-03-01' },
      { from: '2026-01-01', to: '2027-03-01' },
      { from: '2026-02-30', to: '2026-03-01' },
    ]) {
      expect((await errorOf(g.overlay(range))).code).toBe('INVALID_INPUT');
    }
  });
});
