import { describe, expect, it } from 'vitest';
import { describeWithFixtures, readFixtureText } from '../../../test/fixtures';
import { expand, type When } from '../../../../src-shared/lib/recurrence';
import {
  buildComponent,
  deleteOccurrence,
  editOccurrence,
  extractFields,
  parseCalendarFile,
  parseComponent,
  serialiseCalendar,
  toSpec,
  type EditResult,
  type SeriesTexts,
} from './index';

const NOW = Date.UTC(2026, 4, 1, 12, 0, 0);
const berlin = (local: string): When => ({ kind: 'zoned', tz: 'Europe/Berlin', local });
const opts = { nowMs: NOW, newUid: () => 'new-series@hearth' };
const lines = (ics: string): string[] => ics.split('\r\n');
const WINDOW = { fromMs: Date.UTC(2026, 0, 1), toMs: Date.UTC(2026, 5, 1) };

/** A weekly Monday 09:00 Berlin series (2 March 2026 on), with a property Hearth does not know. */
function weekly(rrule = 'FREQ=WEEKLY;BYDAY=MO'): SeriesTexts {
  const master = buildComponent(
    {
      summary: 'Stand-up',
      start: berlin('2026-03-02T09:00:00'),
      end: berlin('2026-03-02T09:30:00'),
      rrule,
      alarms: [{ action: 'DISPLAY', trigger: { relativeMs: -900_000, related: 'start' } }],
    },
    { nowMs: Date.UTC(2026, 1, 1), newUid: () => 'standup@hearth' },
  );
  // Unknown lines as another client writes them: must survive every edit byte for byte.
  return { master: master.replace('SEQUENCE:0', 'SEQUENCE:0\r\nX-CUSTOM;X-PARAM="a;b":keep me\r\nORGANIZER;CN=Ann:mailto:ann@example.com'), overrides: [] };
}

const fieldsOf = (ics: string) => extractFields(parseComponent(ics), 'x', []);
/** Local Berlin start times of the series with its overrides applied (the caller's job in the app). */
function instances(series: { master: string | null; overrides: string[] }): string[] {
  if (!series.master) return [];
  const spec = toSpec(fieldsOf(series.master));
  const overrides = new Map(
    series.overrides.map((o) => [fieldsOf(o).recurrenceId, fieldsOf(o)] as const).map(([rid, f]) => [(rid as { local: string }).local, f]),
  );
  return expand(spec, WINDOW, { viewerZone: 'Europe/Berlin' }).map((occ) => {
    const local = (occ.start as { local: string }).local;
    const o = overrides.get(local);
    return o ? `${(o.start as { local: string }).local.slice(5, 16)}*${o.summary}` : local.slice(5, 16);
  });
}

describe('buildComponent', () => {
  it('writes UID <ulid>@hearth, stamps, SEQUENCE 0, TZID or VALUE=DATE, RRULE and one VALARM per reminder', () => {
    const timed = lines(weekly().master);
    expect(timed.slice(0, 6)).toEqual([
      'BEGIN:VEVENT',
      'UID:standup@hearth',
      'DTSTAMP:20260201T000000Z',
      'CREATED:20260201T000000Z',
      'LAST-MODIFIED:20260201T000000Z',
      'SEQUENCE:0',
    ]);
    expect(timed).toEqual(
      expect.arrayContaining(['DTSTART;TZID=Europe/Berlin:20260302T090000', 'DTEND;TZID=Europe/Berlin:20260302T093000', 'RRULE:FREQ=WEEKLY;BYDAY=MO']),
    );
    expect(timed.slice(-6)).toEqual(['BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-PT15M', 'DESCRIPTION:Stand-up', 'END:VALARM', 'END:VEVENT']);
    const allDay = lines(buildComponent({ summary: 'Trip, day 1', start: { kind: 'date', date: '2026-07-01' } }, { nowMs: NOW }));
    expect(allDay).toEqual(expect.arrayContaining(['SUMMARY:Trip\\, day 1', 'DTSTART;VALUE=DATE:20260701', 'DTEND;VALUE=DATE:20260702']));
    expect(allDay[1]).toMatch(/^UID:[0-9A-HJKMNP-TV-Z]{26}@hearth$/);
  });
});

