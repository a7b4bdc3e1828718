import { afterEach, describe, expect, it } from 'vitest';
import { errorOf } from '../../test/helpers';
import { setupGoals, type GoalsSetup, uploadBytes } from './goals.test-helpers';

/**
 * Hearth's own goals JSON export read back: export → import into a fresh profile → export again gives the same file
 * (apart from `exportedAt`), every view answers the same, a second import adds nothing, and a bad file is refused
 * with a typed error before anything is written.
 */

const open: GoalsSetup[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});
async function setup(): Promise<GoalsSetup> {
  const s = await setupGoals();
  open.push(s);
  return s;
}
const upload = uploadBytes;
async function exportJson(s: GoalsSetup): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of await s.core.blobs().store.open((await s.goals.export({ format: 'json' })).blobId)) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString('utf8');
}
const END = '2026-03-20T18:00:00Z';

/** A profile with something in every goals table, built through the ops over a few days. */
async function richProfile(s: GoalsSetup): Promise<void> {
  const g = s.goals;
  const pdp = await g.createPdp({ title: 'Plan 2026', vision: 'Fit and fluent', domains: ['health', 'learning'] });
  const run = await g.createGoal({ pdpId: pdp.id, title: 'Run a half marathon', domain: 'health', targetDate: '2026-09-01' });
  const spanish = await g.createGoal({ pdpId: pdp.id, title: 'Spanish B1', domain: 'learning', why: 'Talk to Ana' });
  const km = await g.createKeyResult({ goalId: run.id, title: 'Long run', startValue: 5, targetValue: 21, unit: 'km' });
  const race = await g.createKeyResult({ goalId: run.id, title: 'Register', kind: 'milestone', dueDate: '2026-04-01' });
  const study = await g.createHabit({ title: 'Study Spanish', goalId: spanish.id, startDate: '2026-03-09', unit: 'min', target: 20 });
  await g.createKeyResult({ goalId: spanish.id, title: 'Minutes studied', targetValue: 600, unit: 'min', habitId: study.id });
  const area = await g.createProject({ name: 'Life', kind: 'area' });
  const home = await g.createProject({ name: 'Home', parentId: area.id, color: 'blue' });
  const rent = await g.createTask({ title: 'Pay rent', projectId: home.id, dueDate: '2026-03-16', rrule: 'FREQ=WEEKLY', tags: ['Finance'], priority: 2 });
  await g.createTask({ title: 'Check the bank', parentId: rent.id, notes: 'online **banking**' });
  await g.createTask({ title: 'Call Ana', goalId: spanish.id, dueDate: '2026-03-18', dueTime: '15:00', estimateMinutes: 30 });
  const shoes = await g.createTask({ title: 'Buy shoes', goalId: run.id, scheduledDate: '2026-03-17' });
  await g.saveFilter({ name: 'Money', filter: { tags: ['finance'], priorities: [1, 2] } });
  for (const [day, value] of [
    ['2026-03-09', 20],
    ['2026-03-10', 25],
    ['2026-03-12', 20],
    ['2026-03-14', 30],
  ] as const)
    await g.checkIn({ habitId: study.id, date: day, value, note: day === '2026-03-14' ? 'podcast' : '' });
  s.setNow('2026-03-16T07:00:00Z');
  await g.updateKeyResult({ id: km.id, currentValue: 10, note: 'first 10k' });
  await g.completeTask({ id: rent.id });
  s.setNow('2026-03-17T19:00:00Z');
  await g.updateKeyResult({ id: km.id, currentValue: 12.5 });
  await g.completeTask({ id: shoes.id });
  await g.completeTask({ id: rent.id });
  await g.uncompleteTask({ id: rent.id });
  await g.logProgress({ goalId: run.id, progress: 40, note: 'Feeling good' });
  await g.addEvidence({ goalId: run.id, kind: 'note', title: 'Ran 12.5 km without stopping' });
  s.setNow('2026-03-18T08:00:00Z');
  await g.updateKeyResult({ id: race.id, done: true });
  await g.checkIn({ habitId: study.id, date: '2026-03-18', value: 20 });
  s.setNow(END);
}

/** Everything the views show, read the same way in both profiles. */
async function views(s: GoalsSetup) {
  const g = s.goals;
  const goals = await g.listGoals({});
  return {
    goals: await Promise.all(goals.map((x) => g.getGoal({ id: x.id }))),
    pdps: await g.listPdps(),
    today: await g.today({}),
    upcoming: await g.upcoming({}),
    habits: await g.listHabits(),
    logbook: await g.logbook({}),
    tasks: await g.listTasks({ filter: { includeCompleted: true }, limit: 5000 }),
    projects: await g.listProjects(),
    filters: await g.listFilters(),
    dashboard: await g.dashboard({ from: '2026-03-01', to: '2026-03-20', bucket: 'day' }),
    search: await g.listTasks({ filter: { text: 'bank' } }),
  };
}
const withoutStamp = (text: string): string => text.replace(/"exportedAt": "[^"]*"/, '"exportedAt": "-"');

