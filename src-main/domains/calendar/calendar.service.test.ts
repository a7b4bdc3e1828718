import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/helpers';
import { filesContaining } from '../../test/canary';
import { setupCalendar, type CalendarSetup } from './calendar.test-helpers';

const weekly = async (s: CalendarSetup, calendarId: string) =>
  s.c.createEvent({
    calendarId,
    title: 'Team sync',
    location: 'Room 4',
    start: { kind: 'zoned', local: '2026-03-02T09:00', tz: 'Europe/Berlin' },
    end: { kind: 'zoned', local: '2026-03-02T10:00', tz: 'Europe/Berlin' },
    rrule: 'FREQ=WEEKLY;BYDAY=MO',
  });

const starts = async (s: CalendarSetup, from = '2026-03-01T00:00:00Z', to = '2026-04-15T00:00:00Z') =>
  (await s.c.occurrences({ from, to, viewerZone: 'Europe/Berlin' })).map((o) => `${o.start} ${o.title}`);

describe('calendar events', () => {
  it('keeps a weekly 09:00 Berlin meeting at 09:00 Berlin across the DST change, in UTC 08:00 then 07:00', async () => {
    const s = await setupCalendar();
    const cal = await s.c.createCalendar({ name: 'Work' });
    const e = await weekly(s, cal.id);
    expect(e.rrule).toBe('FREQ=WEEKLY;BYDAY=MO');
    expect(e.start).toEqual({ kind: 'zoned', local: '2026-03-02T09:00:00', tz: 'Europe/Berlin' });
    expect(await starts(s)).toEqual([
      '2026-03-02T08:00:00.000Z Team sync',
      '2026-03-09T08:00:00.000Z Team sync',
      '2026-03-16T08:00:00.000Z Team sync',
      '2026-03-23T08:00:00.000Z Team sync',
      '2026-03-30T07:00:00.000Z Team sync',
      '2026-04-06T07:00:00.000Z Team sync',
      '2026-04-13T07:00:00.000Z Team sync',
    ]);
  });

  it('moves one instance, deletes another, edits this and following, and an export imported elsewhere has the same instances', async () => {
    const s = await setupCalendar();
    const cal = await s.c.createCalendar({ name: 'Work' });
    const e = await weekly(s, cal.id);
    // Move 16 March to 11:00 (this event only): an override with RECURRENCE-ID.
    const moved = await s.c.updateEvent({
      id: e.id,
      occurrenceKey: '2026-03-16T09:00:00',
      scope: 'this',
      patch: {
        start: { kind: 'zoned', local: '2026-03-16T11:00', tz: 'Europe/Berlin' },
        end: { kind: 'zoned', local: '2026-03-16T12:00', tz: 'Europe/Berlin' },
      },
    });
    expect(moved.event.overrides).toBe(1);
    // Delete 23 March (EXDATE).
    expect((await s.c.deleteEvent({ id: e.id, occurrenceKey: '2026-03-23T09:00:00', scope: 'this' })).deleted).toBe(1);
    // From 6 April on: renamed (split: UNTIL on the old series, a new series).
    const split = await s.c.updateEvent({ id: e.id, occurrenceKey: '2026-04-06T09:00:00', scope: 'following', patch: { title: 'Team sync (new room)' } });
    expect(split.newSeriesId).not.toBeNull();
    const expected = [
      '2026-03-02T08:00:00.000Z Team sync',
      '2026-03-09T08:00:00.000Z Team sync',
      '2026-03-16T10:00:00.000Z Team sync',
      '2026-03-30T07:00:00.000Z Team sync',
      '2026-04-06T07:00:00.000Z Team sync (new room)',
      '2026-04-13T07:00:00.000Z Team sync (new room)',
    ];
    expect(await starts(s)).toEqual(expected);

    const exported = await s.c.export({ calendarIds: [cal.id] });
    const text = await s.download(exported.blobId);
    expect(text).toMatch(/RECURRENCE-ID;TZID=Europe\/Berlin:20260316T090000/);
    expect(text).toMatch(/EXDATE;TZID=Europe\/Berlin:20260323T090000/);
    expect(text).toMatch(/RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=2026040\dT\d{6}Z/);
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin/);

    const other = await setupCalendar();
    const preview = await other.c.importPreview({ blobId: await other.upload(text), fileName: 'work.ics' });
    expect(preview).toMatchObject({ name: 'Work', events: 2, recurring: 2, overrides: 1, duplicates: 0 });
    const result = await other.c.importCommit({ previewId: preview.previewId });
    expect(result).toMatchObject({ events: 2, skipped: 0 });
    expect(await starts(other)).toEqual(expected);
    // Importing the same file again finds every UID already there.
    const again = await other.c.importPreview({ blobId: await other.upload(text), calendarId: result.calendarId });
    expect(again.duplicates).toBe(2);
  });

  it('edits all events of a series and keeps its moved instance attached', async () => {
    const s = await setupCalendar();
    const cal = await s.c.createCalendar({ name: 'Work' });
    const e = await weekly(s, cal.id);
    await s.c.updateEvent({
      id: e.id,
      occurrenceKey: '2026-03-09T09:00:00',
      scope: 'this',
      patch: {
        title: 'Sync (moved)',
        start: { kind: 'zoned', local: '2026-03-10T09:00', tz: 'Europe/Berlin' },
        end: { kind: 'zoned', local: '2026-03-10T10:00', tz: 'Europe/Berlin' },
      },
    });
    await s.c.updateEvent({ id: e.id, scope: 'all', patch: { title: 'Weekly sync' } });
    const list = await starts(s, '2026-03-01T00:00:00Z', '2026-03-17T00:00:00Z');
    expect(list).toEqual(['2026-03-02T08:00:00.000Z Weekly sync', '2026-03-10T08:00:00.000Z Sync (moved)', '2026-03-16T08:00:00.000Z Weekly sync']);
  });

  it('moves a whole series as one instance was moved when the change applies to all events', async () => {
    const s = await setupCalendar();
    const cal = await s.c.createCalendar({ name: 'Work' });
    const e = await weekly(s, cal.id);
    // The 16 March instance dragged from 09:00 to 10:30 on Tuesday 17, for all events: every Monday becomes Tuesday 10:30.
    await s.c.updateEvent({
      id: e.id,
      occurrenceKey: '2026-03-16T09:00:00',
      scope: 'all',
      patch: {
        start: { kind: 'zoned', local: '2026-03-17T10:30', tz: 'Europe/Berlin' },
        end: { kind: 'zoned', local: '2026-03-17T11:30', tz: 'Europe/Berlin' },
      },
    });
    const got = await s.c.getEvent({ id: e.id });
    expect(got.start).toEqual({ kind: 'zoned', local: '2026-03-03T10:30:00', tz: 'Europe/Berlin' });
    expect(await starts(s, '2026-03-01T00:00:00Z', '2026-03-12T00:00:00Z')).toEqual([
      '2026-03-03T09:30:00.000Z Team sync',
      '2026-03-10T09:30:00.000Z Team sync',
    ]);
  });

  it('keeps floating times at the same clock time in any viewer zone, and all-day events as dates', async () => {
    const s = await setupCalendar();
    const cal = await s.c.createCalendar({ name: 'Me' });
    await s.c.createEvent({
      calendarId: cal.id,
      title: 'Run',
      start: { kind: 'floating', local: '2026-03-03T08:00' },
      end: { kind: 'floating', local: '2026-03-03T09:00' },
      rrule: 'FREQ=DAILY;COUNT=2',
    });
    await s.c.createEvent({ calendarId: cal.id, title: 'Trip', start: { kind: 'date', date: '2026-03-05' }, end: { kind: 'date', date: '2026-03-08' } });
    const ny = await s.c.occurrences({ from: '2026-03-01T00:00:00Z', to: '2026-03-10T00:00:00Z', viewerZone: 'America/New_York' });
    expect(ny.filter((o) => o.title === 'Run').map((o) => o.start)).toEqual(['2026-03-03T13:00:00.000Z', '2026-03-04T13:00:00.000Z']);
    const trip = ny.find((o) => o.title === 'Trip')!;
    expect(trip).toMatchObject({ allDay: true, startDate: '2026-03-05', endDate: '2026-03-08', timeZone: null });
  });

  it('finds events by words of their title, place or notes, and tasks too', async () => {
    const s = await setupCalendar();
    const cal = await s.c.createCalendar({ name: 'Me' });
    await s.c.createEvent({
      calendarId: cal.id,
      title: 'Lunch with Ana',
      location: 'Café Luz',
      start: { kind: 'zoned', local: '2026-03-20T13:00', tz: 'Europe/Berlin' },
      end: { kind: 'zoned', local: '2026-03-20T14:00', tz: 'Europe/Berlin' },
    });
    await s.c.createTask({ calendarId: cal.id, title: 'Book the cafe table', due: { kind: 'date', date: '2026-03-19' } });
    expect((await s.c.search({ query: 'cafe' })).map((h) => [h.title, h.kind]).sort()).toEqual([
      ['Book the cafe table', 'task'],
      ['Lunch with Ana', 'event'],
    ]);
    expect((await s.c.search({ query: 'luz' }))[0]).toMatchObject({ title: 'Lunch with Ana', start: '2026-03-20T12:00:00.000Z' });
    expect(await s.c.search({ query: '"NEAR(' })).toEqual([]);
  });

  it('keeps tasks as VTODOs with due dates and completion', async () => {
    const s = await setupCalendar();
    const cal = await s.c.createCalendar({ name: 'Me' });
    const t = await s.c.createTask({ calendarId: cal.id, title: 'Renew passport', due: { kind: 'date', date: '2026-03-20' } });
    expect(t).toMatchObject({ title: 'Renew passport', completed: false, due: { kind: 'date', date: '2026-03-20' }, dueAt: '2026-03-19T23:00:00.000Z' });
    expect((await s.c.listTasks({ from: '2026-03-19T00:00:00Z', to: '2026-03-21T00:00:00Z' })).map((x) => x.id)).toEqual([t.id]);
    const done = await s.c.updateTask({ id: t.id, completed: true });
    expect(done).toMatchObject({ completed: true, completedAt: '2026-03-15T09:30:00.000Z' });
    expect(await s.c.listTasks({})).toEqual([]);
    expect((await s.c.listTasks({ includeCompleted: true })).length).toBe(1);
    const text = await s.download((await s.c.export({ calendarIds: [cal.id] })).blobId);
    expect(text).toMatch(
      /BEGIN:VTODO[\s\S]*STATUS:COMPLETED[\s\S]*DUE;VALUE=DATE:20260320[\s\S]*END:VTODO|BEGIN:VTODO[\s\S]*DUE;VALUE=DATE:20260320[\s\S]*STATUS:COMPLETED[\s\S]*END:VTODO/,
    );
  });

  it('refuses bad input with typed errors and writes nothing', async () => {
    const s = await setupCalendar();
    const cal = await s.c.createCalendar({ name: 'Me' });
    const base = { calendarId: cal.id, title: 'X', end: { kind: 'zoned' as const, local: '2026-03-03T09:00', tz: 'Europe/Berlin' } };
    expect((await errorOf(s.c.createEvent({ ...base, start: { kind: 'zoned', local: '2026-03-03T10:00', tz: 'Europe/Berlin' } }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(s.c.createEvent({ ...base, start: { kind: 'zoned', local: '2026-03-03T08:00', tz: 'Mars/Olympus' } }))).code).toBe('INVALID_INPUT');
    expect(
      (await errorOf(s.c.createEvent({ ...base, start: { kind: 'zoned', local: '2026-03-03T08:00', tz: 'Europe/Berlin' }, rrule: 'FREQ=SOMETIMES' }))).code,
    ).toBe('INVALID_INPUT');
    expect((await errorOf(s.c.occurrences({ from: '2026-01-01T00:00:00Z', to: '2036-01-01T00:00:00Z' }))).code).toBe('INVALID_INPUT');
    for (const junk of ['not a calendar', '\u0000\u0001binary', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:cut']) {
      const err = await errorOf(s.c.importPreview({ blobId: await s.upload(junk) }));
      expect(['INVALID_INPUT', 'TOO_LARGE']).toContain(err.code);
    }
    expect((await s.c.listCalendars()).map((c) => c.eventCount)).toEqual([0]);
  });

  it('keeps event text only inside the encrypted database', async () => {
    const s = await setupCalendar();
    const cal = await s.c.createCalendar({ name: 'Me' });
    const canary = 'CANARYcalendar7f3q';
    await s.c.createEvent({
      calendarId: cal.id,
      title: `Meet ${canary}`,
      description: canary,
      start: { kind: 'date', date: '2026-03-20' },
      end: { kind: 'date', date: '2026-03-21' },
    });
    expect((await s.c.search({ query: canary }))[0]?.title).toBe(`Meet ${canary}`);
    s.core.shutdown();
    expect(await filesContaining(s.core.root, canary)).toEqual([]);
  });
});
