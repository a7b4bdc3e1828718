import { describe, expect, it } from 'vitest';
import { AppError } from '../../ipc/result';
import { expand, ianaZones, keyMatches, occurrenceKey, remainingRule, seriesEnd, untilFor } from './index';
import type { ExpandStats, SeriesSpec, When } from './index';

const H = 3_600_000;
const D = 24 * H;
const utc = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19);
const series = (start: When, rrules: string[], extra: Partial<SeriesSpec> = {}): SeriesSpec => ({
  start,
  durationMs: H,
  rrules,
  rdates: [],
  exdates: [],
  ...extra,
});
const year2026 = { fromMs: utc('2026-01-01T00:00:00Z'), toMs: utc('2027-01-01T00:00:00Z') };
const berlin = (local: string): When => ({ kind: 'zoned', local, tz: 'Europe/Berlin' });

describe('zones', () => {
  it('maps a wall time in the spring-forward gap forward and a repeated one to its first instant (New York 2026)', () => {
    expect(iso(ianaZones.toUtc('2026-03-08T02:30:00', 'America/New_York'))).toBe('2026-03-08T07:30:00'); // = 03:30 EDT
    expect(iso(ianaZones.toUtc('2026-03-08T01:59:59', 'America/New_York'))).toBe('2026-03-08T06:59:59');
    expect(iso(ianaZones.toUtc('2026-03-08T03:00:00', 'America/New_York'))).toBe('2026-03-08T07:00:00');
    expect(iso(ianaZones.toUtc('2026-11-01T01:30:00', 'America/New_York'))).toBe('2026-11-01T05:30:00'); // EDT, the first
    expect(ianaZones.fromUtc(utc('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('2026-11-01T01:30:00'); // the second
    expect(ianaZones.fromUtc(utc('2026-07-01T12:00:00Z'), 'Asia/Kolkata')).toBe('2026-07-01T17:30:00');
  });

  it('refuses an unknown zone and a malformed wall time', () => {
    expect(() => ianaZones.toUtc('2026-01-01T00:00:00', 'Mars/Olympus')).toThrow(AppError);
    expect(() => ianaZones.toUtc('2026-02-30T00:00:00', 'UTC')).toThrow(/not a real date/);
  });
});

describe('DST', () => {
  it('keeps a weekly 09:00 Europe/Berlin meeting at 09:00 Berlin across both 2026 changes (UTC 08:00 ↔ 07:00)', () => {
    const out = expand(series(berlin('2026-01-05T09:00:00'), ['FREQ=WEEKLY;BYDAY=MO']), year2026, { viewerZone: 'America/New_York' });
    expect(out).toHaveLength(52);
    expect(out.every((o) => o.start.kind === 'zoned' && o.start.local.endsWith('T09:00:00') && o.start.tz === 'Europe/Berlin')).toBe(true);
    const hourOn = (date: string): number | undefined => out.find((o) => o.key === `${date}T09:00:00`)?.startMs;
    expect(iso(hourOn('2026-03-23') ?? 0)).toBe('2026-03-23T08:00:00'); // CET, before 29 March
    expect(iso(hourOn('2026-03-30') ?? 0)).toBe('2026-03-30T07:00:00'); // CEST
    expect(iso(hourOn('2026-10-19') ?? 0)).toBe('2026-10-19T07:00:00'); // CEST, before 25 October
    expect(iso(hourOn('2026-10-26') ?? 0)).toBe('2026-10-26T08:00:00'); // CET again
    expect(out.every((o) => o.endMs - o.startMs === H)).toBe(true);
  });

  it('keeps a floating 08:00 at 08:00 in whatever zone the viewer is in, with the same keys', () => {
    const spec = series({ kind: 'floating', local: '2026-06-01T08:00:00' }, ['FREQ=DAILY;COUNT=3']);
    const window = { fromMs: utc('2026-05-30T00:00:00Z'), toMs: utc('2026-06-05T00:00:00Z') };
    const tokyo = expand(spec, window, { viewerZone: 'Asia/Tokyo' });
    const york = expand(spec, window, { viewerZone: 'America/New_York' });
    expect(tokyo.map((o) => iso(o.startMs))).toEqual(['2026-05-31T23:00:00', '2026-06-01T23:00:00', '2026-06-02T23:00:00']);
    expect(york.map((o) => iso(o.startMs))).toEqual(['2026-06-01T12:00:00', '2026-06-02T12:00:00', '2026-06-03T12:00:00']);
    expect(york.map((o) => o.key)).toEqual(tokyo.map((o) => o.key));
    expect(tokyo[0]?.start).toEqual({ kind: 'floating', local: '2026-06-01T08:00:00' });
  });

  it('moves a daily 02:30 New York instance to 03:30 on the second Sunday of March, keeping its key', () => {
    const spec = series({ kind: 'zoned', local: '2026-03-06T02:30:00', tz: 'America/New_York' }, ['FREQ=DAILY']);
    const out = expand(spec, { fromMs: utc('2026-03-07T00:00:00Z'), toMs: utc('2026-03-10T00:00:00Z') }, { viewerZone: 'UTC' });
    expect(out.map((o) => [o.key, iso(o.startMs)])).toEqual([
      ['2026-03-07T02:30:00', '2026-03-07T07:30:00'], // EST
      ['2026-03-08T02:30:00', '2026-03-08T07:30:00'], // does not exist: 03:30 EDT
      ['2026-03-09T02:30:00', '2026-03-09T06:30:00'], // EDT
    ]);
  });

  it('gives all-day instances whole local days, 23 hours on the day the clocks go forward', () => {
    const spec = series({ kind: 'date', date: '2026-03-28' }, ['FREQ=DAILY;COUNT=2'], { durationMs: D });
    const out = expand(spec, year2026, { viewerZone: 'Europe/Berlin' });
    expect(out.map((o) => [o.key, iso(o.startMs), (o.endMs - o.startMs) / H])).toEqual([
      ['2026-03-28', '2026-03-27T23:00:00', 24],
      ['2026-03-29', '2026-03-28T23:00:00', 23],
    ]);
  });
});

describe('keys', () => {
  const la: When = { kind: 'zoned', local: '2012-10-02T10:00:00', tz: 'America/Los_Angeles' };
  it('normalises a UTC RECURRENCE-ID to the wall time of a zoned series', () => {
    expect(occurrenceKey({ kind: 'utc', ms: utc('2012-11-05T18:00:00Z') }, la)).toBe('2012-11-05T10:00:00');
    expect(occurrenceKey({ kind: 'zoned', local: '2012-11-05T19:00:00', tz: 'Europe/Berlin' }, la)).toBe('2012-11-05T10:00:00');
    expect(occurrenceKey({ kind: 'zoned', local: '2012-11-05T10:00:00', tz: 'America/Los_Angeles' }, { kind: 'utc', ms: 0 })).toBe('2012-11-05T18:00:00Z');
    expect(occurrenceKey({ kind: 'zoned', local: '2024-07-15T00:00:00', tz: 'Europe/London' }, { kind: 'date', date: '2024-07-01' })).toBe('2024-07-15');
  });

  it('gives a DATE against a DATE-TIME series a day key that matches every instance of that day', () => {
    const key = occurrenceKey({ kind: 'date', date: '2012-11-05' }, la);
    expect(key).toBe('2012-11-05');
    expect(keyMatches('2012-11-05T10:00:00', key)).toBe(true);
    expect(keyMatches('2012-11-06T10:00:00', key)).toBe(false);
    expect(keyMatches('2012-11-05T10:00:00', '2012-11-05T10:00:01')).toBe(false);
  });

  it('collapses an instance given by two rules and an RDATE, and removes EXDATEs in any zone form', () => {
    const spec = series(berlin('2026-01-05T09:00:00'), ['FREQ=WEEKLY;COUNT=4', 'FREQ=DAILY;INTERVAL=7;COUNT=2'], {
      rdates: [{ kind: 'utc', ms: utc('2026-01-12T08:00:00Z') }, berlin('2026-01-07T12:00:00')],
      exdates: [
        { kind: 'utc', ms: utc('2026-01-19T08:00:00Z') },
        { kind: 'date', date: '2026-01-26' },
      ],
    });
    expect(expand(spec, year2026, { viewerZone: 'UTC' }).map((o) => o.key)).toEqual(['2026-01-05T09:00:00', '2026-01-07T12:00:00', '2026-01-12T09:00:00']);
  });
});

describe('windowing and limits', () => {
  it('fast-forwards MONTHLY rules that take their days from BYDAY or BYMONTHDAY even from a DTSTART after the 28th', () => {
    const window = { fromMs: utc('2027-01-01T00:00:00Z'), toMs: utc('2028-01-01T00:00:00Z') };
    const rules = [
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      'FREQ=MONTHLY;BYDAY=-1FR',
      'FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU',
      'FREQ=MONTHLY;BYMONTHDAY=-1',
      'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15,30',
    ];
    for (const start of ['2019-01-31T18:00:00', '2019-03-29T07:30:00', '2020-05-30T23:00:00']) {
      for (const rule of rules) {
        const spec = series(berlin(start), [rule]);
        const fast: ExpandStats = { iterations: 0, truncated: false };
        const slow: ExpandStats = { iterations: 0, truncated: false };
        const a = expand(spec, window, { viewerZone: 'UTC', stats: fast });
        const b = expand(spec, window, { viewerZone: 'UTC', stats: slow, noFastForward: true, maxIterations: 1_000_000 });
        expect(a, `${rule} from ${start}`).toEqual(b);
        expect(a.length, `${rule} from ${start}`).toBeGreaterThan(3);
        expect(fast.iterations, `${rule} from ${start}`).toBeLessThan(slow.iterations);
      }
    }
    // Without BYDAY or BYMONTHDAY the day comes from DTSTART: a 31st skips the shorter months, so no fast-forward.
    const plain = series(berlin('2019-01-31T18:00:00'), ['FREQ=MONTHLY']);
    expect(expand(plain, window, { viewerZone: 'UTC' }).map((o) => o.key.slice(5, 10))).toEqual([
      '01-31',
      '03-31',
      '05-31',
      '07-31',
      '08-31',
      '10-31',
      '12-31',
    ]);
  });

  it('fast-forwards a DAILY rule from 2000 to one week of 2026 in under 50 steps, with the same result as without', () => {
    const spec = series(berlin('2000-01-03T09:00:00'), ['FREQ=DAILY;BYDAY=MO,WE,FR']);
    const week = { fromMs: utc('2026-03-23T00:00:00Z'), toMs: utc('2026-03-30T00:00:00Z') };
    const fast: ExpandStats = { iterations: 0, truncated: false };
    const slow: ExpandStats = { iterations: 0, truncated: false };
    const a = expand(spec, week, { viewerZone: 'UTC', stats: fast });
    const b = expand(spec, week, { viewerZone: 'UTC', stats: slow, noFastForward: true });
    expect(fast.iterations).toBeLessThan(50);
    expect(slow.iterations).toBeGreaterThan(4000);
    expect(a).toEqual(b);
    expect(a.map((o) => o.key)).toEqual(['2026-03-23T09:00:00', '2026-03-25T09:00:00', '2026-03-27T09:00:00']);
  });

  it('counts COUNT from DTSTART even when the window is years later', () => {
    const spec = series(berlin('2000-01-03T09:00:00'), ['FREQ=DAILY;COUNT=9500']);
    const out = expand(spec, { fromMs: utc('2026-01-01T00:00:00Z'), toMs: utc('2027-01-01T00:00:00Z') }, { viewerZone: 'UTC' });
    expect(out.at(-1)?.key).toBe('2026-01-05T09:00:00'); // 2000-01-03 + 9499 days
    expect(out).toHaveLength(5);
  });

  it('returns a capped list quickly for FREQ=SECONDLY over a year, and stops an impossible filter on its budget', () => {
    const start = performance.now();
    const stats: ExpandStats = { iterations: 0, truncated: false };
    const out = expand(series({ kind: 'utc', ms: 0 }, ['FREQ=SECONDLY'], { durationMs: 0 }), year2026, { viewerZone: 'UTC', stats });
    expect(out).toHaveLength(10_000);
    expect(out[0]?.key).toBe('2026-01-01T00:00:00Z');
    expect(stats.iterations).toBeLessThan(10_010); // fast-forwarded to the window start, then one step per second
    const never: ExpandStats = { iterations: 0, truncated: false };
    // ical.js alone loops forever here (a negative BYMONTHDAY never equals a day number in its DAILY filter).
    const none = expand(series(berlin('2026-01-01T00:00:00'), ['FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30']), year2026, { viewerZone: 'UTC', stats: never });
    expect(none).toEqual([]);
    expect(never).toEqual({ iterations: 25_000, truncated: true }); // the default step cap
    expect(expand(series(berlin('2026-01-01T09:00:00'), ['FREQ=DAILY;BYMONTHDAY=-1;COUNT=3']), year2026, { viewerZone: 'UTC' }).map((o) => o.key)).toEqual([
      '2026-01-31T09:00:00',
      '2026-02-28T09:00:00',
      '2026-03-31T09:00:00',
    ]);
    // Step counts above are the real bound; time only as a smoke check (~150 ms idle, several times that on a busy CI box).
    expect(performance.now() - start).toBeLessThan(10_000);
  });

  it('refuses an unparsable rule with INVALID_INPUT', () => {
    for (const rule of [
      'GARBAGE',
      '',
      'FREQ=FORTNIGHTLY',
      'FREQ=DAILY;BYHOUR=99',
      'FREQ=DAILY;COUNT=x',
      'FREQ=DAILY;UNTIL=soon',
      'FREQ=DAILY;INTERVAL=-1',
      'FREQ=DAILY;INTERVAL=0',
      'FREQ=DAILY;COUNT=0',
    ]) {
      const call = (): unknown => expand(series(berlin('2026-01-01T09:00:00'), [rule]), year2026, { viewerZone: 'UTC' });
      expect(call, rule).toThrow(AppError);
      try {
        call();
      } catch (error) {
        expect((error as AppError).code, rule).toBe('INVALID_INPUT');
      }
    }
  });
});

describe('seriesEnd', () => {
  it('is finite for COUNT and UNTIL, null for an open rule', () => {
    expect(seriesEnd(series(berlin('2026-01-05T09:00:00'), ['FREQ=WEEKLY;COUNT=3']), { viewerZone: 'UTC' })).toBe(utc('2026-01-19T09:00:00Z'));
    expect(seriesEnd(series(berlin('2026-01-05T09:00:00'), ['FREQ=DAILY;UNTIL=20260110T000000Z']), { viewerZone: 'UTC' })).toBe(utc('2026-01-09T09:00:00Z'));
    expect(seriesEnd(series(berlin('2026-01-05T09:00:00'), ['FREQ=DAILY;COUNT=2', 'FREQ=WEEKLY']), { viewerZone: 'UTC' })).toBeNull();
    expect(seriesEnd(series(berlin('2026-01-05T09:00:00'), [], { rdates: [berlin('2027-01-01T10:00:00')] }), { viewerZone: 'UTC' })).toBe(
      utc('2027-01-01T10:00:00Z'),
    );
  });
});

describe('this and following', () => {
  const zoned = series(berlin('2026-01-05T09:00:00'), ['FREQ=WEEKLY;BYDAY=MO;WKST=MO']);
  it('ends a zoned rule one second before the split instance, in UTC', () => {
    expect(untilFor(zoned, berlin('2026-04-06T09:00:00'))).toBe('FREQ=WEEKLY;BYDAY=MO;WKST=MO;UNTIL=20260406T065959Z');
    expect(remainingRule(zoned, berlin('2026-04-06T09:00:00'))).toBe('FREQ=WEEKLY;BYDAY=MO;WKST=MO');
  });

  it('uses a DATE for all-day rules and a local time for floating ones', () => {
    const allDay = series({ kind: 'date', date: '2026-01-01' }, ['FREQ=MONTHLY;UNTIL=20261231'], { durationMs: D });
    expect(untilFor(allDay, { kind: 'date', date: '2026-05-01' })).toBe('FREQ=MONTHLY;UNTIL=20260430');
    const floating = series({ kind: 'floating', local: '2026-01-01T08:00:00' }, ['FREQ=DAILY']);
    expect(untilFor(floating, { kind: 'floating', local: '2026-01-10T08:00:00' })).toBe('FREQ=DAILY;UNTIL=20260110T075959');
  });

  it('re-counts COUNT on both halves, and the halves expand to the original instances', () => {
    const spec = series(berlin('2026-01-05T09:00:00'), ['FREQ=WEEKLY;COUNT=10']);
    const split = berlin('2026-02-02T09:00:00');
    expect(untilFor(spec, split)).toBe('FREQ=WEEKLY;COUNT=4');
    expect(remainingRule(spec, split)).toBe('FREQ=WEEKLY;COUNT=6');
    const before = expand({ ...spec, rrules: [untilFor(spec, split)] }, year2026, { viewerZone: 'UTC' });
    const after = expand({ ...spec, start: split, rrules: [remainingRule(spec, split)] }, year2026, { viewerZone: 'UTC' });
    expect([...before, ...after].map((o) => o.key)).toEqual(expand(spec, year2026, { viewerZone: 'UTC' }).map((o) => o.key));
    expect(() => untilFor(spec, berlin('2026-01-05T09:00:00'))).toThrow(/first instance/);
  });
});
