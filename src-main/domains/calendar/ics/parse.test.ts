import { expect, it } from 'vitest';
import { durationMs } from './fields';
import { expand } from '../../../../src-shared/lib/recurrence';
import { describeWithFixtures, readFixtureText } from '../../../test/fixtures';
import { importPreview, overrideKey, parseCalendarFile, promoteOrphans, toSpec, type ParsedFile, type ParsedSeries } from './index';

const cal = (name: string): ParsedFile => parseCalendarFile(readFixtureText('calendar', name));
const bySummary = (file: ParsedFile, summary: string): ParsedSeries => {
  const found = file.series.find((s) => (s.master ?? s.overrides[0])?.fields.summary === summary);
  if (!found) throw new Error(`no ${summary}`);
  return found;
};
const iso = (ms: number): string => new Date(ms).toISOString().replace(':00.000Z', 'Z');
const ALL_TIME = { fromMs: Date.UTC(2000, 0, 1), toMs: Date.UTC(2040, 0, 1) };

describeWithFixtures('parseCalendarFile: facts from fixtures/calendar/README.md', () => {
  it('Zimbra recur_instances: one series, 2 overrides, broken VTIMEZONE skipped, X-UNKNOWN ignored, folded CN unfolds', () => {
    const file = cal('icaljs-recur_instances.ics');
    expect(file.series).toHaveLength(1);
    const s = file.series[0] as ParsedSeries;
    expect(s.uid).toBe('623c13c0-6c2b-45d6-a12b-c33ad61c4868');
    expect(s.overrides).toHaveLength(2);
    expect([...file.timezones.keys()]).toEqual(['America/Los_Angeles']);
    expect(file.warnings).toContain('A VTIMEZONE without TZID was skipped.');
    expect(file.ignored).toEqual([{ name: 'X-UNKNOWN', count: 1 }]);
    const m = s.master?.fields;
    expect(m?.start).toEqual({ kind: 'zoned', local: '2012-10-02T10:00:00', tz: 'America/Los_Angeles' });
    expect(m?.durationMs).toBe(30 * 60_000);
    expect(m?.attendees[0]).toEqual({ email: 'calmozilla1@gmail.com', name: 'Sahaja Lal', role: 'REQ-PARTICIPANT', partstat: 'ACCEPTED' });
    expect(m?.rdates).toHaveLength(5);
    expect(m?.exdates.map((w) => (w.kind === 'zoned' ? w.local : ''))).toEqual(['2013-04-02T10:00:00', '2012-12-04T10:00:00', '2013-02-05T10:00:00']);
    expect(m?.alarms).toEqual([{ action: 'DISPLAY', description: 'Reminder', trigger: { relativeMs: -5 * 60_000, related: 'start' } }]);
    // The UTC RECURRENCE-ID of the second override matches the 10:00 Los Angeles RDATE.
    const utcOverride = s.overrides.find((o) => o.fields.recurrenceId?.kind === 'utc');
    expect(overrideKey(utcOverride?.fields.recurrenceId ?? { kind: 'utc', ms: 0 }, m?.start ?? null)).toBe('2012-11-05T10:00:00');
    expect(s.overrides.map((o) => o.fields.description)).toContain('I HAZ CHANGED!');
    // toSpec feeds the engine: ical.js's own assertion on the master alone.
    const starts = expand(toSpec(m!), ALL_TIME, { viewerZone: 'UTC' }).map((o) => iso(o.startMs));
    expect(starts.slice(0, 6)).toEqual([
      '2012-10-02T17:00Z',
      '2012-11-05T18:00Z',
      '2012-11-06T18:00Z',
      '2012-11-10T18:00Z',
      '2012-11-30T18:00Z',
      '2013-01-01T18:00Z',
    ]);
    expect(starts).not.toContain('2012-12-04T18:00Z');
  });

  it('Google birthdays: invalid RDATE:20131210Z read as a date; orphans related to the event, 3 dates, not 6', () => {
    const file = cal('icaljs-google_birthday.ics');
    expect(file.name).toBe("Contacts' birthdays and events");
    const main = file.series.find((s) => s.uid === '2014_BIRTHDAY_79d389868f96182e@google.com');
    expect(main?.master?.fields.rdates).toEqual([
      { kind: 'date', date: '2013-12-10' },
      { kind: 'date', date: '2012-12-10' },
    ]);
    const orphan = file.series.find((s) => s.uid === 'BIRTHDAY_79d389868f96182e@google.com');
    expect(orphan?.master).toBeNull();
    expect(orphan?.overrides).toHaveLength(3);
    expect(orphan?.relatedUid).toBe('2014_BIRTHDAY_79d389868f96182e@google.com');
    const promoted = promoteOrphans(file.series);
    expect(promoted).toHaveLength(1);
    expect(promoted[0]?.overrides).toHaveLength(3);
    const dates = expand(toSpec(main!.master!.fields), ALL_TIME, { viewerZone: 'UTC' }).map((o) => o.key);
    expect(dates).toEqual(['2012-12-10', '2013-12-10', '2014-12-10']);
    expect(importPreview(file, new Set()).events).toBe(1);
  });

  it('Google all-day weekday series with two absolute VALARM triggers', () => {
    const f = cal('icaljs-day_long_recur_yearly.ics').series[0]?.master?.fields;
    expect(f?.allDay).toBe(true);
    expect(f?.start).toEqual({ kind: 'date', date: '2012-08-03' });
    expect(f?.end).toEqual({ kind: 'date', date: '2012-08-04' });
    expect(f?.durationMs).toBe(86_400_000);
    expect(f?.rrules).toEqual(['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR']);
    expect(f?.transp).toBe('TRANSPARENT');
    expect([f?.description, f?.location]).toEqual(['', '']);
    expect(f?.alarms.map((a) => [a.action, a.trigger])).toEqual([
      ['EMAIL', { absoluteMs: Date.UTC(2012, 7, 2, 23, 30) }],
      ['DISPLAY', { absoluteMs: Date.UTC(2012, 7, 2, 23, 30) }],
    ]);
  });

  it('two RRULEs on one event; a DATE EXDATE against a DATE-TIME start; a VTIMEZONE-only file', () => {
    const f = cal('icaljs-multiple_rrules.ics').series[0]?.master?.fields;
    expect(f?.summary).toBe('sahaja <> frashed');
    expect(f?.rrules).toEqual(['FREQ=WEEKLY;UNTIL=20120730T065959Z', 'FREQ=MONTHLY;BYDAY=SU;UNTIL=20120730T065959Z']);
    const r = cal('icaljs-rdate_exdate.ics').series[0]?.master?.fields;
    expect(r?.exdates).toEqual([{ kind: 'date', date: '2024-06-11' }]);
    expect(expand(toSpec(r!), ALL_TIME, { viewerZone: 'UTC' }).map((o) => iso(o.startMs))).toEqual([
      '2024-06-09T03:00Z',
      '2024-06-10T03:00Z',
      '2024-06-12T03:00Z',
    ]);
    const ny = cal('icaljs-tz-America-New_York.ics');
    expect(ny.series).toHaveLength(0);
    expect(ny.timezones.get('America/New_York')).toContain('TZNAME:EDT');
  });

  it('Outlook: Windows zone name with spaces, long folded UID, DATE-TIME EXDATE on an all-day series, no VALARM', () => {
    const file = cal('icalendar-alarm_outlook_in_future.ics');
    expect(file.name).toBe('Kalender');
    expect([...file.timezones.keys()]).toEqual(['GMT Standard Time']);
    expect(file.series.map((s) => s.uid)).toContain(
      '040000008200E00074C5B7101A82E00800000000C41E94C5B4F3DA010000000000000000100000007EA1D0AA9DB96545A536FABC0B0C1F5A',
    );
    const first = file.series.find((s) => s.uid === '111')?.master?.fields;
    expect(first?.allDay).toBe(true);
    expect(first?.durationMs).toBe(7 * 86_400_000);
    expect(first?.exdates).toEqual([{ kind: 'zoned', local: '2024-07-15T00:00:00', tz: 'GMT Standard Time' }]);
    const alarmless = bySummary(file, 'outlook event with alarm').master?.fields;
    expect(alarmless?.alarms).toEqual([]);
    expect(alarmless?.description).toBe('\n');
    expect(alarmless?.durationMs).toBe(30 * 60_000);
    expect(file.unsupported).toContainEqual({ name: 'X-MICROSOFT-CDO-ALLDAYEVENT', count: 3 });
    expect(file.warnings.filter((w) => w.includes('Unknown time zone'))).toEqual([]);
  });

  it('Google alarms in the long duration form; VTODO and VJOURNAL', () => {
    const f = cal('icalendar-alarm_google_future.ics').series[0]?.master?.fields;
    expect(f?.uid).toBe('79fs7pkqvht9m5igs0vjv1sfra@google.com');
    expect(f?.alarms.map((a) => ('relativeMs' in a.trigger ? a.trigger.relativeMs / 60_000 : null))).toEqual([-10, -14, -15, -15]);
    expect(f?.alarms.map((a) => a.action)).toEqual(['DISPLAY', 'DISPLAY', 'EMAIL', 'DISPLAY']);
    const mixed = cal('icalendar-issue_1050_calendar_with_events_and_todos.ics');
    expect(mixed.series.map((s) => s.uid)).toEqual(['event-1@example.com', 'event-2@example.com']);
    expect(mixed.tasks.map((s) => [s.uid, s.master?.fields.status, s.master?.fields.start])).toEqual([['todo-1@example.com', 'NEEDS-ACTION', null]]);
    expect(mixed.ignored).toEqual([{ name: 'VJOURNAL', count: 1 }]);
  });

  it('Apple iPhone: escaped newline and semicolon, coordinates from X-APPLE-STRUCTURED-LOCATION', () => {
    const f = cal('ical4j-apple-iphone-os-26-structured-location.ics').series[0]?.master?.fields;
    expect(f?.description).toBe('Passwesen\nAntrag auf ID Austria');
    expect(f?.location).toBe('Hauptstraße 1-5; 4041 Linz');
    expect(f?.geo).toEqual({ lat: 48.309978, lon: 14.283197 });
    expect(f?.durationMs).toBe(10 * 60_000);
  });

  it('Thunderbird: 152 all-day Estonian holidays (66 RRULEs); a lone override shown as one event', () => {
    const file = cal('ical4j-EstoniaHolidays-thunderbird.ics');
    expect(file.series).toHaveLength(152);
    expect(file.series.every((s) => s.master?.fields.allDay)).toBe(true);
    expect(file.series.filter((s) => s.master?.fields.rrules.length).length).toBe(66);
    expect(new Set(file.series.map((s) => s.master?.fields.summary)).size).toBe(82);
    const lone = cal('ical4j-New_Years_Day-thunderbird.ics');
    expect(lone.series[0]?.master).toBeNull();
    expect(lone.series[0]?.relatedUid).toBeUndefined();
    expect(lone.series[0]?.overrides[0]?.fields).toMatchObject({
      summary: 'New Years Day',
      categories: ['Holidays'],
      start: { kind: 'zoned', local: '2009-01-01T09:00:00', tz: 'Australia/Melbourne' },
    });
    expect(importPreview(lone, new Set()).events).toBe(1);
  });

  it('Google AU holidays: 96 VEVENTs, 53 UIDs, 43 overrides, bare-date DTSTARTs read as all-day', () => {
    const file = cal('ical4j-google_aus_holidays.ics');
    const components = file.series.flatMap((s) => [...(s.master ? [s.master] : []), ...s.overrides]);
    expect(components).toHaveLength(96);
    expect(file.series).toHaveLength(53);
    expect(file.series.reduce((n, s) => n + s.overrides.length, 0)).toBe(43);
    expect(file.series.every((s) => s.master)).toBe(true);
    expect(components.every((c) => c.fields.allDay && c.fields.status === 'TENTATIVE')).toBe(true);
    expect(components.filter((c) => c.fields.rrules.length)).toHaveLength(11);
    expect(components.filter((c) => c.fields.summary === '')).toHaveLength(2);
    expect(importPreview(file, new Set(['missing', file.series[0]!.uid]))).toMatchObject({
      events: 53,
      recurring: 11,
      overrides: 43,
      duplicates: [file.series[0]!.uid],
    });
  });

  it('Apple macOS: no VTIMEZONE (IANA used), every STATUS, non-standard PARTSTATs kept', () => {
    const file = cal('node-ical-tentative-apple-calendar.ics');
    expect(file.name).toBe('Test');
    expect(file.timezones.size).toBe(0);
    expect(file.series.map((s) => s.master?.fields.status)).toEqual(['TENTATIVE', 'CONFIRMED', 'CANCELLED', '']);
    expect(file.series.flatMap((s) => s.master?.fields.attendees.map((a) => a.partstat) ?? [])).toEqual(['TENTATIVE', 'CONFIRMED', 'CANCELLED']);
    expect(file.series[1]?.master?.fields).toMatchObject({
      start: { kind: 'zoned', tz: 'America/Vancouver', local: '2022-07-05T09:00:00' },
      durationMs: 3_600_000,
    });
  });

  it('VTODO files: 31 Mozilla to-dos (2 completed, 7 recurring) and the ownCloud French ones', () => {
    const cabin = parseCalendarFile(readFixtureText('tasks', 'ics', 'icalnet-Calendar1.ics'));
    expect(cabin.name).toBe('Cabin');
    expect(cabin.tasks).toHaveLength(31);
    expect(cabin.series).toHaveLength(14);
    const tasks = cabin.tasks.map((t) => t.master!.fields);
    expect(
      tasks
        .filter((t) => t.status === 'COMPLETED')
        .map((t) => t.summary)
        .sort(),
    ).toEqual(["Hand Towels / Traci's stock", 'Put cabin phone # on do-not-call list']);
    expect(tasks.filter((t) => t.rrules.length)).toHaveLength(7);
    expect(tasks.filter((t) => t.categories.includes('Shopping List'))).toHaveLength(17);
    expect(tasks.filter((t) => t.due && t.start)).toHaveLength(8);
    expect(importPreview(cabin, new Set())).toMatchObject({ events: 14, tasks: 31, recurring: 0 });
    const french = parseCalendarFile(readFixtureText('tasks', 'ics', 'node-ical-utf8-french-calendar.ics'));
    const done = french.tasks.find((t) => t.master?.fields.summary === 'Migrer le blog')?.master?.fields;
    // COMPLETED;TZID=Europe/Monaco:20130716T105745 is 08:57:45 UTC in summer time.
    expect(done?.completed).toBe(Date.UTC(2013, 6, 16, 8, 57, 45));
    expect(french.tasks.map((t) => t.master?.fields.categories)).toEqual([['Projets'], ['Projets']]);
  });
});

it('DURATION: reads the forms RFC 5545 allows and refuses a bare "P" (no component; ical.js would throw an untyped error)', () => {
  expect(durationMs('PT10M')).toBe(600_000);
  expect(durationMs('-P0DT0H10M0S')).toBe(-600_000);
  expect(durationMs('P1W')).toBe(7 * 86_400_000);
  for (const bad of ['P', '-P', '+P', 'PT', '', 'P1X']) expect(durationMs(bad)).toBeNull();
});
