import { describe, expect, it } from 'vitest';
import { matchByName, parseTaskQuickAdd } from './quick-add';

// Wednesday 4 March 2026, 10:00 in Berlin (09:00 UTC).
const now = new Date(Date.UTC(2026, 2, 4, 9, 0));
const zone = 'Europe/Berlin';
const goals = [
  { id: 'G1', title: 'Learn Spanish' },
  { id: 'G2', title: 'Run a marathon' },
];
const club = { id: 'G3', title: 'Spanish reading club' };
const projects = [
  { id: 'P1', name: 'Home' },
  { id: 'P2', name: 'Home Repairs' },
  { id: 'P3', name: 'Work' },
];
const read = (text: string, at = now, tz = zone) => parseTaskQuickAdd(text, { now: at, zone: tz, goals, projects });
const readWithClub = (text: string) => parseTaskQuickAdd(text, { now, zone, goals: [...goals, club], projects });
const kinds = (text: string) => read(text).tokens.map((t) => `${t.kind}:${t.text}`);

describe('parseTaskQuickAdd', () => {
  it('reads the issue example "pay rent every month on the 1st #finance !2"', () => {
    const r = read('pay rent every month on the 1st #finance !2');
    expect(r.input).toEqual({
      title: 'pay rent',
      dueDate: '2026-04-01',
      dueTime: null,
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=1',
      priority: 2,
      tags: ['finance'],
      goalId: null,
      projectId: null,
    });
    expect(r.tokens).toEqual([
      { kind: 'repeat', text: 'every month on the 1st' },
      { kind: 'tag', text: '#finance' },
      { kind: 'priority', text: '!2' },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('reads the issue example "call Ana tomorrow 15:00 for goal:Spanish" (goal by contained word)', () => {
    const r = read('call Ana tomorrow 15:00 for goal:Spanish');
    expect(r.input).toMatchObject({ title: 'call Ana', dueDate: '2026-03-05', dueTime: '15:00', goalId: 'G1', priority: 4, rrule: null });
    expect(r.tokens).toEqual([
      { kind: 'date', text: 'tomorrow' },
      { kind: 'time', text: '15:00' },
      { kind: 'goal', text: 'goal:Spanish' },
    ]);
  });

  it('prefers an exact goal title, then a prefix, then a contained word, and warns when several match', () => {
    expect(readWithClub('read goal:"Spanish reading club"')).toMatchObject({ input: { goalId: 'G3' }, warnings: [] });
    expect(readWithClub('read goal:spanish-reading').input.goalId).toBe('G3');
    expect(read('train goal:run').input.goalId).toBe('G2');
    expect(readWithClub('vocab goal:"learn spanish"')).toMatchObject({ input: { title: 'vocab', goalId: 'G1' }, warnings: [] });
    const both = readWithClub('practise goal:spanish');
    expect(both.input.goalId).toBe('G3');
    expect(both.warnings).toEqual(['Several goals match "spanish"; picked "Spanish reading club".']);
  });

  it('warns when no goal matches and keeps the task without one', () => {
    const r = read('call Ana goal:Italian');
    expect(r.input).toMatchObject({ title: 'call Ana', goalId: null });
    expect(r.warnings).toEqual(['No goal matches "Italian"; the task is saved without a goal.']);
  });

  it('reads +Project and +"Quoted project", warning on an unknown one', () => {
    expect(read('fix tap +"home repairs"').input).toMatchObject({ title: 'fix tap', projectId: 'P2' });
    expect(read('fix tap +home').input.projectId).toBe('P1');
    const r = read('file taxes +Finance');
    expect(r.input.projectId).toBeNull();
    expect(r.warnings[0]).toMatch(/No project named "Finance"/);
  });

  it('defaults to priority 4 and rejects priorities outside 1..5 with a warning', () => {
    expect(read('water plants').input.priority).toBe(4);
    expect(read('!1 fire drill').input).toMatchObject({ title: 'fire drill', priority: 1 });
    const r = read('something !7');
    expect(r.input.priority).toBe(4);
    expect(r.warnings[0]).toMatch(/!1 \(most urgent\) to !5/);
  });

  it('collects several tags, once each, and leaves # inside words alone', () => {
    const r = read('buy milk #shop #Errands #shop issue#3');
    expect(r.input.tags).toEqual(['shop', 'Errands']);
    expect(r.input.title).toBe('buy milk issue#3');
  });

  it('reads daily, weekly and "every weekday" with today as the first due date when no day is named', () => {
    expect(read('stretch daily').input).toMatchObject({ title: 'stretch', rrule: 'FREQ=DAILY', dueDate: '2026-03-04' });
    expect(read('review inbox weekly').input).toMatchObject({ title: 'review inbox', rrule: 'FREQ=WEEKLY', dueDate: '2026-03-04' });
    expect(read('standup every weekday 9:30').input).toMatchObject({
      title: 'standup',
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      dueDate: '2026-03-04',
      dueTime: '09:30',
    });
  });

  it('reads "every monday" from the next Monday and "every 2 weeks" as an interval', () => {
    expect(read('team notes every monday').input).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=MO', dueDate: '2026-03-09' });
    expect(read('backup every 2 weeks fri').input).toMatchObject({ title: 'backup', rrule: 'FREQ=WEEKLY;INTERVAL=2', dueDate: '2026-03-06' });
  });

  it('reads "every month on the 15th" and "every year" with a named date', () => {
    expect(read('invoice every month on the 15th').input).toMatchObject({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=15', dueDate: '2026-03-15' });
    expect(read('renew passport every year jun 2').input).toMatchObject({ title: 'renew passport', rrule: 'FREQ=YEARLY', dueDate: '2026-06-02' });
  });

  it('reads a weekday and a date without repetition', () => {
    expect(read('send report fri').input).toMatchObject({ title: 'send report', dueDate: '2026-03-06', dueTime: null, rrule: null });
    expect(read('dentist on March 20 at 3pm').input).toMatchObject({ title: 'dentist', dueDate: '2026-03-20', dueTime: '15:00' });
    expect(kinds('dentist on March 20 at 3pm')).toEqual(['date:March 20', 'time:3pm']);
  });

  it('places a bare time today when still ahead, tomorrow once it has passed', () => {
    expect(read('call back 16:00').input).toMatchObject({ dueDate: '2026-03-04', dueTime: '16:00' });
    expect(read('call back 8:00').input).toMatchObject({ dueDate: '2026-03-05', dueTime: '08:00' });
    expect(kinds('call back 16:00')).toEqual(['time:16:00']);
  });

  it('reads dates in the given zone, not the process zone', () => {
    // 23:30 UTC on 4 March is already 5 March in Tokyo and still 4 March in New York.
    const late = new Date(Date.UTC(2026, 2, 4, 23, 30));
    expect(read('pay bill tomorrow', late, 'Asia/Tokyo').input.dueDate).toBe('2026-03-06');
    expect(read('pay bill tomorrow', late, 'America/New_York').input.dueDate).toBe('2026-03-05');
  });

  it('keeps a plain line as the title with no date and no warnings', () => {
    expect(read('  read   a book  ')).toEqual({
      input: { title: 'read a book', dueDate: null, dueTime: null, rrule: null, priority: 4, tags: [], goalId: null, projectId: null },
      tokens: [],
      warnings: [],
    });
  });

  it('warns when only markers are given (a task needs a title)', () => {
    const r = read('#finance !2 tomorrow');
    expect(r.input).toMatchObject({ title: '', tags: ['finance'], priority: 2, dueDate: '2026-03-05' });
    expect(r.warnings).toContain('The task needs a title.');
  });

  it('reads everything at once, in any order', () => {
    const r = read('!1 +work #q1 goal:marathon plan route next tuesday 7am');
    expect(r.input).toEqual({
      title: 'plan route',
      dueDate: '2026-03-10',
      dueTime: '07:00',
      rrule: null,
      priority: 1,
      tags: ['q1'],
      goalId: 'G2',
      projectId: 'P3',
    });
    expect(r.tokens.map((t) => t.kind)).toEqual(['priority', 'project', 'tag', 'goal', 'date', 'time']);
  });

  it('caps very long input and says so', () => {
    const r = read(`${'x'.repeat(600)} #t`);
    expect(r.input.title.length).toBeLessThanOrEqual(500);
    expect(r.warnings[0]).toMatch(/first 500 characters/);
  });

  it('takes only one goal and says which was ignored', () => {
    const r = read('study goal:Spanish goal:marathon');
    expect(r.input.goalId).toBe('G1');
    expect(r.warnings).toEqual(['Only one goal per task: "marathon" was ignored.']);
  });
});

describe('matchByName', () => {
  it('reports a tie between equally good matches', () => {
    const items = [{ n: 'Spanish A' }, { n: 'Spanish B' }];
    expect(matchByName(items, (i) => i.n, 'span')).toEqual({ item: items[0], ambiguous: true });
    expect(matchByName(items, (i) => i.n, 'spanish b')).toEqual({ item: items[1], ambiguous: false });
    expect(matchByName(items, (i) => i.n, '')).toEqual({ item: null, ambiguous: false });
  });
});
