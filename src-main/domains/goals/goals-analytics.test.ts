import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD } from '../../test/helpers';
import { setupGoals, type GoalsSetup } from './goals.test-helpers';

/**
 * The dashboard and the weekly review over a small history made through the real ops on a real encrypted profile,
 * with the clock moved between steps. Now is Sunday 2026-03-15 (Europe/Berlin); every step happens at 10:00 local.
 */
let s: GoalsSetup;
const at = (date: string) => s.setNow(`${date}T09:00:00Z`);

async function seed() {
  const g = s.goals;
  at('2026-03-02');
  const a = await g.createTask({ title: 'Alpha report', dueDate: '2026-03-04', priority: 1 });
  const b = await g.createTask({ title: 'Bravo call', dueDate: '2026-03-03' });
  const c = await g.createTask({ title: 'Charlie notes' });
  const run = await g.createHabit({ title: 'Run', period: 'week', target: 3, startDate: '2026-03-02' });
  const goal = await g.createGoal({ title: 'Get fit' });
  const kr = await g.createKeyResult({ goalId: goal.id, title: 'Weekly km', startValue: 0, targetValue: 40, unit: 'km' });
  await g.logProgress({ goalId: goal.id, progress: 10, note: 'Started' });
  at('2026-03-05');
  await g.completeTask({ id: a.id }); // a day late
  await g.updateKeyResult({ id: kr.id, currentValue: 5 });
  at('2026-03-06');
  await g.completeTask({ id: b.id });
  s.setNow('2026-03-06T10:00:00Z');
  await g.uncompleteTask({ id: b.id }); // undone: does not count
  at('2026-03-09');
  const r = await g.createTask({ title: 'Daily stretch', dueDate: '2026-03-09', rrule: 'FREQ=DAILY' });
  await g.completeTask({ id: r.id }); // moves to 03-10, then left open
  const read = await g.createHabit({ title: 'Read', startDate: '2026-03-09' });
  at('2026-03-10');
  await g.completeTask({ id: c.id });
  await g.updateKeyResult({ id: kr.id, currentValue: 8 });
  await g.logProgress({ goalId: goal.id, progress: 30, note: 'Better' });
  at('2026-03-11');
  await g.updateKeyResult({ id: kr.id, currentValue: 12 });
  at('2026-03-15');
  // Check-ins for days that have come (a future day is refused).
  for (const d of ['2026-03-03', '2026-03-05', '2026-03-07']) await g.checkIn({ habitId: run.id, date: d, value: 1 });
  for (const d of ['2026-03-09', '2026-03-10', '2026-03-12']) await g.checkIn({ habitId: read.id, date: d, value: 1 });
  return { a, b, c, r, run, read, goal, kr };
}

beforeEach(async () => {
  s = await setupGoals({ nowMs: Date.parse('2026-03-15T09:00:00Z'), zone: 'Europe/Berlin' });
});
afterEach(() => s.close());

const byDate = (points: { date: string; value: number }[]) => Object.fromEntries(points.map((p) => [p.date, p.value]));

