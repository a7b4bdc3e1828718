import { describe, expect, it } from 'vitest';
import { overlayLabel } from './overlay-label';

describe('overlayLabel', () => {
  it('names the layer of a batch or vault chip', () => {
    expect(overlayLabel({ layer: 'batches', title: 'Rye loaf' })).toBe('Batch expires: Rye loaf');
    expect(overlayLabel({ layer: 'vault', title: 'Visa · card' })).toBe('Expires: Visa · card');
  });

  it('tells the task sources apart: goals task, milestone, goal target, calendar VTODO', () => {
    expect(overlayLabel({ layer: 'tasks', title: 'pay rent', source: { kind: 'task', opens: 'T' } })).toBe('Task due: pay rent');
    expect(overlayLabel({ layer: 'tasks', title: 'call Ana', time: '15:00', source: { kind: 'task', opens: 'T' } })).toBe('Task due: call Ana, 15:00');
    expect(overlayLabel({ layer: 'tasks', title: 'B1 exam', done: true, source: { kind: 'milestone', opens: 'G' } })).toBe('Milestone: B1 exam, done');
    expect(overlayLabel({ layer: 'tasks', title: 'Learn Spanish', source: { kind: 'goal', opens: 'G' } })).toBe('Goal target: Learn Spanish');
    expect(overlayLabel({ layer: 'tasks', title: 'Renew the domain', source: { kind: 'vtodo', calendar: 'Work' } })).toBe('Task due: Renew the domain · Work');
  });
});
