import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { describeWithFixtures, readFixtureText } from '../../test/fixtures';
import { expand, keyMatches, occurrenceKey, vtimezoneZones } from '../../../src-shared/lib/recurrence';
import type { SeriesSpec, When, ZoneResolver } from '../../../src-shared/lib/recurrence';

/** Real files from other calendar apps (see the calendar fixtures README), read with ical.js into SeriesSpecs here. */

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;
type Time = InstanceType<typeof ICAL.Time>;

function whenOf(time: Time, property: Property): When {
  const ymd = `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
  if (time.isDate) return { kind: 'date', date: ymd };
  const local = `${ymd}T${[time.hour, time.minute, time.second].map((n) => String(n).padStart(2, '0')).join(':')}`;
  if (time.zone?.tzid === 'UTC') return { kind: 'utc', ms: Date.parse(`${local}Z`) };
  const tzid = property.getParameter('tzid');
  return typeof tzid === 'string' ? { kind: 'zoned', local, tz: tzid } : { kind: 'floating', local };
}

function whens(event: Component, name: string): When[] {
  return event.getAllProperties(name).flatMap(
    (p) => p.getValues().map((v) => whenOf(v instanceof ICAL.Period ? v.start : (v as Time), p)), // PERIOD rdates: their start
  );
}

function load(file: string): { calendar: Component; zones: ReturnType<typeof vtimezoneZones>; master: Component; spec: SeriesSpec } {
  const calendar = new ICAL.Component(ICAL.parse(readFixtureText('calendar', file)));
  const zones = vtimezoneZones(calendar.getAllSubcomponents('vtimezone'));
  const master = calendar.getAllSubcomponents('vevent').find((e) => !e.hasProperty('recurrence-id'));
  if (!master) throw new Error(`no master in ${file}`);
  return { calendar, zones, master, spec: specOf(master, zones) };
}

function specOf(event: Component, zones: ZoneResolver): SeriesSpec {
  const dtstart = event.getFirstProperty('dtstart');
  if (!dtstart) throw new Error('no DTSTART');
  const start = whenOf(dtstart.getFirstValue() as Time, dtstart);
  const dtend = event.getFirstProperty('dtend');
  const instant = (w: When): number =>
    w.kind === 'utc' ? w.ms : w.kind === 'zoned' ? zones.toUtc(w.local, w.tz) : Date.parse(`${w.kind === 'date' ? `${w.date}T00:00:00` : w.local}Z`);
  const durationMs = dtend ? instant(whenOf(dtend.getFirstValue() as Time, dtend)) - instant(start) : 0;
  const rrules = event.getAllProperties('rrule').map((p) => (p.getFirstValue() as InstanceType<typeof ICAL.Recur>).toString());
  return { start, durationMs, rrules, rdates: whens(event, 'rdate'), exdates: whens(event, 'exdate') };
}

const utcIso = (ms: number): string => new Date(ms).toISOString().replace(':00.000Z', 'Z');
const all = { fromMs: Date.parse('1990-01-01T00:00:00Z'), toMs: Date.parse('2040-01-01T00:00:00Z') };

describeWithFixtures('recurrence engine on real calendar files', () => {
  it('recur_instances (Zimbra): the first 6 starts of ical.js, the 3 EXDATEs gone, both overrides found by key', () => {
    const { calendar, zones, spec } = load('icaljs-recur_instances.ics');
    const out = expand(spec, all, { viewerZone: 'UTC', zones });
    expect(out.slice(0, 6).map((o) => utcIso(o.startMs))).toEqual([
      '2012-10-02T17:00Z',
      '2012-11-05T18:00Z',
      '2012-11-06T18:00Z',
      '2012-11-10T18:00Z',
      '2012-11-30T18:00Z',
      '2013-01-01T18:00Z',
    ]);
    const starts = out.map((o) => utcIso(o.startMs));
    for (const gone of ['2012-12-04T18:00Z', '2013-02-05T18:00Z', '2013-04-02T17:00Z']) expect(starts).not.toContain(gone);
    expect(starts).toContain('2013-03-05T18:00Z'); // the monthly rule goes on around them
    expect(starts).toContain('2023-11-25T09:00Z'); // the PERIOD rdate, by its start
    const overrides = calendar.getAllSubcomponents('vevent').filter((e) => e.hasProperty('recurrence-id'));
    const keys = overrides.map((e) => {
      const p = e.getFirstProperty('recurrence-id');
      if (!p) throw new Error('no RECURRENCE-ID');
      return occurrenceKey(whenOf(p.getFirstValue() as Time, p), spec.start, zones);
    });
    expect(keys).toEqual(['2012-10-02T10:00:00', '2012-11-05T10:00:00']); // the second was written as 20121105T180000Z
    for (const key of keys) expect(out.filter((o) => keyMatches(o.key, key))).toHaveLength(1);
    expect(zones.warnings).toEqual([]); // the broken second VTIMEZONE (no TZID) is skipped, not fatal
  });

  it('rdate_exdate: a DATE EXDATE removes the DATE-TIME instance of that day (3 left)', () => {
    const { spec } = load('icaljs-rdate_exdate.ics');
    expect(expand(spec, all, { viewerZone: 'Asia/Tokyo' }).map((o) => utcIso(o.startMs))).toEqual([
      '2024-06-09T03:00Z',
      '2024-06-10T03:00Z',
      '2024-06-12T03:00Z',
    ]);
  });

  it('day_long_recur_yearly: all-day on weekdays only, one day each', () => {
    const { spec, zones } = load('icaljs-day_long_recur_yearly.ics');
    const out = expand(
      spec,
      { fromMs: Date.parse('2012-08-01T00:00:00Z'), toMs: Date.parse('2012-09-01T00:00:00Z') },
      { viewerZone: 'America/Los_Angeles', zones },
    );
    expect(out.slice(0, 4).map((o) => o.key)).toEqual(['2012-08-03', '2012-08-06', '2012-08-07', '2012-08-08']);
    expect(out.every((o) => o.start.kind === 'date' && [1, 2, 3, 4, 5].includes(new Date(`${o.start.date}T12:00:00Z`).getUTCDay()))).toBe(true);
    expect(out.every((o) => o.endMs - o.startMs === 86_400_000)).toBe(true);
    expect(out.length).toBe(21); // 3 Aug (Fri) + 4 full weeks to the 31st
  });

  it('multiple_rrules: weekly Mondays and monthly Sundays merged, as ical.js expands them', () => {
    const { calendar, spec, zones } = load('icaljs-multiple_rrules.ics');
    const out = expand(spec, all, { viewerZone: 'UTC', zones });
    const mondays = out.filter((o) => new Date(o.startMs).getUTCDay() === 1);
    expect(mondays).toHaveLength(18); // 26 March … 23 July (UNTIL is 29 July 23:59:59 in Los Angeles)
    expect(out).toHaveLength(36); // + 18 Sundays, 1 April … 29 July
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined);
    const theirs: number[] = [];
    const iterator = event.iterator();
    for (let next = iterator.next(); next && theirs.length < 100; next = iterator.next()) theirs.push(next.toUnixTime() * 1000);
    // ical.js's own expansion stops one short: it drops Sunday 29 July 11:00 PDT (18:00Z), yet that is before UNTIL
    // (06:59:59Z on the 30th), so RFC 5545 keeps it. Everything else is identical.
    expect(out.at(-1)?.key).toBe('2012-07-29T11:00:00');
    expect(out.slice(0, -1).map((o) => o.startMs)).toEqual(theirs);
  });

  it("Outlook all-day series: UTC UNTIL read as the viewer's midnight, a DATE-TIME EXDATE in a custom VTIMEZONE drops its day", () => {
    const { spec, zones, calendar } = load('icalendar-alarm_outlook_in_future.ics');
    expect(spec.start).toEqual({ kind: 'date', date: '2024-07-01' });
    expect(expand(spec, all, { viewerZone: 'Europe/London', zones }).map((o) => o.key)).toEqual(['2024-07-01', '2024-07-29']);
    expect(expand(spec, all, { viewerZone: 'America/New_York', zones }).map((o) => o.key)).toEqual(['2024-07-01']);
    const timed = calendar.getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('summary') === 'outlook event with alarm');
    if (!timed) throw new Error('no timed event');
    const one = specOf(timed, zones);
    expect(one.start).toEqual({ kind: 'zoned', local: '2024-10-04T18:30:00', tz: 'GMT Standard Time' });
    expect(expand(one, all, { viewerZone: 'UTC', zones }).map((o) => utcIso(o.startMs))).toEqual(['2024-10-04T17:30Z']); // BST from the VTIMEZONE
    expect(zones.toUtc('2024-12-04T18:30:00', 'GMT Standard Time')).toBe(Date.parse('2024-12-04T18:30:00Z'));
    expect(zones.toUtc('2024-10-04T18:30:00', 'Nowhere Standard Time')).toBe(Date.parse('2024-10-04T18:30:00Z'));
    expect(zones.warnings).toEqual(['Unknown time zone "Nowhere Standard Time": its times are read as UTC.']);
  });
});