describe('editOccurrence / deleteOccurrence on a weekly Berlin series', () => {
  it('this: an override with RECURRENCE-ID in the DTSTART form, SEQUENCE+1, unknown lines kept; again → same override', () => {
    const series = weekly();
    // The instance given as a UTC instant (07:00Z is 09:00 CEST after 29 March): written as Berlin wall time.
    const r = editOccurrence(series, { kind: 'utc', ms: Date.UTC(2026, 2, 30, 7) }, 'this', { summary: 'Late', start: berlin('2026-03-30T11:00:00') }, opts);
    expect(r.master).toBe(series.master);
    const o = lines(r.overrides[0] ?? '');
    expect(o).toEqual(
      expect.arrayContaining([
        'RECURRENCE-ID;TZID=Europe/Berlin:20260330T090000',
        'DTSTART;TZID=Europe/Berlin:20260330T110000',
        'DTEND;TZID=Europe/Berlin:20260330T113000',
      ]),
    );
    expect(o).toEqual(
      expect.arrayContaining(['SUMMARY:Late', 'SEQUENCE:1', 'DTSTAMP:20260501T120000Z', 'LAST-MODIFIED:20260501T120000Z', 'X-CUSTOM;X-PARAM="a;b":keep me']),
    );
    expect(o.some((l) => l.startsWith('RRULE'))).toBe(false);
    expect(instances(r).slice(3, 6)).toEqual(['03-23T09:00', '03-30T11:00*Late', '04-06T09:00']);
    const again = editOccurrence({ master: r.master as string, overrides: r.overrides }, berlin('2026-03-30T09:00:00'), 'this', { location: 'Room 2' }, opts);
    expect(again.overrides).toHaveLength(1);
    expect(lines(again.overrides[0] ?? '')).toEqual(expect.arrayContaining(['SUMMARY:Late', 'LOCATION:Room 2', 'SEQUENCE:2']));
  });

  it('following: UNTIL just before the instance (UTC), a new UID series with the rest; later overrides and EXDATEs move and shift', () => {
    let s: EditResult = editOccurrence(weekly(), berlin('2026-04-06T09:00:00'), 'this', { summary: 'Easter Monday' }, opts);
    s = deleteOccurrence({ master: s.master as string, overrides: s.overrides }, berlin('2026-04-13T09:00:00'), 'this', opts);
    const r = editOccurrence(
      { master: s.master as string, overrides: s.overrides },
      berlin('2026-03-30T09:00:00'),
      'following',
      { start: berlin('2026-03-30T10:00:00') },
      opts,
    );
    const old = lines(r.master ?? '');
    expect(old).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260330T065959Z');
    expect(old.some((l) => l.startsWith('EXDATE'))).toBe(false);
    expect(old).toEqual(expect.arrayContaining(['SEQUENCE:2', 'X-CUSTOM;X-PARAM="a;b":keep me', 'ORGANIZER;CN=Ann:mailto:ann@example.com']));
    expect(r.overrides).toEqual([]);
    const next = r.newSeries as SeriesTexts;
    expect(lines(next.master)).toEqual(
      expect.arrayContaining([
        'UID:new-series@hearth',
        'DTSTART;TZID=Europe/Berlin:20260330T100000',
        'DTEND;TZID=Europe/Berlin:20260330T103000',
        'RRULE:FREQ=WEEKLY;BYDAY=MO',
      ]),
    );
    expect(lines(next.master)).toEqual(
      expect.arrayContaining(['EXDATE;TZID=Europe/Berlin:20260413T100000', 'SEQUENCE:0', 'CREATED:20260501T120000Z', 'X-CUSTOM;X-PARAM="a;b":keep me']),
    );
    expect(lines(next.overrides[0] ?? '')).toEqual(
      expect.arrayContaining([
        'UID:new-series@hearth',
        'RECURRENCE-ID;TZID=Europe/Berlin:20260406T100000',
        'DTSTART;TZID=Europe/Berlin:20260406T100000',
        'SUMMARY:Easter Monday',
      ]),
    );
    expect(instances(r)).toEqual(['03-02T09:00', '03-09T09:00', '03-16T09:00', '03-23T09:00']);
    expect(instances(next).slice(0, 4)).toEqual(['03-30T10:00', '04-06T10:00*Easter Monday', '04-20T10:00', '04-27T10:00']);
  });

  it('following on a COUNT rule re-counts both halves; following at the first instance edits the whole series', () => {
    const r = editOccurrence(weekly('FREQ=WEEKLY;COUNT=10'), berlin('2026-03-30T09:00:00'), 'following', { summary: 'Later' }, opts);
    expect(lines(r.master ?? '')).toContain('RRULE:FREQ=WEEKLY;COUNT=4');
    expect(lines(r.newSeries?.master ?? '')).toEqual(expect.arrayContaining(['RRULE:FREQ=WEEKLY;COUNT=6', 'SUMMARY:Later']));
    expect(instances(r).length + instances(r.newSeries as SeriesTexts).length).toBe(10);
    const first = editOccurrence(weekly(), berlin('2026-03-02T09:00:00'), 'following', { summary: 'Renamed' }, opts);
    expect(first.newSeries).toBeUndefined();
    expect(lines(first.master ?? '')).toEqual(expect.arrayContaining(['SUMMARY:Renamed', 'RRULE:FREQ=WEEKLY;BYDAY=MO', 'SEQUENCE:1']));
  });

  it('all: moving the start moves EXDATEs and RECURRENCE-IDs by the same delta; untouched overrides follow a new title', () => {
    let s = editOccurrence(weekly(), berlin('2026-03-16T09:00:00'), 'this', { location: 'Room 9' }, opts);
    s = deleteOccurrence({ master: s.master as string, overrides: s.overrides }, berlin('2026-03-23T09:00:00'), 'this', opts);
    const r = editOccurrence(
      { master: s.master as string, overrides: s.overrides },
      berlin('2026-03-16T09:00:00'),
      'all',
      { summary: 'Daily', start: berlin('2026-03-02T08:15:00') },
      opts,
    );
    expect(lines(r.master ?? '')).toEqual(
      expect.arrayContaining([
        'DTSTART;TZID=Europe/Berlin:20260302T081500',
        'DTEND;TZID=Europe/Berlin:20260302T084500',
        'EXDATE;TZID=Europe/Berlin:20260323T081500',
      ]),
    );
    expect(lines(r.overrides[0] ?? '')).toEqual(
      expect.arrayContaining(['RECURRENCE-ID;TZID=Europe/Berlin:20260316T081500', 'SUMMARY:Daily', 'LOCATION:Room 9']),
    );
    expect(instances(r).slice(0, 4)).toEqual(['03-02T08:15', '03-09T08:15', '03-16T08:15*Daily', '03-30T08:15']);
  });

  it('delete this → EXDATE;TZID (override dropped); delete following → UNTIL; delete all → nothing', () => {
    const withOverride = editOccurrence(weekly(), berlin('2026-03-16T09:00:00'), 'this', { summary: 'x' }, opts);
    const one = deleteOccurrence({ master: withOverride.master as string, overrides: withOverride.overrides }, berlin('2026-03-16T09:00:00'), 'this', opts);
    expect(lines(one.master ?? '')).toEqual(expect.arrayContaining(['RRULE:FREQ=WEEKLY;BYDAY=MO', 'EXDATE;TZID=Europe/Berlin:20260316T090000', 'SEQUENCE:1']));
    expect(one.overrides).toEqual([]);
    expect(instances(one).slice(0, 3)).toEqual(['03-02T09:00', '03-09T09:00', '03-23T09:00']);
    const rest = deleteOccurrence(weekly(), berlin('2026-03-16T09:00:00'), 'following', opts);
    expect(lines(rest.master ?? '')).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260316T075959Z');
    expect(instances(rest)).toEqual(['03-02T09:00', '03-09T09:00']);
    expect(deleteOccurrence(weekly(), berlin('2026-03-16T09:00:00'), 'all', opts)).toEqual({ master: null, overrides: [] });
  });

  it('all-day series: RECURRENCE-ID and EXDATE are VALUE=DATE, UNTIL is the day before', () => {
    const master = buildComponent(
      { summary: 'Bins', start: { kind: 'date', date: '2026-03-02' }, rrule: 'FREQ=WEEKLY' },
      { nowMs: NOW, newUid: () => 'bins@hearth' },
    );
    const date = (d: string): When => ({ kind: 'date', date: d });
    expect(lines(editOccurrence({ master, overrides: [] }, date('2026-03-09'), 'this', { summary: 'Bins (late)' }, opts).overrides[0] ?? '')).toEqual(
      expect.arrayContaining(['RECURRENCE-ID;VALUE=DATE:20260309', 'DTSTART;VALUE=DATE:20260309', 'DTEND;VALUE=DATE:20260310']),
    );
    expect(lines(deleteOccurrence({ master, overrides: [] }, date('2026-03-09'), 'this', opts).master ?? '')).toContain('EXDATE;VALUE=DATE:20260309');
    expect(lines(deleteOccurrence({ master, overrides: [] }, date('2026-03-16'), 'following', opts).master ?? '')).toContain(
      'RRULE:FREQ=WEEKLY;UNTIL=20260315',
    );
  });
});

