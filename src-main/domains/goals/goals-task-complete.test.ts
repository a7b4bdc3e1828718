import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/helpers';
import { setupGoals } from './goals.test-helpers';

// The default clock: 2026-03-15T09:30:00Z, a Sunday, Europe/Berlin (10:30 local).

describe('completing and reopening tasks', () => {
  it('completes a one-off task and undoes it, with history', async () => {
    const { goals } = await setupGoals();
    const t = await goals.createTask({ title: 'File taxes', dueDate: '2026-03-14' });
    const done = await goals.completeTask({ id: t.id });
    expect(done).toMatchObject({ nextDueDate: null, history: { kind: 'completed', dueDate: '2026-03-14' } });
    expect(done.task).toMatchObject({ completed: true, status: 'done', completedAt: '2026-03-15T09:30:00.000Z' });
    expect((await errorOf(goals.completeTask({ id: t.id }))).code).toBe('CONFLICT');

    const back = await goals.uncompleteTask({ id: t.id });
    expect(back).toMatchObject({ completed: false, status: 'todo', completedAt: null, dueDate: '2026-03-14' });
    expect((await goals.getTask({ id: t.id })).history.map((h) => h.kind)).toEqual(['completed', 'uncompleted']);
    expect((await errorOf(goals.uncompleteTask({ id: t.id }))).code).toBe('CONFLICT');
  });

  it('moves a task repeating from its due date to the next instance, reopening its sub-tasks', async () => {
    const { goals, setNow } = await setupGoals();
    // Due last Tuesday; completed late on Sunday: the next date is the following Tuesday, even though it is past.
    const t = await goals.createTask({ title: 'Water plants', dueDate: '2026-03-03', dueTime: '08:00', rrule: 'FREQ=WEEKLY;BYDAY=TU' });
    const sub = await goals.createTask({ title: 'Fill can', parentId: t.id });
    const deep = await goals.createTask({ title: 'Find can', parentId: sub.id });
    await goals.completeTask({ id: deep.id });
    await goals.completeTask({ id: sub.id });
    expect((await goals.getTask({ id: t.id })).subtasks).toEqual({ open: 0, done: 1 });

    const r = await goals.completeTask({ id: t.id });
    expect(r.nextDueDate).toBe('2026-03-10');
    expect(r.task).toMatchObject({ dueDate: '2026-03-10', dueTime: '08:00', dueAt: '2026-03-10T07:00:00.000Z', completed: false, status: 'todo' });
    expect((await goals.getTask({ id: t.id })).subtasks).toEqual({ open: 1, done: 0 });
    expect((await goals.getTask({ id: deep.id })).completed).toBe(false);

    setNow('2026-03-16T09:00:00Z');
    await goals.completeTask({ id: t.id });
    expect((await goals.getTask({ id: t.id })).dueDate).toBe('2026-03-17');
    // Undo twice: the task walks back through both completions.
    expect((await goals.uncompleteTask({ id: t.id })).dueDate).toBe('2026-03-10');
    expect((await goals.uncompleteTask({ id: t.id })).dueDate).toBe('2026-03-03');
    expect((await errorOf(goals.uncompleteTask({ id: t.id }))).code).toBe('CONFLICT');
  });

  it('keeps the wall time of a daily task across the DST change (Berlin, 2026-03-29)', async () => {
    const { goals, setNow } = await setupGoals({ nowMs: Date.parse('2026-03-28T10:00:00Z') });
    const t = await goals.createTask({ title: 'Vitamins', dueDate: '2026-03-28', dueTime: '09:00', rrule: 'FREQ=DAILY' });
    expect(t.dueAt).toBe('2026-03-28T08:00:00.000Z');
    expect((await goals.completeTask({ id: t.id })).task.dueAt).toBe('2026-03-29T07:00:00.000Z');
    setNow('2026-03-29T10:00:00Z');
    expect((await goals.completeTask({ id: t.id })).task).toMatchObject({ dueDate: '2026-03-30', dueAt: '2026-03-30T07:00:00.000Z' });
  });

  it('repeats from completion, and ends a COUNT series completed', async () => {
    const { goals } = await setupGoals();
    const t = await goals.createTask({ title: 'Descale', dueDate: '2026-03-01', rrule: 'FREQ=DAILY;INTERVAL=3', repeatFrom: 'completion' });
    expect((await goals.completeTask({ id: t.id })).nextDueDate).toBe('2026-03-18');

    const c = await goals.createTask({ title: 'Physio', dueDate: '2026-03-15', rrule: 'FREQ=DAILY;COUNT=2' });
    expect((await goals.completeTask({ id: c.id })).nextDueDate).toBe('2026-03-16');
    const last = await goals.completeTask({ id: c.id });
    expect(last).toMatchObject({ nextDueDate: null, task: { completed: true, dueDate: '2026-03-16' } });
    // Undo the last: open again on the 16th; undo again: back to the 15th with its COUNT given back.
    expect(await goals.uncompleteTask({ id: c.id })).toMatchObject({ completed: false, dueDate: '2026-03-16', rrule: 'FREQ=DAILY;COUNT=1' });
    expect(await goals.uncompleteTask({ id: c.id })).toMatchObject({ dueDate: '2026-03-15', rrule: 'FREQ=DAILY;COUNT=2' });
  });

  it("completes through updateTask's status, and leaving 'done' reopens", async () => {
    const { goals } = await setupGoals();
    const t = await goals.createTask({ title: 'Book flights', status: 'doing' });
    expect((await goals.updateTask({ id: t.id, status: 'done' })).completed).toBe(true);
    expect(await goals.updateTask({ id: t.id, status: 'doing' })).toMatchObject({ completed: false, status: 'doing' });
    const made = await goals.createTask({ title: 'Already done', status: 'done' });
    expect(made.completed).toBe(true);
  });
});

