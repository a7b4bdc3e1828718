import { readdirSync } from 'node:fs';
import { expect } from 'vitest';
import { describeWithFixtures, fixturePath, itWithFixtures, readFixtureText } from '../../test/fixtures';
import { setupCalendar, type CalendarSetup } from './calendar.test-helpers';

/**
 * The lossless round trip the calendar promises: every sample calendar from other apps, imported, exported by Hearth
 * and imported into a second profile, yields the same instances over three years and keeps every property Hearth
 * does not interpret (X-… and others) verbatim.
 */
const YEAR = 366 * 86_400_000;

async function instancesOf(s: CalendarSetup, calendarId: string, fromMs: number): Promise<string[]> {
  const out: string[] = [];
  // Three years in windows of at most a year (the op caps a window).
  for (let y = 0; y < 3; y++) {
    const from = new Date(fromMs + y * YEAR).toISOString();
    const to = new Date(fromMs + (y + 1) * YEAR).toISOString();
    for (const o of await s.c.occurrences({ from, to, calendarIds: [calendarId], viewerZone: 'UTC' })) {
      if (Date.parse(o.start) >= fromMs + y * YEAR) out.push(`${o.uid}|${o.occurrenceKey}|${o.start}|${o.end}|${o.title}|${o.location}`);
    }
  }
  return out;
}

/** Property lines (unfolded) whose name Hearth does not read, from inside VEVENT/VTODO components. */
function keptLines(ics: string): string[] {
  const lines = ics.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const out: string[] = [];
  let inside = 0;
  for (const l of lines) {
    if (/^BEGIN:(VEVENT|VTODO)$/i.test(l)) inside++;
    else if (/^END:(VEVENT|VTODO)$/i.test(l)) inside--;
    else if (inside > 0 && /^X-[A-Z0-9-]+[;:]/i.test(l)) out.push(l);
  }
  return out.sort();
}

/** The window starts at the earliest DTSTART of an event or task (not of a VTIMEZONE rule). */
function earliestStart(ics: string): number {
  let inside = 0;
  let min = Infinity;
  for (const l of ics.split(/\r?\n/)) {
    if (/^BEGIN:(VEVENT|VTODO)$/i.test(l)) inside++;
    else if (/^END:(VEVENT|VTODO)$/i.test(l)) inside--;
    const m = inside > 0 ? /^DTSTART[^:]*:(\d{4})(\d{2})(\d{2})/.exec(l) : null;
    if (m) min = Math.min(min, Date.parse(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`));
  }
  return min;
}

describeWithFixtures('calendar round trip through Hearth', () => {
  const files = (): string[] =>
    readdirSync(fixturePath('calendar'))
      .filter((f) => f.endsWith('.ics'))
      .sort();

  itWithFixtures(
    'every calendar fixture: import → export → import gives the same instances over 3 years and keeps X- properties',
    async () => {
      const a = await setupCalendar('2026-03-15T09:30:00Z', 'UTC');
      const b = await setupCalendar('2026-03-15T09:30:00Z', 'UTC');
      const checked: string[] = [];
      for (const name of files()) {
        const text = readFixtureText('calendar', name);
        const first = await a.c.importPreview({ blobId: await a.upload(text), fileName: name });
        if (first.events + first.tasks === 0) continue; // a lone VTIMEZONE
        const imported = await a.c.importCommit({ previewId: first.previewId });
        const fromMs = earliestStart(text) - 86_400_000;
        const before = await instancesOf(a, imported.calendarId, fromMs);
        const exported = await a.download((await a.c.export({ calendarIds: [imported.calendarId] })).blobId);
        const again = await b.c.importPreview({ blobId: await b.upload(exported), fileName: name });
        expect(again.warnings.filter((w) => /could not|failed|error/i.test(w))).toEqual([]);
        const back = await b.c.importCommit({ previewId: again.previewId });
        expect(back.events, name).toBe(imported.events);
        expect(await instancesOf(b, back.calendarId, fromMs), name).toEqual(before);
        expect(keptLines(exported), name).toEqual(keptLines(text));
        checked.push(`${name}: ${before.length}`);
      }
      // 13 files with events; 1,162 instances over their three years (Estonian holidays 250, weekday all-day series 783).
      expect(checked.length).toBe(13);
      expect(checked.filter((c) => c.endsWith(': 0'))).toEqual([]);
      expect(checked.reduce((n, c) => n + Number(c.split(': ')[1]), 0)).toBe(1162);
    },
    240_000,
  );

  itWithFixtures('the ical.js Zimbra sample: overrides replace their instances, EXDATEs remove theirs', async () => {
    const s = await setupCalendar('2026-03-15T09:30:00Z', 'UTC');
    const p = await s.c.importPreview({ blobId: await s.upload(readFixtureText('calendar', 'icaljs-recur_instances.ics')) });
    expect(p).toMatchObject({ events: 1, recurring: 1, overrides: 2 });
    const r = await s.c.importCommit({ previewId: p.previewId });
    const occ = await s.c.occurrences({ from: '2012-10-01T00:00:00Z', to: '2013-01-02T00:00:00Z', calendarIds: [r.calendarId], viewerZone: 'UTC' });
    // Master instances 2012-10-02 17:00Z (moved by override 1 to 22:00Z), 11-05 18:00Z (moved by override 2 to 11-06 20:00 LA = 11-07 04:00Z),
    // RDATEs 11-06 18:00Z, 11-10, 11-30; 12-04 excluded; 2013-01-01 18:00Z.
    expect(occ.map((o) => `${o.start}${o.override ? ' override' : ''}`)).toEqual([
      '2012-10-02T22:00:00.000Z override',
      '2012-11-06T18:00:00.000Z',
      '2012-11-07T04:00:00.000Z override',
      '2012-11-10T18:00:00.000Z',
      '2012-11-30T18:00:00.000Z',
      '2013-01-01T18:00:00.000Z',
    ]);
  });
});