describeWithFixtures('edits on an imported Zimbra series (fixtures/calendar/icaljs-recur_instances.ics)', () => {
  it('"this" on the instance overridden by a UTC RECURRENCE-ID updates that override; the edited file parses again', () => {
    const file = parseCalendarFile(readFixtureText('calendar', 'icaljs-recur_instances.ics'));
    const s = file.series[0]!;
    const series = { master: s.master!.ics, overrides: s.overrides.map((o) => o.ics) };
    const la = (local: string): When => ({ kind: 'zoned', tz: 'America/Los_Angeles', local });
    const r = editOccurrence(series, la('2012-11-05T10:00:00'), 'this', { summary: 'Renamed once' }, opts);
    expect(r.overrides).toHaveLength(2);
    const edited = lines(r.overrides.find((o) => o.includes('Renamed once')) ?? '');
    expect(edited).toEqual(
      expect.arrayContaining([
        'RECURRENCE-ID:20121105T180000Z',
        'DTSTART;TZID=America/Los_Angeles:20121106T200000',
        'SEQUENCE:2',
        'ORGANIZER;CN=James Lal:mailto:jlal@mozilla.com',
      ]),
    );
    const gone = deleteOccurrence({ master: r.master!, overrides: r.overrides }, la('2013-01-01T10:00:00'), 'following', opts);
    expect(lines(gone.master ?? '')).toContain('RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=1TU;UNTIL=20130101T175959Z');
    // RDATEs after the split (2023) go; the 2012 ones and the ATTENDEE lines with their folded CN stay verbatim.
    expect(gone.master).not.toContain('20231123T090000Z');
    expect(gone.master).toContain('RDATE;TZID=America/Los_Angeles:20121110T100000,20121130T100000');
    expect(gone.master).toContain('CN=Sahaja Lal;X-NUM-GUESTS=0:mailto:calmozilla1@gmail.com');
    const again = parseCalendarFile(serialiseCalendar({ components: [gone.master!, ...gone.overrides], timezones: file.timezones }));
    expect(again.series[0]?.overrides.map((o) => o.fields.summary).sort()).toEqual(['Crazy Event Thingy!', 'Renamed once']);
    expect(again.series[0]?.master?.fields.rdates).toHaveLength(3);
  });
});

