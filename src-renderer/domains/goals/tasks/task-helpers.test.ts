import { describe, expect, it } from 'vitest';
import { todayGroups, visibleRows } from './rows';
import {
  byUrgency,
  cleanFilter,
  dueLabel,
  filterSize,
  groupByDay,
  isOverdue,
  kanbanColumns,
  neighbourStatus,
  parseTags,
  relativeDay,
  sameFilter,
  step,
} from './task-helpers';
import { task } from './tasks.test-helpers';

describe('task helpers', () => {
  it('orders by due moment (undated last), then priority, then title', () => {
    const a = task({ title: 'b', dueAt: '2026-03-05T10:00:00.000Z', priority: 3 });
    const b = task({ title: 'a', dueAt: '2026-03-05T10:00:00.000Z', priority: 3 });
    const c = task({ title: 'urgent but later', dueAt: '2026-03-06T10:00:00.000Z', priority: 1 });
    const d = task({ title: 'undated', priority: 1 });
    const e = task({ title: 'earlier', dueAt: '2026-03-05T10:00:00.000Z', priority: 2 });
    expect(byUrgency([d, c, a, b, e]).map((t) => t.title)).toEqual(['earlier', 'a', 'b', 'urgent but later', 'undated']);
  });

  it('calls a task overdue only when open and past its due moment', () => {
    const now = Date.parse('2026-03-05T12:00:00Z');
    expect(isOverdue(task({ dueAt: '2026-03-05T11:59:00.000Z' }), now)).toBe(true);
    expect(isOverdue(task({ dueAt: '2026-03-05T12:01:00.000Z' }), now)).toBe(false);
    expect(isOverdue(task({ dueAt: '2026-03-04T11:00:00.000Z', completed: true }), now)).toBe(false);
    expect(isOverdue(task(), now)).toBe(false);
  });

  it('labels days relative to today and keeps the wall date and time as written', () => {
    expect(relativeDay('2026-03-05', '2026-03-05')).toBe('Today');
    expect(relativeDay('2026-03-06', '2026-03-05')).toBe('Tomorrow');
    expect(relativeDay('2026-03-04', '2026-03-05')).toBe('Yesterday');
    expect(relativeDay('2026-03-10', '2026-03-05')).toMatch(/10/);
    expect(dueLabel({ dueDate: '2026-03-06', dueTime: '15:00' }, '2026-03-05')).toBe('Tomorrow 15:00');
    expect(dueLabel({ dueDate: null, dueTime: null }, '2026-03-05')).toBe('');
  });

  it('puts open tasks in To do / Doing by urgency and Done newest first, leaving sub-tasks off the board', () => {
    const todo = task({ title: 'todo', dueAt: '2026-03-05T10:00:00.000Z' });
    const doing = task({ title: 'doing', status: 'doing' });
    const old = task({ title: 'old', status: 'done', completed: true, completedAt: '2026-03-01T10:00:00.000Z' });
    const fresh = task({ title: 'fresh', status: 'done', completed: true, completedAt: '2026-03-04T10:00:00.000Z' });
    const sub = task({ title: 'sub', parentId: todo.id });
    const cols = kanbanColumns([old, sub, doing, fresh, todo]);
    expect(cols.todo.map((t) => t.title)).toEqual(['todo']);
    expect(cols.doing.map((t) => t.title)).toEqual(['doing']);
    expect(cols.done.map((t) => t.title)).toEqual(['fresh', 'old']);
    expect([neighbourStatus('todo', -1), neighbourStatus('todo', 1), neighbourStatus('done', 1)]).toEqual([null, 'doing', null]);
  });

  it('groups Logbook entries by day, newest day and entry first', () => {
    const entries = [
      { at: '2026-03-04T08:00:00.000Z', title: 'a' },
      { at: '2026-03-05T09:00:00.000Z', title: 'b' },
      { at: '2026-03-05T07:00:00.000Z', title: 'c' },
    ];
    const days = groupByDay(entries, (iso) => iso.slice(0, 10));
    expect(days.map((d) => [d.date, d.entries.map((e) => e.title)])).toEqual([
      ['2026-03-05', ['b', 'c']],
      ['2026-03-04', ['a']],
    ]);
  });

  it('steps the selection with j/k, starting at an end and stopping at the edges', () => {
    const keys = ['a', 'b', 'c'];
    expect(step(keys, null, 1)).toBe('a');
    expect(step(keys, null, -1)).toBe('c');
    expect(step(keys, 'b', 1)).toBe('c');
    expect(step(keys, 'c', 1)).toBe('c');
    expect(step(keys, 'a', -1)).toBe('a');
    expect(step(keys, 'gone', 1)).toBe('a');
    expect(step([], 'a', 1)).toBeNull();
  });

  it('reads tags with or without #, once each', () => {
    expect(parseTags('#finance, home  #Finance,,work')).toEqual(['Finance', 'home', 'work']);
    expect(parseTags('  ')).toEqual([]);
  });

  it('cleans filters and compares them by their conditions', () => {
    expect(cleanFilter({ text: '  ', tags: [], priorities: [3, 1], includeCompleted: false, dueFrom: '2026-03-01' })).toEqual({
      priorities: [1, 3],
      dueFrom: '2026-03-01',
    });
    expect(filterSize({ text: ' ', tags: [] })).toBe(0);
    expect(filterSize({ text: 'rent', priorities: [1] })).toBe(2);
    expect(sameFilter({ priorities: [3, 1], text: 'x' }, { text: 'x ', priorities: [1, 3], tags: [] })).toBe(true);
    expect(sameFilter({ text: 'x' }, { text: 'y' })).toBe(false);
  });
});

describe('rows', () => {
  it('lists Today as overdue, due, scheduled, a task in two groups only once, and skips empty groups', () => {
    const late = task({ title: 'late' });
    const both = task({ title: 'both' });
    const plan = task({ title: 'plan' });
    const groups = todayGroups({ overdue: [late], due: [both], scheduled: [both, plan] });
    expect(groups.map((g) => [g.id, g.tasks.map((t) => t.title)])).toEqual([
      ['overdue', ['late']],
      ['due', ['both']],
      ['scheduled', ['plan']],
    ]);
    expect(todayGroups({ overdue: [], due: [], scheduled: [plan] }).map((g) => g.id)).toEqual(['scheduled']);
  });

  it('gives each repeating day in Upcoming its own key, locked for later repetitions', () => {
    const t = task({ title: 'water', rrule: 'FREQ=DAILY' });
    const upcoming = {
      from: '2026-03-05',
      days: [
        { date: '2026-03-05', tasks: [{ ...t, instanceDate: '2026-03-05', repeatInstance: false }] },
        { date: '2026-03-06', tasks: [{ ...t, instanceDate: '2026-03-06', repeatInstance: true }] },
      ],
    };
    const rows = visibleRows({ section: 'upcoming', today: null, upcoming, list: null, board: null, logbook: null });
    expect(rows).toEqual([
      { key: `${t.id}@2026-03-05`, taskId: t.id, completed: false, locked: false },
      { key: `${t.id}@2026-03-06`, taskId: t.id, completed: false, locked: true },
    ]);
  });

  it('walks the board column by column, and nothing on the non-task sections', () => {
    const a = task({ status: 'doing' });
    const b = task({ status: 'todo' });
    const views = { today: null, upcoming: null, list: null, board: [a, b], logbook: null };
    expect(visibleRows({ ...views, section: 'board' }).map((r) => r.taskId)).toEqual([b.id, a.id]);
    expect(visibleRows({ ...views, section: 'habits' })).toEqual([]);
  });
});