describe('goals dashboard', () => {
  it('counts completions, creations and overdue per day from the history, undone completions left out', async () => {
    const ids = await seed();
    const d = await s.goals.dashboard({ from: '2026-03-01', to: '2026-03-15', bucket: 'day' });
    expect(d.completed).toHaveLength(15);
    const completed = byDate(d.completed);
    expect(completed).toMatchObject({ '2026-03-05': 1, '2026-03-06': 0, '2026-03-09': 1, '2026-03-10': 1 });
    expect(d.completed.reduce((a, p) => a + p.value, 0)).toBe(3);
    expect(byDate(d.created)).toMatchObject({ '2026-03-02': 3, '2026-03-09': 1, '2026-03-10': 0 });
    // Alpha overdue at the end of 03-04 only; Bravo from 03-03 on; the daily task's 03-10 occurrence from 03-10 on.
    const overdue = byDate(d.overdue);
    expect([overdue['2026-03-02'], overdue['2026-03-03'], overdue['2026-03-04'], overdue['2026-03-05'], overdue['2026-03-09']]).toEqual([0, 1, 2, 1, 1]);
    expect([overdue['2026-03-10'], overdue['2026-03-15']]).toEqual([2, 2]);
    expect(d.totals).toEqual({ open: 2, overdue: 2, completedInRange: 3, activeGoals: 1 });
    // 3 completed ÷ (3 + Bravo and the daily task, open and due in the range)
    expect(d.completionRate).toBe(0.6);
    // Alpha took 3 days, Charlie 8 (the repeating task is left out): median 5.5
    expect(d.medianDaysToComplete).toBe(5.5);
    expect(d.goalProgress).toEqual([expect.objectContaining({ goalId: ids.goal.id, title: 'Get fit' })]);
    expect(byDate(d.goalProgress[0]!.points)).toMatchObject({ '2026-03-02': 10, '2026-03-10': 30 });
  });

  it('gives habit consistency over due days and whole periods, today and the running week only once kept', async () => {
    const ids = await seed();
    const d = await s.goals.dashboard({ from: '2026-03-01', to: '2026-03-15' });
    const by = Object.fromEntries(d.habitConsistency.map((h) => [h.habitId, h.consistency]));
    // Read: due 03-09..03-14 (today not checked yet, so not counted), kept on 3 of 6 days
    expect(by[ids.read.id]).toBe(0.5);
    // Run: the week of 03-02 kept (3 runs); the running week, with no run yet, does not count until it is kept
    expect(by[ids.run.id]).toBe(1);
  });

  it('scores productivity by the documented formula, day by day', async () => {
    await seed();
    const d = await s.goals.dashboard({ from: '2026-03-01', to: '2026-03-15', bucket: 'day' });
    const score = byDate(d.productivity.points);
    // 03-05: Alpha (p1, weight 2.5) done a day late: 100 × (0.5 × 2.5/4 + 0.2 × 0) ÷ 0.7
    expect(score['2026-03-05']).toBe(44.6);
    // 03-11: no completion, Read due and not kept: 100 × (0.5 × 0 + 0.3 × 0) ÷ 0.8
    expect(score['2026-03-11']).toBe(0);
    // 03-12: Read kept, nothing done: 100 × 0.3 ÷ 0.8
    expect(score['2026-03-12']).toBe(37.5);
    expect(d.productivity.formula).toContain('weighted completions ÷ 4');
    expect(d.productivity.score).toBeGreaterThan(0);
    expect(d.productivity.score).toBeLessThan(100);
  });

  it('buckets by ISO week and month, labelling a bucket by its first day in the range', async () => {
    await seed();
    const w = await s.goals.dashboard({ from: '2026-03-01', to: '2026-03-15', bucket: 'week' });
    expect(w.completed).toEqual([
      { date: '2026-03-01', value: 0 },
      { date: '2026-03-02', value: 1 },
      { date: '2026-03-09', value: 2 },
    ]);
    expect(w.overdue.map((p) => p.value)).toEqual([0, 1, 2]);
    const m = await s.goals.dashboard({ from: '2026-02-20', to: '2026-03-15', bucket: 'month' });
    expect(m.completed).toEqual([
      { date: '2026-02-20', value: 0 },
      { date: '2026-03-01', value: 3 },
    ]);
  });

  it('counts a repeating task once per standing completion, undo taken out, and its missed occurrence as overdue', async () => {
    at('2026-03-02');
    const t = await s.goals.createTask({ title: 'Water plants', dueDate: '2026-03-02', rrule: 'FREQ=DAILY', priority: 2 });
    await s.goals.completeTask({ id: t.id }); // 03-02 done on time → due 03-03
    at('2026-03-04');
    await s.goals.completeTask({ id: t.id }); // 03-03 done a day late → due 03-04
    await s.goals.completeTask({ id: t.id }); // 03-04 done → due 03-05
    s.setNow('2026-03-04T10:00:00Z');
    await s.goals.uncompleteTask({ id: t.id }); // back to 03-04
    at('2026-03-15');
    const d = await s.goals.dashboard({ from: '2026-03-01', to: '2026-03-15' });
    expect(byDate(d.completed)).toMatchObject({ '2026-03-02': 1, '2026-03-03': 0, '2026-03-04': 1 });
    expect(d.totals.completedInRange).toBe(2);
    // Overdue: the 03-03 occurrence at the end of 03-03; the 03-04 one (open again) from 03-04 on.
    const overdue = byDate(d.overdue);
    expect([overdue['2026-03-02'], overdue['2026-03-03'], overdue['2026-03-04'], overdue['2026-03-15']]).toEqual([0, 1, 1, 1]);
    // 03-02: one p2 completion on time: 100 × (0.5 × 2/4 + 0.2 × 1) ÷ 0.7
    expect(byDate(d.productivity.points)['2026-03-02']).toBe(64.3);
    // A repeating task has no "time to complete".
    expect(d.medianDaysToComplete).toBeNull();
  });

  it('defaults to the last 90 days and refuses a reversed or huge range', async () => {
    const d = await s.goals.dashboard({});
    expect([d.from, d.to, d.bucket]).toEqual(['2025-12-16', '2026-03-15', 'day']);
    expect(d.completed).toHaveLength(90);
    expect(d.medianDaysToComplete).toBeNull();
    await expect(s.goals.dashboard({ from: '2026-03-10', to: '2026-03-01' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(s.goals.dashboard({ from: '1990-01-01', to: '2026-03-01' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('weekly review', () => {
  it('collects the ISO week: tasks done, habits, key-result changes and visible journal entries', async () => {
    const ids = await seed();
    const j = s.client.journal;
    const open = await j.createJournal({ name: 'Diary' });
    await j.create({ journalId: open.id, title: 'Trip notes', entryAt: '2026-03-11T18:00:00Z' });
    const gone = await j.create({ journalId: open.id, title: 'Binned', entryAt: '2026-03-12T18:00:00Z' });
    await j.trash({ id: gone.id });
    await j.create({ journalId: open.id, title: 'Last week', entryAt: '2026-03-06T18:00:00Z' });
    const secret = await j.createJournal({ name: 'Private', privacy: 'locked' });
    await j.openJournal({ id: secret.id, password: PASSWORD });
    await j.create({ journalId: secret.id, title: 'Secret thoughts', entryAt: '2026-03-12T18:00:00Z' });

    const r = await s.goals.weeklyReview({ weekOf: '2026-03-12' });
    expect([r.weekStart, r.weekEnd]).toEqual(['2026-03-09', '2026-03-15']);
    expect(r.tasksDone.map((t) => t.title)).toEqual(['Daily stretch', 'Charlie notes']);
    expect(r.habits).toEqual([
      { habitId: ids.run.id, title: 'Run', kept: 0, due: 0 },
      { habitId: ids.read.id, title: 'Read', kept: 3, due: 6 },
    ]);
    expect(r.keyResultChanges).toEqual([{ keyResultId: ids.kr.id, goalTitle: 'Get fit', title: 'Weekly km', from: 5, to: 12, unit: 'km' }]);
    expect(r.journalEntries.map((e) => e.title)).toEqual(['Trip notes']);
    expect(r.markdown).toContain('## Tasks done (2)');
    expect(r.markdown).toContain('- Get fit › Weekly km: 5 → 12 km');
    expect(r.markdown).toContain('- Read: kept 3 of 6');
    expect(r.markdown).not.toContain('Secret');
  });

  it('saves the review as an entry of the first normal journal, or of a new "Journal"', async () => {
    await seed();
    const saved = await s.goals.saveReview({ weekOf: '2026-03-04' });
    const journals = await s.client.journal.listJournals();
    expect(journals.map((x) => x.name)).toEqual(['Journal']);
    expect(saved.journalId).toBe(journals[0]!.id);
    const entry = await s.client.journal.get({ id: saved.entryId });
    expect(entry.title).toBe('Weekly review — 2026-W10');
    expect(entry.body).toContain('- Alpha report (Thu 5 Mar)');
    // A past week is dated on its Sunday evening.
    expect(entry.entryAt).toBe('2026-03-08T19:00:00.000Z');
    const again = await s.goals.saveReview({});
    expect(again.journalId).toBe(saved.journalId);
    expect((await s.client.journal.get({ id: again.entryId })).title).toBe('Weekly review — 2026-W11');
  });
});
