import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { errorOf } from '../../test/helpers';
import { setupGoals, type GoalsSetup } from './goals.test-helpers';

let s: GoalsSetup | null = null;
afterEach(async () => {
  await s?.close();
  s = null;
});
const start = async () => (s = await setupGoals());

describe('development plans and goal progress', () => {
  it('computes each goal’s progress by the formula and a plan’s as the mean of its active and completed goals', async () => {
    const { goals: g } = await start();
    const pdp = await g.createPdp({ title: '2026', domains: ['health', 'career'], periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    const run = await g.createGoal({ pdpId: pdp.id, title: 'Run a half marathon', domain: 'health', targetDate: '2026-10-04' });
    const km = await g.createKeyResult({ goalId: run.id, title: 'Long run', startValue: 0, targetValue: 21, unit: 'km' });
    expect(km).toMatchObject({ currentValue: 0, progress: 0, history: [{ value: 0 }] });
    await g.updateKeyResult({ id: km.id, currentValue: 10.5 });
    const reg = await g.createKeyResult({ goalId: run.id, title: 'Register', kind: 'milestone', dueDate: '2026-04-01' });
    expect((await g.updateKeyResult({ id: reg.id, done: true })).progress).toBe(100);

    const weight = await g.createGoal({ pdpId: pdp.id, title: 'Lose weight', domain: 'health' });
    const kg = await g.createKeyResult({ goalId: weight.id, title: 'Weight', startValue: 80, targetValue: 70, direction: 'decrease', unit: 'kg' });
    expect((await g.updateKeyResult({ id: kg.id, currentValue: 75 })).progress).toBe(50);
    const tasks = [];
    for (const title of ['Plan meals', 'Buy scales', 'See a dietitian', 'Cancel takeaway']) tasks.push(await g.createTask({ title, goalId: weight.id }));
    await g.completeTask({ id: tasks[0]!.id });
    // A repeating task is never finished: it does not count toward the share done.
    await g.createTask({ title: 'Weigh in', goalId: weight.id, dueDate: '2026-03-16', rrule: 'FREQ=WEEKLY' });
    const held = await g.createGoal({ pdpId: pdp.id, title: 'Learn the cello', status: 'on_hold' });
    await g.createKeyResult({ goalId: held.id, title: 'Pieces', startValue: 0, targetValue: 10 });

    const r = await g.getGoal({ id: run.id });
    expect(r.progress).toBe(75);
    expect(r.breakdown.formula).toBe('mean of 2 key results (50 %, 100 %) = 75 %');
    const w = await g.getGoal({ id: weight.id });
    expect(w.breakdown).toEqual({
      progress: 37.5,
      formula: 'mean of 1 key result (50 %) and one-off tasks (1 of 4 done, 25 %) = 37.5 %',
      parts: [
        { label: 'Weight', progress: 50 },
        { label: 'Tasks (1 of 4 done)', progress: 25 },
      ],
    });
    expect(w).toMatchObject({ openTasks: 4, doneTasks: 1, keyResultCount: 1 });
    // (75 + 37.5) / 2; the goal on hold has 0 % and is left out.
    expect((await g.listPdps())[0]).toMatchObject({ id: pdp.id, goalCount: 3, progress: 56.3, domains: ['health', 'career'] });

    const done = await g.updateGoal({ id: weight.id, status: 'completed' });
    expect(done).toMatchObject({ progress: 100, completedAt: s!.goalsCore.iso() });
    expect((await g.listPdps())[0]!.progress).toBe(87.5); // (75 + 100) / 2
    expect(await g.updateGoal({ id: weight.id, status: 'dropped' })).toMatchObject({ progress: 37.5, completedAt: null });
    expect((await g.listPdps())[0]!.progress).toBe(75);

    expect((await g.listGoals({ pdpId: pdp.id, status: 'active' })).map((x) => x.title)).toEqual(['Run a half marathon']);
    expect((await g.listGoals({ domain: 'health' })).map((x) => x.title)).toEqual(['Run a half marathon', 'Lose weight']);
  });

  it('keeps every value of a key result (the sparkline) and an auto progress entry at each change, plus manual notes', async () => {
    const { goals: g, setNow } = await start();
    const goal = await g.createGoal({ title: 'Read more' });
    const books = await g.createKeyResult({ goalId: goal.id, title: 'Books', startValue: 0, targetValue: 10, currentValue: 1 });
    setNow('2026-03-16T08:00:00Z');
    await g.updateKeyResult({ id: books.id, currentValue: 3, note: 'holiday' });
    setNow('2026-03-20T08:00:00Z');
    await g.updateKeyResult({ id: books.id, title: 'Books read' }); // no value: no point
    const kr = await g.updateKeyResult({ id: books.id, currentValue: 5 });
    expect(kr.history.map((h) => [h.at, h.value, h.note])).toEqual([
      ['2026-03-15T09:30:00.000Z', 1, ''],
      ['2026-03-16T08:00:00.000Z', 3, 'holiday'],
      ['2026-03-20T08:00:00.000Z', 5, ''],
    ]);
    expect(kr).toMatchObject({ title: 'Books read', currentValue: 5, progress: 50 });

    const manual = await g.logProgress({ goalId: goal.id, note: 'Halfway, on track' });
    expect(manual).toMatchObject({ kind: 'manual', progress: 50, note: 'Halfway, on track' });
    const d = await g.getGoal({ id: goal.id });
    expect(d.progressLog.map((e) => [e.kind, e.progress])).toEqual([
      ['auto', 0],
      ['auto', 10],
      ['auto', 30],
      ['auto', 50],
      ['manual', 50],
    ]);
    expect((await errorOf(g.logProgress({ goalId: goal.id }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(g.logProgress({ goalId: goal.id, progress: 120 }))).code).toBe('INVALID_INPUT');

    // A goal with no key results or tasks shows its last logged progress.
    const bare = await g.createGoal({ title: 'Be kinder' });
    await g.logProgress({ goalId: bare.id, progress: 30, note: 'Started' });
    expect((await g.getGoal({ id: bare.id })).breakdown).toMatchObject({ progress: 30, formula: 'no key results or tasks: last logged progress = 30 %' });

    // Deleting a key result takes it out of the mean.
    await g.deleteKeyResult({ id: books.id });
    expect((await g.getGoal({ id: goal.id })).progress).toBe(50); // the manual entry again
  });

  it('links journal entries, files and notes as evidence, checking that a reference exists', async () => {
    const { goals: g, client, core } = await start();
    const goal = await g.createGoal({ title: 'Speak Spanish' });
    const journal = await client.journal.createJournal({ name: 'Diary' });
    const entry = await client.journal.create({ journalId: journal.id, title: 'First conversation', body: 'Hablé con Ana.' });
    const { ticket } = await client.blobs.uploadTicket({});
    const blob = await core.blobs().upload(ticket, Readable.from([Buffer.from('certificate')]));
    const file = (await client.files.add({ blobId: blob.id, name: 'dele-a2.txt' })).file;

    const e1 = await g.addEvidence({ goalId: goal.id, kind: 'journal', refId: entry.id, title: 'First conversation' });
    await g.addEvidence({ goalId: goal.id, kind: 'file', refId: file.id, title: 'DELE A2 certificate' });
    await g.addEvidence({ goalId: goal.id, kind: 'note', title: 'Ordered dinner in Spanish' });
    expect((await g.getGoal({ id: goal.id })).evidence.map((e) => [e.kind, e.refId, e.title])).toEqual([
      ['journal', entry.id, 'First conversation'],
      ['file', file.id, 'DELE A2 certificate'],
      ['note', null, 'Ordered dinner in Spanish'],
    ]);
    expect((await g.removeEvidence({ id: e1.id })).title).toBe('First conversation');
    expect((await g.getGoal({ id: goal.id })).evidence).toHaveLength(2);

    expect((await errorOf(g.addEvidence({ goalId: goal.id, kind: 'journal', refId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', title: 'x' }))).code).toBe('NOT_FOUND');
    await client.files.trash({ id: file.id });
    expect((await errorOf(g.addEvidence({ goalId: goal.id, kind: 'file', refId: file.id, title: 'x' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(g.addEvidence({ goalId: goal.id, kind: 'file', title: 'x' }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(g.addEvidence({ goalId: goal.id, kind: 'note', refId: entry.id, title: 'x' }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(g.removeEvidence({ id: e1.id }))).code).toBe('NOT_FOUND');
    expect((await g.getGoal({ id: goal.id })).evidence).toHaveLength(2);
  });

  it('deletes a goal but keeps its tasks and habits, without a goal; deletes a plan but keeps its goals', async () => {
    const { goals: g } = await start();
    const pdp = await g.createPdp({ title: 'Career' });
    const goal = await g.createGoal({ pdpId: pdp.id, title: 'Get promoted' });
    const kr = await g.createKeyResult({ goalId: goal.id, title: 'Talks given', targetValue: 3 });
    const task = await g.createTask({ title: 'Ask for feedback', goalId: goal.id });
    const habit = await g.createHabit({ title: 'Write notes', goalId: goal.id });

    const other = await g.createGoal({ pdpId: pdp.id, title: 'Mentor someone' });
    expect((await g.deletePdp({ id: pdp.id })).goalCount).toBe(2);
    expect(await g.listPdps()).toEqual([]);
    expect((await g.getGoal({ id: other.id })).pdpId).toBeNull();

    expect((await g.deleteGoal({ id: goal.id })).title).toBe('Get promoted');
    expect((await g.getTask({ id: task.id })).goalId).toBeNull();
    expect((await g.listHabits())[0]).toMatchObject({ id: habit.id, goalId: null });
    expect((await g.listGoals({})).map((x) => x.id)).toEqual([other.id]);
    expect((await errorOf(g.getGoal({ id: goal.id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(g.updateKeyResult({ id: kr.id, currentValue: 1 }))).code).toBe('NOT_FOUND');
  });

  it('refuses bad input with typed errors and changes nothing', async () => {
    const { goals: g } = await start();
    const goal = await g.createGoal({ title: 'Save money' });
    const kr = await g.createKeyResult({ goalId: goal.id, title: 'Saved', targetValue: 1000, unit: '€' });
    const ms = await g.createKeyResult({ goalId: goal.id, title: 'Open account', kind: 'milestone' });
    const ghost = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    const codes = await Promise.all(
      [
        () => g.createGoal({ title: '  ' }),
        () => g.createGoal({ title: 'x', pdpId: ghost }),
        () => g.createGoal({ title: 'x', targetDate: '2026-02-30' }),
        () => g.createPdp({ title: 'x', periodStart: '2026-06-01', periodEnd: '2026-01-01' }),
        () => g.updateGoal({ id: ghost, title: 'x' }),
        () => g.createKeyResult({ goalId: ghost, title: 'x' }),
        () => g.createKeyResult({ goalId: goal.id, title: 'x', startValue: 10, targetValue: 5 }),
        () => g.createKeyResult({ goalId: goal.id, title: 'x', kind: 'milestone', habitId: ghost }),
        () => g.createKeyResult({ goalId: goal.id, title: 'x', habitId: ghost }),
        () => g.updateKeyResult({ id: kr.id, done: true }),
        () => g.updateKeyResult({ id: ms.id, currentValue: 3 }),
        () => g.updateKeyResult({ id: kr.id, direction: 'decrease' }),
        () => g.updateKeyResult({ id: kr.id, currentValue: Number.NaN }),
      ].map((f) => errorOf(f).then((e) => e.code)),
    );
    expect(codes).toEqual([
      'INVALID_INPUT',
      'NOT_FOUND',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'NOT_FOUND',
      'NOT_FOUND',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'NOT_FOUND',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'INVALID_INPUT',
    ]);
    expect((await g.listGoals({})).map((x) => x.title)).toEqual(['Save money']);
    const d = await g.getGoal({ id: goal.id });
    expect(d.keyResults.map((k) => [k.title, k.currentValue, k.direction, k.doneAt, k.history.length])).toEqual([
      ['Saved', 0, 'increase', null, 1],
      ['Open account', 0, 'increase', null, 1],
    ]);
    expect(await g.listPdps()).toEqual([]);
  });
});
