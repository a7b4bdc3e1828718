import { describe, expect, it } from 'vitest';
import { filesContaining } from '../../test/canary';
import { errorOf } from '../../test/helpers';
import { setupGoals } from './goals.test-helpers';

// The default clock: 2026-03-15T09:30:00Z, a Sunday, Europe/Berlin (10:30 local).

describe('tasks: create, read, edit, delete', () => {
  it('stores a task with its due instant, de-duplicated tags and the system zone', async () => {
    const { goals } = await setupGoals();
    const t = await goals.createTask({ title: 'Pay rent', dueDate: '2026-03-20', tags: ['Finance', 'finance', ' home ', '#Home'], priority: 2 });
    expect(t).toMatchObject({ title: 'Pay rent', zone: 'Europe/Berlin', priority: 2, status: 'todo', completed: false, tags: ['Finance', 'home'] });
    // A date without a time is due at the end of that day in its zone (Berlin is UTC+1 in March).
    expect(t.dueAt).toBe('2026-03-20T22:59:59.999Z');
    const timed = await goals.createTask({ title: 'Call Ana', dueDate: '2026-03-16', dueTime: '15:00', zone: 'America/Sao_Paulo' });
    expect(timed.dueAt).toBe('2026-03-16T18:00:00.000Z');

    const edited = await goals.updateTask({ id: t.id, title: 'Pay the rent', dueTime: '08:00', tags: ['Rent'] });
    expect(edited).toMatchObject({ title: 'Pay the rent', dueAt: '2026-03-20T07:00:00.000Z', tags: ['Rent'] });
    expect((await goals.getTask({ id: t.id })).title).toBe('Pay the rent');
    // Clearing the date clears its time and instant.
    expect(await goals.updateTask({ id: t.id, dueDate: null })).toMatchObject({ dueDate: null, dueTime: null, dueAt: null });
  });

  it('keeps sub-tasks under their parent, counts them, and deletes them with it', async () => {
    const { goals } = await setupGoals();
    const parent = await goals.createTask({ title: 'Move house' });
    const a = await goals.createTask({ title: 'Book van', parentId: parent.id });
    const b = await goals.createTask({ title: 'Pack books', parentId: parent.id });
    const grand = await goals.createTask({ title: 'Buy boxes', parentId: b.id });
    await goals.completeTask({ id: a.id });
    const detail = await goals.getTask({ id: parent.id });
    expect(detail.subtasks).toEqual({ open: 1, done: 1 });
    expect(detail.children.map((c) => c.title)).toEqual(['Book van', 'Pack books']);
    expect(detail.children[1]?.subtasks).toEqual({ open: 1, done: 0 });

    await goals.deleteTask({ id: parent.id });
    for (const id of [parent.id, a.id, b.id, grand.id]) expect((await errorOf(goals.getTask({ id }))).code).toBe('NOT_FOUND');
  });

  it('refuses bad input with typed errors and changes nothing', async () => {
    const { goals } = await setupGoals();
    const t = await goals.createTask({ title: 'Parent' });
    const child = await goals.createTask({ title: 'Child', parentId: t.id });
    expect((await errorOf(goals.createTask({ title: 'x', dueDate: '2026-03-20', rrule: 'FREQ=SOMETIMES' }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(goals.createTask({ title: 'x', dueDate: '2026-03-20', rrule: 'FREQ=MINUTELY' }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(goals.createTask({ title: 'x', zone: 'Mars/Olympus' }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(goals.createTask({ title: 'x', goalId: '01J00000000000000000000000' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(goals.createTask({ title: 'x', projectId: '01J00000000000000000000000' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(goals.createTask({ title: 'x', dueTime: '10:00' }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(goals.createTask({ title: 'x', priority: 6 }))).code).toBe('INVALID_INPUT');
    // A cycle: the parent made a sub-task of its own child, or of itself.
    expect((await errorOf(goals.updateTask({ id: t.id, parentId: child.id }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(goals.updateTask({ id: t.id, parentId: t.id }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(goals.updateTask({ id: t.id, rrule: 'FREQ=DAILY;COUNT=0' }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(goals.uncompleteTask({ id: t.id }))).code).toBe('CONFLICT');
    expect((await goals.getTask({ id: t.id })).parentId).toBeNull();
    expect((await goals.listTasks({})).map((x) => x.title).sort()).toEqual(['Child', 'Parent']);
  });

  it('links tasks to a goal, lists them by goal, and refuses a deleted goal', async () => {
    const { goals } = await setupGoals();
    const spanish = await goals.createGoal({ title: 'Spanish B1' });
    const other = await goals.createGoal({ title: 'Run 10k' });
    const t = await goals.createTask({ title: 'Call Ana', goalId: spanish.id });
    await goals.createTask({ title: 'Buy shoes', goalId: other.id });
    expect((await goals.listTasks({ filter: { goalId: spanish.id } })).map((x) => x.id)).toEqual([t.id]);
    await goals.deleteGoal({ id: other.id });
    expect((await errorOf(goals.updateTask({ id: t.id, goalId: other.id }))).code).toBe('NOT_FOUND');
    expect((await goals.getTask({ id: t.id })).goalId).toBe(spanish.id);
  });

  it('anchors a repeating task made without a due date on the first day its rule falls on', async () => {
    const { goals } = await setupGoals();
    const t = await goals.createTask({ title: 'Pay rent', rrule: 'FREQ=MONTHLY;BYMONTHDAY=1' });
    expect(t.dueDate).toBe('2026-04-01');
  });

  it('keeps a canary written in notes out of every file in the profile folder', async () => {
    const { goals, root, close } = await setupGoals();
    const canary = 'CANARY-goals-7f3a9c-Überweisung';
    await goals.createTask({ title: 'Secret errand', notes: `Remember ${canary}` });
    expect((await goals.listTasks({ filter: { text: 'uberweisung' } })).map((t) => t.title)).toEqual(['Secret errand']);
    close();
    expect(await filesContaining(root, canary)).toEqual([]);
  });
});

describe('projects and saved filters', () => {
  it('counts open tasks per project, and deleting a project keeps its tasks', async () => {
    const { goals } = await setupGoals();
    const home = await goals.createProject({ name: 'Home', kind: 'area' });
    const p = await goals.createProject({ name: 'Kitchen', parentId: home.id });
    const t = await goals.createTask({ title: 'Paint', projectId: p.id });
    await goals.createTask({ title: 'Tiles', projectId: p.id });
    await goals.completeTask({ id: t.id });
    expect((await goals.listProjects()).find((x) => x.id === p.id)?.openTasks).toBe(1);
    expect((await errorOf(goals.updateProject({ id: home.id, parentId: p.id }))).code).toBe('INVALID_INPUT');
    expect((await goals.updateProject({ id: p.id, name: 'Kitchen 2' })).name).toBe('Kitchen 2');

    await goals.deleteProject({ id: p.id });
    expect((await goals.listProjects()).map((x) => x.name)).toEqual(['Home']);
    expect((await goals.getTask({ id: t.id })).projectId).toBeNull();
  });

  it('saves, replaces by name, lists and deletes filters', async () => {
    const { goals, ctx } = await setupGoals();
    const f = await goals.saveFilter({ name: 'Urgent', filter: { priorities: [1, 2] } });
    await goals.saveFilter({ name: 'Urgent', filter: { priorities: [1], tags: ['work'] } });
    expect(await goals.listFilters()).toEqual([{ id: f.id, name: 'Urgent', filter: { priorities: [1], tags: ['work'] }, createdAt: f.createdAt }]);
    // A stored filter that no longer fits the schema (written by another version, or synced in) reads as empty.
    await ctx.write((trx) =>
      trx
        .insertInto('task_filters')
        .values({
          id: '01J0000000000000000000BAD1',
          name: 'Broken',
          filter: '{"priorities":[9]',
          created_at: f.createdAt,
          updated_at: f.createdAt,
          deleted_at: null,
        })
        .execute(),
    );
    expect((await goals.listFilters()).map((x) => [x.name, x.filter])).toEqual([
      ['Broken', {}],
      ['Urgent', { priorities: [1], tags: ['work'] }],
    ]);
    await goals.deleteFilter({ id: '01J0000000000000000000BAD1' });
    await goals.deleteFilter({ id: f.id });
    expect(await goals.listFilters()).toEqual([]);
    expect((await errorOf(goals.deleteFilter({ id: f.id }))).code).toBe('NOT_FOUND');
  });
});
