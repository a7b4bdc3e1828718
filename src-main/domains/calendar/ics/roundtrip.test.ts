import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeWithFixtures, fixturePath, readFixtureText } from '../../../test/fixtures';
import { buildTree } from './component';
import { unfoldLines } from './content-line';
import { parseCalendarFile, serialiseCalendar, type ParsedFile } from './index';

const allComponents = (file: ParsedFile): string[] =>
  [...file.series, ...file.tasks].flatMap((s) => [...(s.master ? [s.master.ics] : []), ...s.overrides.map((o) => o.ics)]);

const exportOf = (file: ParsedFile): string =>
  serialiseCalendar({ name: file.name, calendarProps: file.calendarProps, components: allComponents(file), timezones: file.timezones });

/** Every property line inside VEVENT/VTODO (and their VALARMs) of a file, unfolded, as written. */
function componentPropertyLines(text: string): string[] {
  const { roots } = buildTree(unfoldLines(text.replace(/^\ufeff/, '')));
  const out: string[] = [];
  const walk = (items: ReadonlyArray<string | { name: string; items: unknown[] }>, inside: boolean): void => {
    for (const item of items) {
      if (typeof item === 'string') {
        if (inside) out.push(item);
      } else walk(item.items as never, inside || item.name === 'VEVENT' || item.name === 'VTODO');
    }
  };
  walk(roots, false);
  return out;
}

const files = (): Array<[string, string[]]> => [
  ...readdirSync(fixturePath('calendar'))
    .filter((f) => f.endsWith('.ics'))
    .map((f): [string, string[]] => [f, ['calendar', f]]),
  ...readdirSync(fixturePath('tasks', 'ics'))
    .filter((f) => f.endsWith('.ics'))
    .map((f): [string, string[]] => [f, ['tasks', 'ics', f]]),
];

describeWithFixtures('serialiseCalendar: lossless round trip of every fixture', () => {
  it.each(files())('%s: parse → export → parse gives the same fields and every property line verbatim', (_name, parts) => {
    const text = readFixtureText(...parts);
    const first = parseCalendarFile(text);
    const exported = exportOf(first);
    const second = parseCalendarFile(exported);
    const fields = (f: ParsedFile): unknown => [...f.series, ...f.tasks].map((s) => [s.uid, s.relatedUid, s.master?.fields, s.overrides.map((o) => o.fields)]);
    expect(fields(second)).toEqual(fields(first));
    expect(allComponents(second)).toEqual(allComponents(first));
    expect(second.calendarProps).toEqual(first.calendarProps);
    expect(second.name).toBe(first.name);
    for (const [tzid, vtimezone] of second.timezones) expect(vtimezone).toBe(first.timezones.get(tzid) ?? vtimezone);
    // Unknown properties (X-…, ORGANIZER, CLASS, ATTACH…) come out byte for byte, as do all the others.
    const out = new Set(componentPropertyLines(exported));
    const lost = componentPropertyLines(text).filter((line) => !out.has(line));
    expect(lost).toEqual([]);
    // RFC 5545 §3.1: CRLF only, no physical line over 75 octets.
    expect(exported.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const longest = Math.max(...exported.split('\r\n').map((l) => Buffer.byteLength(l, 'utf8')));
    expect(longest).toBeLessThanOrEqual(75);
    expect(exported).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:-\/\/Hearth\/\/Hearth Calendar\/\/EN\r\n/);
  });

  it('writes a VTIMEZONE for every TZID: the file’s own when it has one, else generated (aliases keep their id)', () => {
    const apple = parseCalendarFile(readFixtureText('calendar', 'node-ical-tentative-apple-calendar.ics'));
    const exported = exportOf(apple);
    expect(exported).toContain('BEGIN:VTIMEZONE\r\nTZID:America/Vancouver\r\n');
    expect(parseCalendarFile(exported).timezones.get('America/Vancouver')).toContain('TZOFFSETTO:-0700');
    const aus = parseCalendarFile(readFixtureText('calendar', 'ical4j-google_aus_holidays.ics'));
    const again = parseCalendarFile(exportOf(aus));
    expect(again.timezones.get('US/Pacific')).toBe(aus.timezones.get('US/Pacific'));
    // Outlook's own 'GMT Standard Time' is kept verbatim; the unused America/New_York of a VTIMEZONE-only file is not exported.
    const outlook = parseCalendarFile(readFixtureText('calendar', 'icalendar-alarm_outlook_in_future.ics'));
    expect(parseCalendarFile(exportOf(outlook)).timezones.get('GMT Standard Time')).toBe(outlook.timezones.get('GMT Standard Time'));
    const ny = parseCalendarFile(readFixtureText('calendar', 'icaljs-tz-America-New_York.ics'));
    expect(exportOf(ny)).not.toContain('VTIMEZONE');
  });
});
