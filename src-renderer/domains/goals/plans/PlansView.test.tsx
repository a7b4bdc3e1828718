// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GoalDetail, Habit, Pdp } from '../../../../src-shared/domains/goals/goals.schemas';
import { AppError } from '../../../../src-shared/ipc/result';
import { fake } from '../../../api/fake-client';
import { HabitsView } from '../habits/HabitsView';
import { PlansView } from './PlansView';

vi.mock('../../../api/client', async () => (await import('../../../api/fake-client')).fakeClientModule);

Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', true);
const P = '01JD0000000000000000000001';
const G = '01JD0000000000000000000002';
const K = '01JD0000000000000000000003';
const H = '01JD0000000000000000000004';
const T = '2026-03-01T09:00:00.000Z';

const pdp: Pdp = {
  id: P,
  title: '2026 growth',
  vision: 'Speak, run, ship',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  domains: ['Languages', 'Health'],
  reflection: '',
  goalCount: 1,
  progress: 40,
  createdAt: T,
  updatedAt: T,
};
const detail = (current: number): GoalDetail => ({
  id: G,
  pdpId: P,
  domain: 'Languages',
  title: 'Spanish B2',
  why: 'Talk to Ana’s family',
  targetDate: '2026-10-01',
  status: 'active',
  progress: current * 2,
  keyResultCount: 1,
  openTasks: 1,
  doneTasks: 1,
  completedAt: null,
  createdAt: T,
  updatedAt: T,
  breakdown: { progress: current * 2, formula: `mean of 1 key result (${current * 2} %) = ${current * 2} %`, parts: [] },
  keyResults: [
    {
      id: K,
      goalId: G,
      title: 'Lessons',
      kind: 'numeric',
      startValue: 0,
      targetValue: 50,
      currentValue: current,
      unit: 'lessons',
      direction: 'increase',
      dueDate: null,
      doneAt: null,
      habitId: null,
      progress: current * 2,
      history: [
        { at: T, value: 0, note: '' },
        { at: T, value: current, note: '' },
      ],
    },
  ],
  progressLog: [],
  evidence: [],
});
const habit: Habit = {
  id: H,
  title: 'Read',
  goalId: null,
  rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
  period: 'day',
  target: 20,
  unit: 'pages',
  startDate: '2026-01-01',
  color: 'green',
  archived: false,
  currentStreak: 3,
  bestStreak: 9,
  periodValue: 5,
  dueToday: true,
  todayValue: 5,
};

let root: Root;
let host: HTMLElement;
const text = () => host.textContent ?? '';
const byTestId = (id: string) => [...host.ownerDocument.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const settle = () => act(() => new Promise((r) => setTimeout(r, 10)));
async function until(check: () => boolean) {
  for (let i = 0; i < 50 && !check(); i += 1) await settle();
  expect(check()).toBe(true);
}
function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

beforeEach(() => {
  fake.reset();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('plans view', () => {
  it('says what to do when there is no plan, and the empty-state button opens the plan form', async () => {
    fake.handle('goals', 'listPdps', () => []);
    fake.handle('goals', 'listGoals', () => []);
    act(() => root.render(<PlansView />));
    await until(() => text().includes('No plan yet'));
    expect(text()).toContain('A development plan holds your vision and goals for a period');
    act(() => byTestId('pdp-new-empty')[0]!.click());
    await until(() => byTestId('pdp-form').length === 1);
  });

  it('shows the board with progress, opens a goal with its formula, and records a key result value', async () => {
    let current = 20;
    fake.handle('goals', 'listPdps', () => [pdp]);
    fake.handle('goals', 'listGoals', () => [detail(current)]);
    fake.handle('goals', 'getGoal', () => detail(current));
    fake.handle('goals', 'listTasks', () => []);
    fake.handle('goals', 'updateKeyResult', (input) => {
      current = input.currentValue ?? current;
      fake.emit('goals', 'changed', { ids: [K] });
      return detail(current).keyResults[0]!;
    });
    act(() => root.render(<PlansView />));
    await until(() => byTestId('goal-card').length === 1);
    expect(byTestId('goal-progress')[0]!.textContent).toBe('40 %');
    expect(byTestId('goal-domain-group').map((g) => g.querySelector('h3')!.textContent)).toEqual(['Languages', 'Health']);

    act(() => byTestId('goal-card')[0]!.click());
    await until(() => byTestId('goal-formula').length === 1);
    expect(byTestId('goal-formula')[0]!.textContent).toBe('mean of 1 key result (40 %) = 40 %');
    expect(byTestId('kr-value')[0]!.textContent).toContain('20 lessons');

    act(() => type(byTestId('kr-value-input')[0] as HTMLInputElement, 'abc'));
    act(() => byTestId('kr-record')[0]!.click());
    await until(() => text().includes('Enter a number'));
    expect(fake.calls.some((c) => c.channel === 'goals:updateKeyResult')).toBe(false);

    act(() => type(byTestId('kr-value-input')[0] as HTMLInputElement, '32,5'));
    act(() => type(byTestId('kr-note-input')[0] as HTMLInputElement, 'two lessons this week'));
    act(() => byTestId('kr-record')[0]!.click());
    // The write's goals:changed event reloads the goal: the new value and progress show.
    await until(() => byTestId('goal-detail-progress')[0]?.textContent === '65 %');
    expect(fake.calls.find((c) => c.channel === 'goals:updateKeyResult')?.input).toEqual({ id: K, currentValue: 32.5, note: 'two lessons this week' });
  });

  it('shows a failed load as an error, not as an empty plan list', async () => {
    fake.handle('goals', 'listPdps', () => {
      throw new AppError('LOCKED', 'locked');
    });
    fake.handle('goals', 'listGoals', () => []);
    act(() => root.render(<PlansView />));
    await until(() => text().includes('Could not load your plans'));
    expect(text()).not.toContain('No plan yet');
  });
});

describe('habits view', () => {
  it('shows streaks and today, and checks in one more', async () => {
    fake.handle('goals', 'listHabits', () => [habit]);
    fake.handle('goals', 'checkIn', () => ({ ...habit, todayValue: 6, periodValue: 6 }));
    act(() => root.render(<HabitsView />));
    await until(() => byTestId('habit-row').length === 1);
    expect(byTestId('habit-streak')[0]!.textContent).toBe('Streak 3 · best 9');
    expect(byTestId('habit-today')[0]!.textContent).toBe('5/20 pages today');
    expect(text()).toContain('Mon, Wed, Fri · 20 pages a day');
    act(() => byTestId('habit-checkin')[0]!.click());
    await until(() => fake.calls.some((c) => c.channel === 'goals:checkIn'));
    expect(fake.calls.find((c) => c.channel === 'goals:checkIn')?.input).toMatchObject({ habitId: H });
    await settle();
  });
});
