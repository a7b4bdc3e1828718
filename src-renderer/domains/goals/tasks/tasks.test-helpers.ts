import type { Task } from '../../../../src-shared/domains/goals/goals.schemas';

/** A task as main returns it, for the renderer's pure helper tests; each call gets a new id and title. */
let seq = 0;
export function task(over: Partial<Task> = {}): Task {
  seq += 1;
  return {
    id: `01JD00000000000000000000${String(seq).padStart(2, '0')}`,
    title: `Task ${seq}`,
    notes: '',
    goalId: null,
    projectId: null,
    parentId: null,
    priority: 4,
    status: 'todo',
    dueDate: null,
    dueTime: null,
    zone: 'Europe/Berlin',
    dueAt: null,
    scheduledDate: null,
    estimateMinutes: null,
    tags: [],
    rrule: null,
    repeatFrom: 'due',
    completed: false,
    completedAt: null,
    subtasks: { open: 0, done: 0 },
    source: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...over,
  };
}
