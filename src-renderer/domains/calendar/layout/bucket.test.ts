import { describe, expect, it } from 'vitest';
import { bucketByDay, placeItems, type CalItem } from './bucket';
import { dayRange } from './days';
import { monthWeeks } from './grid';
import { layoutMonth, type WeekLanes } from './month-lanes';

const H = 3_600_000;
const timed = (key: string, startIso: string, hours: number): CalItem => {
  const startMs = Date.parse(startIso);
  return { key, startMs, endMs: startMs + hours * H, allDay: false, startDate: null, endDate: null };
};
const allDay = (key: string, startDate: string, endDate: string): CalItem => ({
  key,
  startMs: Date.parse(`${startDate}T00:00:00Z`),
  endMs: Date.parse(`${endDate}T00:00:00Z`),
  allDay: true,
  startDate,
  endDate,
});

describe('bucketing occurrences per day', () => {
  const range = dayRange('Europe/Berlin', '2026-02-23', 42); // the March 2026 grid

  it('puts timed events on their viewer-zone day, spans multi-day ones and stops at an exclusive midnight end', () => {
    const placed = placeItems(
      [
        timed('late', '2026-03-02T22:30:00Z', 1), // 23:30 Berlin on 2 Mar, ends 00:30 on 3 Mar
        timed('to-midnight', '2026-03-04T22:00:00Z', 1), // 23:00–00:00 Berlin: only 4 Mar
        allDay('trip', '2026-03-06', '2026-03-09'), // 6, 7, 8 Mar
        allDay('outside', '2026-05-01', '2026-05-02'),
        timed('straddles-start', '2026-02-20T10:00:00Z', 24 * 4),
      ],
      range,
    );
    const days = bucketByDay(placed, range.count);
    const keysOn = (date: string) => (days[(Date.parse(date) - Date.parse('2026-02-23')) / 86_400_000] ?? []).map((p) => p.item.key);
    expect(keysOn('2026-03-02')).toEqual(['late']);
    expect(keysOn('2026-03-03')).toEqual(['late']);
    expect(keysOn('2026-03-04')).toEqual(['to-midnight']);
    expect(keysOn('2026-03-05')).toEqual([]);
    expect([keysOn('2026-03-06'), keysOn('2026-03-08'), keysOn('2026-03-09')]).toEqual([['trip'], ['trip'], []]);
    expect(placed.find((p) => p.item.key === 'straddles-start')).toMatchObject({ first: 0, last: 1, bar: true });
    expect(placed.some((p) => p.item.key === 'outside')).toBe(false);
  });

  it('sorts a day with bars first, then timed events by start', () => {
    const placed = placeItems([timed('b', '2026-03-10T12:00:00Z', 1), timed('a', '2026-03-10T08:00:00Z', 1), allDay('z', '2026-03-10', '2026-03-11')], range);
    expect(bucketByDay(placed, range.count)[15]?.map((p) => p.item.key)).toEqual(['z', 'a', 'b']);
  });

  it('lays out 5,000 occurrences (200 recurring series) of a month exactly', () => {
    const items: CalItem[] = [];
    const expected = new Array<number>(42).fill(0);
    for (let series = 0; series < 200; series++) {
      for (let n = 0; n < 25; n++) {
        const day = (series * 7 + n * 3) % 42; // spread over the grid
        const hour = (series % 20) + 3;
        if (series % 10 === 0) {
          // an all-day series, two days long, clipped at the end of the grid
          const from = new Date(Date.UTC(2026, 1, 23 + day)).toISOString().slice(0, 10);
          const to = new Date(Date.UTC(2026, 1, 25 + day)).toISOString().slice(0, 10);
          items.push(allDay(`s${series}:${n}`, from, to));
          expected[day] = (expected[day] ?? 0) + 1;
          if (day + 1 < 42) expected[day + 1] = (expected[day + 1] ?? 0) + 1;
        } else {
          // 30 minutes at a whole hour in Berlin: never crosses midnight there (03:00–22:30)
          items.push(timed(`s${series}:${n}`, new Date((range.starts[day] ?? 0) + hour * H).toISOString(), 0.5));
          expected[day] = (expected[day] ?? 0) + 1;
        }
      }
    }
    expect(items).toHaveLength(5000);
    const placed = placeItems(items, range);
    const days = bucketByDay(placed, range.count);
    expect(days.map((d) => d.length)).toEqual(expected);
    for (const day of days) {
      for (let i = 1; i < day.length; i++) {
        const [a, b] = [day[i - 1]!, day[i]!];
        expect(a.bar && !b.bar ? true : a.bar === b.bar && (a.bar || a.item.startMs <= b.item.startMs)).toBe(true);
      }
    }
    // Lanes: every day shows 3 items at most, and shown + "+N more" is what the day holds.
    const weeks = layoutMonth(placed, monthWeeks(2026, 3).length, 3);
    weeks.forEach((week, w) => {
      for (let col = 0; col < 7; col++) {
        const shown = week.segments.filter((s) => s.col <= col && col < s.col + s.span).length;
        expect(shown).toBe(Math.min(3, expected[w * 7 + col] ?? 0));
        expect(shown + (week.more[col] ?? 0)).toBe(expected[w * 7 + col]);
      }
    });
  });
});

describe('month lanes', () => {
  const range = dayRange('UTC', '2026-02-23', 42);

  it('keeps a bar in one lane across its days and splits it at the week edge', () => {
    const placed = placeItems(
      [allDay('long', '2026-02-27', '2026-03-04'), timed('t', '2026-02-28T09:00:00Z', 1), timed('m', '2026-02-23T09:00:00Z', 1)],
      range,
    );
    const [w0, w1] = layoutMonth(placed, 6, 2) as [WeekLanes<CalItem>, WeekLanes<CalItem>];
    const long0 = w0.segments.find((s) => s.placed.item.key === 'long');
    expect(long0).toMatchObject({ col: 4, span: 3, lane: 0, fromBefore: false, toAfter: true });
    expect(w0.segments.find((s) => s.placed.item.key === 't')).toMatchObject({ col: 5, lane: 1 });
    expect(w0.segments.find((s) => s.placed.item.key === 'm')).toMatchObject({ col: 0, lane: 0 });
    expect(w1.segments[0]).toMatchObject({ col: 0, span: 2, lane: 0, fromBefore: true, toAfter: false });
  });

  it('counts what does not fit as "+N more" on every day it touches', () => {
    const placed = placeItems([allDay('a', '2026-03-02', '2026-03-05'), allDay('b', '2026-03-02', '2026-03-04'), timed('c', '2026-03-03T09:00:00Z', 1)], range);
    const week = layoutMonth(placed, 6, 1)[1]!;
    expect(week.segments.map((s) => s.placed.item.key)).toEqual(['a']);
    expect(week.more.slice(0, 4)).toEqual([1, 2, 0, 0]);
  });
});