describe('views', () => {
  it('today: overdue by local date, due and scheduled, and the lists move when the clock does', async () => {
    const { goals, setNow } = await setupGoals();
    const late = await goals.createTask({ title: 'Late', dueDate: '2026-03-14', priority: 3 });
    const urgent = await goals.createTask({ title: 'Urgent today', dueDate: '2026-03-15', priority: 1 });
    const timed = await goals.createTask({ title: 'At eight', dueDate: '2026-03-15', dueTime: '08:00', priority: 3 });
    const later = await goals.createTask({ title: 'Tomorrow', dueDate: '2026-03-16' });
    const sched = await goals.createTask({ title: 'Planned', scheduledDate: '2026-03-15' });
    const both = await goals.createTask({ title: 'Both', scheduledDate: '2026-03-10', dueDate: '2026-03-15', priority: 5 });
    const done = await goals.createTask({ title: 'Done', dueDate: '2026-03-10' });
    await goals.completeTask({ id: done.id });

    const v = await goals.today({});
    expect(v.date).toBe('2026-03-15');
    expect(v.overdue.map((t) => t.id)).toEqual([late.id]);
    // A timed task past its time today is still "due today", not overdue.
    expect(v.due.map((t) => t.id)).toEqual([urgent.id, timed.id, both.id]);
    expect(v.scheduled.map((t) => t.id)).toEqual([sched.id]);

    // 23:30 UTC is already the 16th in Berlin.
    setNow('2026-03-15T23:30:00Z');
    const next = await goals.today({});
    expect(next.date).toBe('2026-03-16');
    // Priority first, then the due moment: 'Late' (end of the 14th) before 'At eight' (08:00 on the 15th).
    expect(next.overdue.map((t) => t.title)).toEqual(['Urgent today', 'Late', 'At eight', 'Both']);
    expect(next.due.map((t) => t.id)).toEqual([later.id]);
    expect(next.scheduled.map((t) => t.id)).toEqual([sched.id]);
    expect((await goals.today({ date: '2026-03-14' })).due.map((t) => t.id)).toEqual([late.id]);
  });

  it('upcoming: a daily task shows on each of 7 days, a one-off on its day', async () => {
    const { goals } = await setupGoals();
    const daily = await goals.createTask({ title: 'Stretch', dueDate: '2026-03-15', rrule: 'FREQ=DAILY' });
    await goals.createTask({ title: 'Dentist', dueDate: '2026-03-18', dueTime: '14:00' });
    await goals.createTask({ title: 'Far away', dueDate: '2026-04-30' });
    const v = await goals.upcoming({});
    expect(v.from).toBe('2026-03-15');
    expect(v.days).toHaveLength(7);
    const stretch = v.days.map((d) => d.tasks.filter((t) => t.id === daily.id));
    expect(stretch.map((s) => s.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(stretch.map((s) => s[0]?.repeatInstance)).toEqual([false, true, true, true, true, true, true]);
    expect(stretch.map((s) => s[0]?.instanceDate)).toEqual(v.days.map((d) => d.date));
    expect(v.days[3]?.tasks.map((t) => t.title).sort()).toEqual(['Dentist', 'Stretch']);
    expect(v.days.flatMap((d) => d.tasks).some((t) => t.title === 'Far away')).toBe(false);
  });

  it('listTasks filters by text (diacritics, prefix), priority, tags in any case, goal-less fields and status', async () => {
    const { goals } = await setupGoals();
    const p = await goals.createProject({ name: 'Trip' });
    await goals.createTask({ title: 'Réserver hôtel à Zürich', tags: ['Travel'], priority: 2, projectId: p.id, dueDate: '2026-04-02' });
    await goals.createTask({ title: 'Buy sunscreen', notes: 'for the beach', tags: ['shopping', 'travel'], priority: 4 });
    const old = await goals.createTask({ title: 'Renew passport', tags: ['Über'], priority: 1 });
    await goals.completeTask({ id: old.id });

    const titles = async (filter: Parameters<typeof goals.listTasks>[0]) => (await goals.listTasks(filter)).map((t) => t.title);
    expect(await titles({ filter: { text: 'zurich hot' } })).toEqual(['Réserver hôtel à Zürich']);
    expect(await titles({ filter: { text: 'beach' } })).toEqual(['Buy sunscreen']);
    expect(await titles({ filter: { text: '"NEAR(' } })).toEqual([]);
    expect(await titles({ filter: { tags: ['TRAVEL'] } })).toEqual(['Réserver hôtel à Zürich', 'Buy sunscreen']);
    expect(await titles({ filter: { tags: ['travel', 'Shopping'] } })).toEqual(['Buy sunscreen']);
    expect(await titles({ filter: { priorities: [1, 2] } })).toEqual(['Réserver hôtel à Zürich']);
    expect(await titles({ filter: { priorities: [1, 2], includeCompleted: true } })).toEqual(['Réserver hôtel à Zürich', 'Renew passport']);
    expect(await titles({ filter: { tags: ['über'], status: 'done' } })).toEqual(['Renew passport']);
    expect(await titles({ filter: { projectId: p.id } })).toEqual(['Réserver hôtel à Zürich']);
    expect(await titles({ filter: { dueFrom: '2026-04-01', dueTo: '2026-04-30' } })).toEqual(['Réserver hôtel à Zürich']);
    expect(await titles({ filter: {}, limit: 1 })).toHaveLength(1);
  });

  it('logbook: standing completions newest first, undone ones left out, with a cursor', async () => {
    const { goals, setNow } = await setupGoals();
    const a = await goals.createTask({ title: 'A' });
    const b = await goals.createTask({ title: 'B', dueDate: '2026-03-15', rrule: 'FREQ=DAILY' });
    const c = await goals.createTask({ title: 'C' });
    setNow('2026-03-15T10:00:00Z');
    await goals.completeTask({ id: a.id });
    setNow('2026-03-15T11:00:00Z');
    await goals.completeTask({ id: b.id });
    setNow('2026-03-15T12:00:00Z');
    await goals.completeTask({ id: b.id });
    await goals.uncompleteTask({ id: b.id });
    setNow('2026-03-15T13:00:00Z');
    await goals.completeTask({ id: c.id });

    const log = await goals.logbook({});
    expect(log.map((e) => [e.title, e.at.slice(11, 16), e.repeating])).toEqual([
      ['C', '13:00', false],
      ['B', '11:00', true],
      ['A', '10:00', false],
    ]);
    expect(log[1]?.dueDate).toBe('2026-03-15');
    expect((await goals.logbook({ before: '2026-03-15T11:00:00.000Z' })).map((e) => e.title)).toEqual(['A']);
    expect((await goals.logbook({ limit: 1 })).map((e) => e.title)).toEqual(['C']);
  });
});
