import { describe, expect, it } from 'vitest';
import { zoneOffsetMinutes } from '../../../../src-shared/lib/local-date';
import { deltaBetween, moveTimes, resizeTimes, shiftTime } from './move';
import { layoutColumns } from './overlap';

describe('moving and resizing keeps the event time kind', () => {
  it('moves an all-day event by whole days and keeps dates', () => {
    expect(moveTimes({ kind: 'date', date: '2026-03-30' }, { kind: 'date', date: '2026-04-01' }, { days: 3, minutes: 0 })).toEqual({
      start: { kind: 'date', date: '2026-04-02' },
      end: { kind: 'date', date: '2026-04-04' },
    });
  });

  it('keeps a zoned event at the same wall time in its own zone across DST (09:00 Berlin stays 09:00 Berlin)', () => {
    const moved = shiftTime({ kind: 'zoned', local: '2026-03-27T09:00', tz: 'Europe/Berlin' }, { days: 2, minutes: 0 });
    expect(moved).toEqual({ kind: 'zoned', local: '2026-03-29T09:00', tz: 'Europe/Berlin' });
    // The instant moved 47 hours, not 48: the zone sprang forward in between.
    expect(zoneOffsetMinutes('Europe/Berlin', Date.parse('2026-03-27T08:00:00Z'))).toBe(60);
    expect(zoneOffsetMinutes('Europe/Berlin', Date.parse('2026-03-29T07:00:00Z'))).toBe(120);
  });

  it('moves a zoned event by minutes in its zone even when shown in another one', () => {
    const times = moveTimes(
      { kind: 'zoned', local: '2026-06-01T23:30', tz: 'America/New_York' },
      { kind: 'zoned', local: '2026-06-02T00:30', tz: 'America/New_York' },
      { days: 0, minutes: 90 },
    );
    expect(times.start).toEqual({ kind: 'zoned', local: '2026-06-02T01:00', tz: 'America/New_York' });
    expect(times.end).toEqual({ kind: 'zoned', local: '2026-06-02T02:00', tz: 'America/New_York' });
  });

  it('keeps floating times floating and instants as instants', () => {
    expect(shiftTime({ kind: 'floating', local: '2026-03-01T08:00' }, { days: -1, minutes: 30 })).toEqual({ kind: 'floating', local: '2026-02-28T08:30' });
    expect(shiftTime({ kind: 'utc', at: '2026-03-01T08:00:00.000Z' }, { days: 0, minutes: -45 })).toEqual({ kind: 'utc', at: '2026-03-01T07:15:00.000Z' });
  });

  it('resizes the end but never before the start', () => {
    const start = { kind: 'zoned', local: '2026-03-01T10:00', tz: 'Europe/Berlin' } as const;
    const end = { kind: 'zoned', local: '2026-03-01T11:00', tz: 'Europe/Berlin' } as const;
    expect(resizeTimes(start, end, { days: 0, minutes: 45 }).end).toEqual({ ...end, local: '2026-03-01T11:45' });
    expect(resizeTimes(start, end, { days: 0, minutes: -120 }).end).toEqual({ ...end, local: '2026-03-01T10:15' });
    const day = resizeTimes({ kind: 'date', date: '2026-03-01' }, { kind: 'date', date: '2026-03-02' }, { days: -3, minutes: 0 });
    expect(day.end).toEqual({ kind: 'date', date: '2026-03-02' });
  });

  it('snaps a drag to 15 minutes and splits it into days and minutes', () => {
    expect(deltaBetween(0, 97 * 60_000)).toEqual({ days: 0, minutes: 90 });
    expect(deltaBetween(0, (26 * 60 + 7) * 60_000)).toEqual({ days: 1, minutes: 120 });
  });
});

describe('time grid overlap columns', () => {
  it('puts overlapping events side by side and gives a whole cluster the same column count', () => {
    const boxes = layoutColumns([
      { item: 'a', startMin: 540, endMin: 600 },
      { item: 'b', startMin: 570, endMin: 660 },
      { item: 'c', startMin: 610, endMin: 640 },
      { item: 'd', startMin: 700, endMin: 760 },
    ]);
    const by = Object.fromEntries(boxes.map((b) => [b.item, [b.col, b.cols]]));
    expect(by).toEqual({ a: [0, 2], b: [1, 2], c: [0, 2], d: [0, 1] });
  });

  it('treats a tiny event as minMinutes long so drawn boxes do not cover each other', () => {
    const boxes = layoutColumns([
      { item: 'x', startMin: 600, endMin: 600 },
      { item: 'y', startMin: 610, endMin: 670 },
    ]);
    expect(boxes.map((b) => b.cols)).toEqual([2, 2]);
  });
});
