import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src-shared/lib/csv';
import { itWithFixtures, readFixture } from '../../test/fixtures';
import { errorOf, PASSWORD } from '../../test/helpers';
import type { GoalsData } from './goals-export-data';
import { goalsIcs } from './goals-export-ics';
import { setupGoals, type GoalsSetup, uploadBytes } from './goals.test-helpers';

/** Task import (preview, commit, duplicates, bad files) and the exports (CSV, JSON, ICS round trip) on a real profile. */

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
async function download(s: GoalsSetup, blobId: string): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of await s.core.blobs().store.open(blobId)) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString('utf8');
}
async function importFile(s: GoalsSetup, bytes: Uint8Array | string, fileName: string) {
  const preview = await s.goals.importPreview({ blobId: await upload(s, bytes), fileName });
  const result = await s.goals.importCommit({ previewId: preview.previewId });
  return { preview, result };
}
const allTasks = (s: GoalsSetup) => s.goals.listTasks({ filter: { includeCompleted: true }, limit: 5000 });

describe('goals import', () => {
  itWithFixtures(
    'imports a Todoist export in one go, then finds every task already there',
    async () => {
      const s = await setup();
      const bytes = readFixture('tasks', 'todoist', 'jimmy-test-data-Privates.csv');
      const { preview, result } = await importFile(s, bytes, 'Privates.csv');
      expect(preview).toMatchObject({ format: 'todoist', tasks: 21, subtasks: 1, completed: 0, recurring: 1, duplicates: 0 });
      expect(preview.projects).toEqual(['Privates', 'inbox', 'test section', 'Routinen 🔁', 'Inspiration ✨']);
      expect(preview.skipped).toEqual([{ reason: 'empty spacer rows', count: 5 }]);
      expect(preview.sample[0]).toEqual({ title: 'prio 1', dueDate: null, priority: 1, tags: [], project: 'Privates', depth: 0 });
      expect(result).toEqual({ tasks: 21, projects: 5, skipped: 0 });

      const tasks = await allTasks(s);
      expect(tasks).toHaveLength(21);
      const sub = tasks.find((t) => t.title === 'subtask')!;
      expect(sub.parentId).toBe(tasks.find((t) => t.title === 'task with subtask')!.id);
      expect(sub.tags).toEqual(['testlabel']);
      const weekly = tasks.find((t) => t.rrule)!;
      expect(weekly).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=SU', dueDate: '2026-03-15', priority: 3, source: 'todoist' });
      const timed = tasks.find((t) => t.title === 'task with due date incl. time')!;
      // 17:15 in Berlin (summer time from 29 March) is 15:15 UTC.
      expect(timed).toMatchObject({ dueDate: '2026-04-10', dueTime: '17:15', zone: 'Europe/Berlin', dueAt: '2026-04-10T15:15:00.000Z' });
      const projects = await s.goals.listProjects();
      expect(projects.find((p) => p.name === 'test section')?.parentId).toBe(projects.find((p) => p.name === 'Privates')?.id);

      // The same file again: every task is a duplicate, nothing new is written, the projects are reused.
      const again = await importFile(s, bytes, 'Privates.csv');
      expect(again.preview.duplicates).toBe(21);
      expect(again.result).toEqual({ tasks: 0, projects: 0, skipped: 21 });
      expect(await allTasks(s)).toHaveLength(21);
      expect(await s.goals.listProjects()).toHaveLength(5);
    },
    60_000,
  );

  itWithFixtures(
    'imports TickTick with completed tasks, sub-tasks and areas',
    async () => {
      const s = await setup();
      const { preview, result } = await importFile(s, readFixture('tasks', 'ticktick', 'vikunja-ticktick_export.csv'), 'backup.csv');
      expect(preview).toMatchObject({ format: 'ticktick', tasks: 11, subtasks: 2, completed: 2 });
      expect(preview.tags).toEqual(['deadline', 'important', 'personal', 'reminder', 'shopping', 'urgent', 'work']);
      expect(result.tasks).toBe(11);
      const tasks = await allTasks(s);
      const done = tasks.filter((t) => t.completed);
      expect(done.map((t) => [t.title, t.status, t.completedAt]).sort()).toEqual([
        ['Completed task example', 'done', '2025-11-25T10:39:31.000Z'],
        ['Long task description example', 'done', '2025-11-25T10:39:31.000Z'],
      ]);
      const parent = tasks.find((t) => t.title === 'Task with reminder and dates')!;
      expect(parent.subtasks).toEqual({ open: 2, done: 0 });
      const projects = await s.goals.listProjects();
      expect(projects.map((p) => `${p.kind}:${p.name}`).sort()).toEqual([
        'area:Personal',
        'area:Work',
        'project:Inbox',
        'project:Project Alpha',
        'project:Shopping',
      ]);
    },
    60_000,
  );

  it('refuses bad files with typed errors and writes nothing', async () => {
    const s = await setup();
    const started = Date.now();
    const big = Buffer.alloc(50 * 1024 * 1024, 'task,x,,4,1,,,,,\r\n');
    big.write('TYPE,CONTENT,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE\r\n');
    const bigId = await upload(s, big);
    const tooLarge = await errorOf(s.goals.importPreview({ blobId: bigId }));
    expect(tooLarge.code).toBe('TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(20_000);

    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect((await errorOf(s.goals.importPreview({ blobId: await upload(s, junk) }))).code).toBe('INVALID_INPUT');
    const empty = await errorOf(s.goals.importPreview({ blobId: await upload(s, '\ufeff\r\n') }));
    expect(empty).toMatchObject({ code: 'INVALID_INPUT' });
    expect(empty.message).toMatch(/no tasks/);
    const headerOnly = await errorOf(s.goals.importPreview({ blobId: await upload(s, 'TYPE,CONTENT,PRIORITY,INDENT\r\n') }));
    expect(headerOnly.message).toMatch(/no tasks/);
    const other = await errorOf(s.goals.importPreview({ blobId: await upload(s, 'name,amount\nrent,900\n') }));
    expect(other.message).toMatch(/Not a Todoist CSV, TickTick CSV or iCalendar/);
    expect((await errorOf(s.goals.importCommit({ previewId: 'nope' }))).code).toBe('NOT_FOUND');
    expect(await allTasks(s)).toHaveLength(0);
  }, 60_000);

  it('forgets a pending preview on lock', async () => {
    const s = await setup();
    const csv = 'TYPE,CONTENT,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE\r\ntask,Water the plants @home,1,1,,,,,\r\n';
    const preview = await s.goals.importPreview({ blobId: await upload(s, csv), fileName: 'Home.csv' });
    expect(preview.sample[0]).toMatchObject({ title: 'Water the plants', tags: ['home'], priority: 1 });
    await s.client.session.lock();
    const [profile] = await s.client.profile.list();
    await s.client.profile.unlock({ profileId: profile!.id, password: PASSWORD });
    expect((await errorOf(s.goals.importCommit({ previewId: preview.previewId }))).code).toBe('NOT_FOUND');
  }, 60_000);
});

describe('goals export', () => {
  it('writes RFC 4180 CSV with formula cells escaped, and versioned JSON with every task', async () => {
    const s = await setup();
    const csv = [
      'TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE',
      'task,"=HYPERLINK(""http://evil"",""click"")","line one\nsays ""hi"", then",2,1,,,2 Apr 2026,en,Europe/Berlin',
      'task,@cmd|calc sub,,4,2,,,,,',
      'task,-1 is a number,,4,1,,,,,',
    ].join('\r\n');
    await importFile(s, csv, 'Tricky.csv');
    const out = await s.goals.export({ format: 'tasks-csv' });
    expect(out).toMatchObject({ name: 'tasks.csv', rows: 3 });
    const text = await download(s, out.blobId);
    expect(text.startsWith('\ufeffid,title,notes,status,priority,due_date')).toBe(true);
    const [header, ...rows] = parseCsv(text).map((r) => r.fields);
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => r[col('title')])).toEqual(['\'=HYPERLINK("http://evil","click")', 'sub', "'-1 is a number"]);
    // Plain numbers stay numbers (the shared rule: only text that a spreadsheet would run is escaped).
    expect(rows.map((r) => r[col('priority')])).toEqual(['2', '4', '4']);
    expect(rows[0]![col('notes')]).toBe('line one\nsays "hi", then');
    expect(rows[0]![col('due_date')]).toBe('2026-04-02');
    expect(rows[1]![col('tags')]).toBe('cmd|calc');
    expect(rows[1]![col('parent_id')]).toBe(rows[0]![col('id')]);
    expect(rows[1]![col('project')]).toBe('Tricky');

    const json = JSON.parse(await download(s, (await s.goals.export({ format: 'json' })).blobId));
    expect(json).toMatchObject({ format: 'hearth-goals', version: 1 });
    expect(json.tasks).toHaveLength(3);
    expect(json.projects).toHaveLength(1);
    expect(json.tasks[1]).toMatchObject({ title: 'sub', tags: ['cmd|calc'], source: 'todoist' });
    expect(json.tasks[0]).not.toHaveProperty('doc');
    for (const f of ['goals-csv', 'key-results-csv', 'habits-csv', 'checkins-csv'] as const) {
      const e = await s.goals.export({ format: f });
      expect(e.rows).toBe(0);
      expect((await download(s, e.blobId)).split('\r\n')).toHaveLength(2);
    }
  }, 60_000);

  itWithFixtures(
    'exports VTODOs that ical.js reads and that import into a fresh profile as the same tasks',
    async () => {
      const a = await setup();
      await importFile(a, readFixture('tasks', 'ics', 'icalnet-Calendar1.ics'), 'Calendar1.ics');
      await importFile(a, readFixture('tasks', 'ticktick', 'vikunja-ticktick_export.csv'), 'backup.csv');
      const goal = await a.goals.createGoal({ title: 'Run a marathon', targetDate: '2026-10-11' });
      await a.goals.createKeyResult({ goalId: goal.id, title: 'Half marathon done', kind: 'milestone', dueDate: '2026-06-07' });
      await a.goals.createKeyResult({ goalId: goal.id, title: 'Weekly km', startValue: 10, targetValue: 50, unit: 'km' });
      const out = await a.goals.export({ format: 'ics' });
      expect(out).toMatchObject({ name: 'hearth-tasks.ics', rows: 44 });
      const text = await download(a, out.blobId);
      const cal = new ICAL.Component(ICAL.parse(text));
      expect(cal.getAllSubcomponents('vtodo')).toHaveLength(42);
      // The goal's target date and its milestone are all-day events; a numeric key result has no date.
      const events = cal.getAllSubcomponents('vevent').map((e) => [e.getFirstPropertyValue('summary'), String(e.getFirstPropertyValue('dtstart'))]);
      expect(events).toEqual([
        ['Goal: Run a marathon', '2026-10-11'],
        ['Milestone: Half marathon done', '2026-06-07'],
      ]);
      expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);

      const b = await setup();
      const { preview, result } = await importFile(b, text, 'hearth-tasks.ics');
      expect(preview).toMatchObject({ format: 'ics', tasks: 42, subtasks: 2, completed: 4, recurring: 7, duplicates: 0 });
      expect(preview.skipped).toContainEqual({ reason: 'events (VEVENT): import them in the calendar', count: 2 });
      expect(result.tasks).toBe(42);
      const shape = (ts: Awaited<ReturnType<typeof allTasks>>) =>
        ts.map((t) => [t.title, t.notes, t.priority, t.dueDate, t.dueTime, t.zone, t.rrule, t.completedAt, [...t.tags].sort().join(',')].join('|')).sort();
      const [before, after] = [await allTasks(a), await allTasks(b)];
      expect(shape(after)).toEqual(shape(before));
      // Exported into the profile it came from: the .ics tasks keep their UIDs, so they are duplicates.
      const back = await a.goals.importPreview({ blobId: await upload(a, text), fileName: 'again.ics' });
      expect(back.duplicates).toBe(31);
    },
    120_000,
  );

  it('writes an .ics of 20,000 tasks (one VCALENDAR, no call-stack limit on the line count)', () => {
    const at = '2026-03-01T10:00:00.000Z';
    const task = (i: number) => ({
      ...{
        id: `T${String(i).padStart(25, '0')}`,
        doc: i + 1,
        title: `Task ${i}`,
        notes: i % 2 ? 'a note' : '',
        goal_id: null,
        project_id: null,
        parent_id: null,
      },
      ...{ priority: 1 + (i % 5), status: 'todo' as const, due_date: '2026-04-01', due_time: i % 3 ? '09:00' : null, zone: 'Europe/Berlin', due_ms: 0 },
      ...{ scheduled_date: null, estimate_minutes: null, tags: '["x"]', rrule: i % 10 ? null : 'FREQ=WEEKLY', repeat_from: 'due' as const },
      ...{ completed_at: null, sort_order: i, source: null, source_id: null, created_at: at, updated_at: at, deleted_at: null },
    });
    const none = {
      pdps: [],
      goals: [],
      keyResults: [],
      keyResultLog: [],
      progressLog: [],
      evidence: [],
      projects: [],
      taskHistory: [],
      habits: [],
      checkins: [],
      filters: [],
    };
    const data: GoalsData = { ...none, tasks: Array.from({ length: 20_000 }, (_, i) => task(i)) };
    const { text, rows } = goalsIcs(data, Date.parse(at));
    expect(rows).toBe(20_000);
    expect(text.match(/^BEGIN:VTODO\r$/gm)).toHaveLength(20_000);
    expect(text.match(/^BEGIN:VTIMEZONE\r$/gm)).toHaveLength(1);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