describeWithFixtures('edits on an Outlook series whose TZID is a Windows name', () => {
  it('delete this writes EXDATE;TZID=GMT Standard Time without the calendar’s VTIMEZONE at hand', () => {
    const file = parseCalendarFile(readFixtureText('calendar', 'icalendar-alarm_outlook_in_future.ics'));
    const timed = file.series.find((s) => s.master?.fields.summary === 'outlook event with alarm')!;
    const master = buildComponent(
      { summary: 'Weekly', start: timed.master!.fields.start!, end: timed.master!.fields.end!, rrule: 'FREQ=WEEKLY' },
      { nowMs: NOW, newUid: () => 'w@hearth' },
    );
    const gmt = (local: string): When => ({ kind: 'zoned', tz: 'GMT Standard Time', local });
    const r = deleteOccurrence({ master, overrides: [] }, gmt('2024-10-11T18:30:00'), 'this', opts);
    expect(lines(r.master ?? '')).toContain('EXDATE;TZID=GMT Standard Time:20241011T183000');
    const f = editOccurrence({ master, overrides: [] }, gmt('2024-10-18T18:30:00'), 'following', { summary: 'Later' }, opts);
    expect(lines(f.newSeries?.master ?? '')).toContain('DTSTART;TZID=GMT Standard Time:20241018T183000');
  });
});