describe('goals JSON round trip', () => {
  it('exports, imports into a fresh profile and exports the same file; every view answers the same', async () => {
    const a = await setup();
    await richProfile(a);
    const first = await exportJson(a);

    const b = await setup();
    b.setNow(END);
    const preview = await b.goals.importPreview({ blobId: await upload(b, first), fileName: 'hearth-goals.json' });
    expect(preview).toMatchObject({ format: 'hearth', tasks: 4, subtasks: 1, completed: 1, recurring: 1, duplicates: 0, skipped: [], warnings: [] });
    expect(preview.projects).toEqual(['Life', 'Home']);
    expect(preview.tags).toEqual(['Finance']);
    const count = Object.fromEntries(preview.records.map((r) => [r.kind, r.count]));
    expect(count).toMatchObject({ plans: 1, goals: 2, 'key results': 3, habits: 1, 'habit check-ins': 5, projects: 2, tasks: 4, 'saved filters': 1 });
    expect(count['key-result log points']).toBeGreaterThanOrEqual(5);
    expect(count['task history']).toBe(4); // rent done twice and undone once, shoes done once
    expect(count['progress log entries']).toBeGreaterThanOrEqual(1);
    expect(count.evidence).toBe(1);
    expect(preview.sample.find((t) => t.title === 'Check the bank')).toMatchObject({ depth: 1 });

    const result = await b.goals.importCommit({ previewId: preview.previewId });
    expect(result).toEqual({ tasks: 4, projects: 2, skipped: 0 });
    b.setNow(Date.parse(END) + 60_000);
    const second = await exportJson(b);
    b.setNow(END);
    expect(second).not.toBe(first); // the export's own timestamp differs…
    expect(withoutStamp(second)).toBe(withoutStamp(first)); // …and nothing else
    expect(await views(b)).toEqual(await views(a));
    const habit = (await b.goals.listHabits())[0]!;
    expect(habit).toMatchObject({ title: 'Study Spanish', bestStreak: 2 }); // 9 and 10 March
    const spanish = (await views(b)).goals.find((x) => x.title === 'Spanish B1')!;
    // The habit still counts toward its key result in the new profile: its check-ins since the key result began.
    expect(spanish.keyResults[0]).toMatchObject({ title: 'Minutes studied', currentValue: 20 });

    // The same file again: every record is already there; nothing is added.
    const again = await b.goals.importPreview({ blobId: await upload(b, first) });
    const total = preview.records.reduce((n, r) => n + r.count, 0);
    expect(again).toMatchObject({ format: 'hearth', duplicates: total, skipped: [] });
    expect(await b.goals.importCommit({ previewId: again.previewId })).toEqual({ tasks: 0, projects: 0, skipped: total });
    expect(withoutStamp(await exportJson(b))).toBe(withoutStamp(first));
  });

  it('clears links to records that are in neither the file nor the profile, and skips records that cannot stand alone', async () => {
    const a = await setup();
    await richProfile(a);
    const doc = JSON.parse(await exportJson(a));
    const missing = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
    const run = doc.goals.find((x: { title: string }) => x.title === 'Run a half marathon');
    doc.goals = doc.goals.filter((x: { id: string }) => x.id !== run.id);
    doc.pdps = [];
    doc.tasks.find((t: { title: string }) => t.title === 'Call Ana').projectId = missing;
    const b = await setup();
    b.setNow(END);
    const preview = await b.goals.importPreview({ blobId: await upload(b, JSON.stringify(doc)), format: 'hearth' });
    expect(preview.warnings.some((w) => w.includes('Call Ana') && w.includes(missing))).toBe(true);
    expect(preview.warnings.some((w) => w.includes('Buy shoes'))).toBe(true); // its goal is gone
    expect(preview.skipped.map((x) => x.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^key results whose goal/), expect.stringMatching(/^evidence whose goal/)]),
    );
    const result = await b.goals.importCommit({ previewId: preview.previewId });
    expect(result.tasks).toBe(4);
    const tasks = await b.goals.listTasks({ filter: { includeCompleted: true }, limit: 100 });
    expect(tasks.find((t) => t.title === 'Buy shoes')!.goalId).toBeNull();
    expect(tasks.find((t) => t.title === 'Call Ana')!.projectId).toBeNull();
    expect((await b.goals.listGoals({})).map((x) => [x.title, x.pdpId])).toEqual([['Spanish B1', null]]);
  });

  it('refuses a bad file with a typed error and writes nothing', async () => {
    const a = await setup();
    await richProfile(a);
    const good = await exportJson(a);
    const b = await setup();
    const before = await exportJson(b);
    const refuse = async (bytes: string | Uint8Array, format?: 'hearth') => errorOf(b.goals.importPreview({ blobId: await upload(b, bytes), format }));

    const v2 = await refuse(good.replace('"version": 1', '"version": 2'));
    expect(v2.code).toBe('INVALID_INPUT');
    expect(v2.message).toMatch(/version 2; this Hearth reads version 1/);
    expect((await refuse(good.slice(0, good.length / 2))).message).toMatch(/not valid JSON/);
    expect((await refuse(good.slice(0, good.length / 2), 'hearth')).code).toBe('INVALID_INPUT');
    const big = Buffer.alloc(17 * 1024 * 1024, 0x20);
    big.write('{"format": "hearth-goals", "version": 1, "tasks": []}');
    expect((await refuse(big)).code).toBe('TOO_LARGE');
    const doc = JSON.parse(good);
    doc.tasks[0].title = 'x'.repeat(2_000_000);
    const long = await refuse(JSON.stringify(doc));
    expect(long.code).toBe('INVALID_INPUT');
    expect(long.message).toMatch(/tasks\.0\.title/);
    doc.tasks[0].title = 'ok';
    doc.goals[0].status = 'someday';
    expect((await refuse(JSON.stringify(doc))).issues?.[0]?.path).toBe('goals.0.status');
    expect((await refuse('{"format": "other", "version": 1}', 'hearth')).message).toMatch(/Not a Hearth goals export/);

    expect(withoutStamp(await exportJson(b))).toBe(withoutStamp(before));
  });
});
