import { describe, expect, it } from 'vitest';
import { describeWithFixtures, readFixture } from '../../test/fixtures';
import { parseTaskImport, sniffFormat, type ParsedImport } from './import';
import { parseTodoistDate } from './import/dates';
import { NOT_COMPLETABLE_TAG } from './import/todoist';

/** The task importers on real exports from other apps (facts from the tasks fixtures README). */

const NOW = Date.parse('2026-03-15T09:30:00Z'); // a Sunday
const ctx = (fileName?: string) => ({ nowMs: NOW, zone: 'Europe/Berlin', fileName });
const read = (dir: string, name: string): ParsedImport => parseTaskImport(readFixture('tasks', dir, name), ctx(name));
const byTitle = (p: ParsedImport, title: string) => {
  const t = p.tasks.find((x) => x.title === title);
  if (!t) throw new Error(`no task "${title}" in ${p.tasks.map((x) => x.title).join(' | ')}`);
  return t;
};
const skipped = (p: ParsedImport, re: RegExp): number => [...p.skipped].filter(([k]) => re.test(k)).reduce((n, [, c]) => n + c, 0);

describeWithFixtures('task import: Todoist CSV', () => {
  it('reads the current format: 21 tasks, one sub-task, 4 sections under the file’s project, dates in en and de', () => {
    const p = read('todoist', 'jimmy-test-data-Privates.csv');
    expect(sniffFormat(readFixture('tasks', 'todoist', 'jimmy-test-data-Privates.csv').toString('utf8'))).toBe('todoist');
    expect(p.format).toBe('todoist');
    expect(p.tasks).toHaveLength(21);
    expect(p.tasks.filter((t) => t.parentSourceId)).toHaveLength(1);
    expect(p.projects.map((x) => x.name)).toEqual(['jimmy-test-data-Privates', 'inbox', 'test section', 'Routinen 🔁', 'Inspiration ✨']);
    expect(p.projects.slice(1).every((x) => x.parentKey === 'file')).toBe(true);
    expect(skipped(p, /spacer/)).toBe(5);
    expect(['prio 1', 'prio 2', 'prio 3', 'prio 4', 'no prio is prio 4'].map((t) => byTitle(p, t).priority)).toEqual([1, 2, 4, 4, 4]);
    // The first five tasks come before any section: they are in the file's project.
    expect(byTitle(p, 'prio 1').projectKey).toBe('file');

    const sub = byTitle(p, 'subtask');
    expect(sub.tags).toEqual(['testlabel']);
    expect(sub.parentSourceId).toBe(byTitle(p, 'task with subtask').sourceId);
    expect(sub.depth).toBe(1);
    expect(byTitle(p, 'task with label').tags).toEqual(['testlabel']);
    expect(byTitle(p, 'task with description').notes).toContain('## Heading 2');

    expect(byTitle(p, 'task with due date')).toMatchObject({ dueDate: '2026-04-09', dueTime: null, zone: 'Europe/Berlin' });
    expect(byTitle(p, 'task with due date incl. time')).toMatchObject({ dueDate: '2026-04-10', dueTime: '17:15' });
    expect(byTitle(p, 'task with due date next year')).toMatchObject({ dueDate: '2025-01-02', dueTime: null });
    expect(byTitle(p, 'task with due date in two years')).toMatchObject({ dueDate: '2026-01-02', dueTime: '09:35' });
    // "ev sun": weekly on Sunday; the export's "now" is a Sunday, so the first one is today.
    const weekly = byTitle(p, 'Einen wöchentlichen Überblick über meine Aufgaben und Ziele erstellen');
    expect(weekly).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=SU', dueDate: '2026-03-15', priority: 3 });
    expect(p.tasks.filter((t) => t.rrule)).toHaveLength(1);
    // Source ids are stable: the same file read again gives the same ids (so a re-import is all duplicates).
    expect(read('todoist', 'jimmy-test-data-Privates.csv').tasks.map((t) => t.sourceId)).toEqual(p.tasks.map((t) => t.sourceId));
    expect(new Set(p.tasks.map((t) => t.sourceId)).size).toBe(21);
  });

  it('reads the older 9-column format: 8 tasks four levels deep, 9 comments merged into notes, 8 spacers', () => {
    const p = read('todoist', 'todoist-converter-full-todoist-project.csv');
    expect(p.tasks).toHaveLength(8);
    expect(skipped(p, /comments/)).toBe(9);
    expect(skipped(p, /spacer/)).toBe(8);
    expect(['task level one', 'task level two', 'task level three', 'task level four'].map((t) => byTitle(p, t).depth)).toEqual([0, 1, 2, 3]);
    expect(byTitle(p, 'task level four').parentSourceId).toBe(byTitle(p, 'task level three').sourceId);
    const clickable = byTitle(p, 'clickable subtask, scheduled');
    expect(clickable).toMatchObject({ priority: 2, dueDate: '2027-01-04', tags: ['30min', '/munich'] });
    const star = byTitle(p, 'unclickable task');
    expect(star.tags).toContain(NOT_COMPLETABLE_TAG);
    const notes = p.tasks.map((t) => t.notes).join('\n');
    // Attachments in comments are kept as links; CRLF inside cells became LF.
    expect(notes).not.toContain('[[file');
    expect(notes).toMatch(/\]\(https?:\/\//);
    expect(notes).not.toContain('\r');
  });

  it('keeps unicode and CSV-escaped quotes', () => {
    const p = read('todoist', 'todoist-converter-unicode-and-quotes.csv');
    expect(p.tasks.map((t) => t.title)).toEqual(['this is über-nice', '😎🍉↗︎↴⥺', 'actually, what happens to a “comma"?']);
    expect(p.tasks[1]!.depth).toBe(1);
    expect(p.tasks.map((t) => t.notes).join('')).toContain('“quotes”');
  });
});

describeWithFixtures('task import: TickTick CSV', () => {
  it('reads the backup past its preamble: 11 tasks, 2 sub-tasks, 2 done, 7 tags, folders and lists', () => {
    const p = read('ticktick', 'vikunja-ticktick_export.csv');
    expect(p.format).toBe('ticktick');
    expect(p.tasks).toHaveLength(11);
    expect(p.tasks.filter((t) => t.parentSourceId === '2').map((t) => t.title)).toEqual(['Subtask example', 'Another subtask']);
    expect(p.tasks.filter((t) => t.completedAt).map((t) => [t.title, t.completedAt])).toEqual([
      ['Long task description example', '2025-11-25T10:39:31.000Z'],
      ['Completed task example', '2025-11-25T10:39:31.000Z'],
    ]);
    // Status 0 with a Completed Time stays open: the status is what TickTick shows.
    expect(byTitle(p, 'Task with reminder and dates').completedAt).toBeNull();
    const tags = new Set(p.tasks.flatMap((t) => t.tags));
    expect([...tags].sort()).toEqual(['deadline', 'important', 'personal', 'reminder', 'shopping', 'urgent', 'work']);
    expect(p.projects.map((x) => `${x.kind}:${x.name}`)).toEqual(['area:Work', 'project:Project Alpha', 'area:Personal', 'project:Shopping', 'project:Inbox']);
    // All-day 2018-12-11T23:00:00+0000 in Berlin is the 12th; an empty Timezone uses the system zone.
    expect(byTitle(p, 'Task with reminder and dates')).toMatchObject({ dueDate: '2018-12-12', dueTime: null, zone: 'Europe/Berlin' });
    expect(byTitle(p, 'Welcome task')).toMatchObject({ dueDate: '2023-06-14', dueTime: null });
    expect(byTitle(p, 'Checklist example').notes).toContain('checklist task');
  });

  it('reads titles and notes with line breaks', () => {
    const p = read('ticktick', 'vikunja-ticktick_multiline.csv');
    expect(p.tasks.map((t) => t.title)).toEqual(['Task with multiline description', 'Regular task']);
    expect(p.tasks[0]!.notes).toContain('\n\nIt has paragraphs and everything!\nIncluding special characters: #, *, @');
  });

  it('survives bad numbers and ids with warnings', () => {
    const p = read('ticktick', 'vikunja-ticktick_invalid_numbers.csv');
    expect(p.tasks).toHaveLength(2);
    expect(p.tasks.map((t) => t.priority)).toEqual([4, 4]);
    expect(p.tasks[1]).toMatchObject({ sourceId: 'abc', parentSourceId: null, depth: 0 });
    expect(p.warnings.some((w) => w.includes('"p1"'))).toBe(true);
    expect(p.warnings.some((w) => w.includes('"xyz"'))).toBe(true);
  });
});

describeWithFixtures('task import: VTODO in .ics', () => {
  it('reads a Mozilla export: 31 to-dos, 7 repeating, 2 completed, 14 events skipped', () => {
    const p = read('ics', 'icalnet-Calendar1.ics');
    expect(p.format).toBe('ics');
    expect(p.tasks).toHaveLength(31);
    expect(p.tasks.filter((t) => t.rrule)).toHaveLength(7);
    expect(
      p.tasks
        .filter((t) => t.completedAt)
        .map((t) => t.title)
        .sort(),
    ).toEqual(["Hand Towels / Traci's stock", 'Put cabin phone # on do-not-call list']);
    expect(skipped(p, /VEVENT/)).toBe(14);
    expect(p.tasks.filter((t) => t.tags.includes('Shopping List'))).toHaveLength(17);
    expect(p.tasks.filter((t) => t.notes)).toHaveLength(7);
    // Floating DUE: a wall time in the system zone.
    const dated = p.tasks.filter((t) => t.dueDate);
    expect(dated.length).toBeGreaterThanOrEqual(8);
    expect(dated.every((t) => t.zone === null && /^\d{2}:\d{2}$/.test(t.dueTime ?? ''))).toBe(true);
  });

  it('reads PERCENT-COMPLETE:100 as done without STATUS', () => {
    const p = read('ics', 'node-ical-utf8-french-calendar.ics');
    expect(p.tasks.map((t) => [t.title, !!t.completedAt])).toEqual([
      ['Migrer le blog', true],
      ['Créer test unitaire erreur ical', false],
    ]);
    expect(p.tasks.every((t) => t.tags[0] === 'Projets')).toBe(true);
  });
});

describe('task import: dates and rules without sample files', () => {
  const date = (text: string, lang = 'en') => {
    const warnings: string[] = [];
    return { ...parseTodoistDate(text, lang, NOW, 'Europe/Berlin', (w) => warnings.push(w)), warnings };
  };

  it('reads Todoist repetition in English and German, "every!" repeating from completion', () => {
    expect(date('ev sun')).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=SU', dueDate: '2026-03-15', repeatFrom: 'due' });
    expect(date('every! 3 days')).toMatchObject({ rrule: 'FREQ=DAILY;INTERVAL=3', dueDate: '2026-03-15', repeatFrom: 'completion' });
    expect(date('ev! mon')).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=MO', dueDate: '2026-03-16', repeatFrom: 'completion' });
    expect(date('every month on the 1st')).toMatchObject({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=1', dueDate: '2026-04-01' });
    expect(date('jeden Montag', 'de')).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=MO', dueDate: '2026-03-16' });
    expect(date('alle 2 Wochen', 'de')).toMatchObject({ rrule: 'FREQ=WEEKLY;INTERVAL=2' });
    expect(date('täglich', 'de')).toMatchObject({ rrule: 'FREQ=DAILY', dueDate: '2026-03-15' });
    expect(date('every day at 9:30')).toMatchObject({ rrule: 'FREQ=DAILY', dueTime: '09:30' });
    const odd = date('every blue moon');
    expect(odd).toMatchObject({ rrule: null, dueDate: null });
    expect(odd.warnings[0]).toMatch(/not understood/);
  });

  it('reads German and English dates relative to now in the zone, and says when it cannot', () => {
    expect(date('6 Apr 17:15', 'de')).toMatchObject({ dueDate: '2026-04-06', dueTime: '17:15', rrule: null });
    expect(date('morgen', 'de')).toMatchObject({ dueDate: '2026-03-16', dueTime: null });
    expect(date('tomorrow 15:00')).toMatchObject({ dueDate: '2026-03-16', dueTime: '15:00' });
    expect(date('')).toMatchObject({ dueDate: null, warnings: [] });
    expect(date('soonish').warnings[0]).toMatch(/not understood/);
  });

  it('keeps a TickTick Repeat rule and a sub-task whose parent comes later; cuts a parent loop', () => {
    const head =
      '"Folder Name","List Name","Title","Kind","Tags","Content","Is Check list","Start Date","Due Date","Reminder","Repeat","Priority","Status","Created Time","Completed Time","Order","Timezone","Is All Day","Is Floating","Column Name","Column Order","View Mode","taskId","parentId"';
    const row = (title: string, id: string, parent: string, repeat = '', due = '') =>
      `"","Inbox","${title}","TEXT","","","N","","${due}","","${repeat}","5","0","2026-01-01T10:00:00+0000","","0","America/New_York","false","false",,,"list","${id}","${parent}"`;
    const text = [
      head,
      row('Child', 'c', 'p'),
      row('Parent', 'p', '', 'RRULE:FREQ=WEEKLY;INTERVAL=2', '2026-03-20T14:00:00+0000'),
      row('A', 'a', 'b'),
      row('B', 'b', 'a'),
    ].join('\n');
    const p = parseTaskImport(Buffer.from(text), ctx());
    expect(p.tasks.map((t) => [t.title, t.parentSourceId, t.depth])).toEqual([
      ['Child', 'p', 1],
      ['Parent', null, 0],
      ['A', null, 0],
      ['B', 'a', 1],
    ]);
    expect(p.tasks[1]).toMatchObject({ rrule: 'FREQ=WEEKLY;INTERVAL=2', priority: 1, dueDate: '2026-03-20', dueTime: '10:00', zone: 'America/New_York' });
    expect(p.warnings.some((w) => w.includes('loop'))).toBe(true);
  });
});
