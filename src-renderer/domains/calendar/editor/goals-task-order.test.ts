import { describe, expect, it } from 'vitest';
import { goalsDueLabel, sortGoalsTasks, type PanelTask } from './goals-task-order';

const task = (title: string, dueAt: string | null, priority = 4): PanelTask => ({ title, dueAt, priority });

describe('the tasks panel order', () => {
  it('sorts by due moment (undated last), then priority (1 first), then title', () => {
    const sorted = sortGoalsTasks([
      task('undated', null, 1),
      task('later', '2027-03-12T22:59:59.999Z'),
      task('b urgent', '2027-03-11T22:59:59.999Z', 1),
      task('a', '2027-03-11T22:59:59.999Z', 4),
      task('c urgent', '2027-03-11T22:59:59.999Z', 1),
    ]);
    expect(sorted.map((t) => t.title)).toEqual(['b urgent', 'c urgent', 'a', 'later', 'undated']);
  });

  it('shows the wall date (and time) of the task, not shifted by the viewer', () => {
    const day = goalsDueLabel({ dueDate: '2027-03-11', dueTime: null });
    expect(day).toMatch(/11/);
    expect(day).not.toMatch(/10|12/);
    expect(goalsDueLabel({ dueDate: '2027-03-11', dueTime: '15:00' })).toBe(`${day} 15:00`);
    expect(goalsDueLabel({ dueDate: null, dueTime: null })).toBe('');
  });
});
