import { describe, expect, it } from 'vitest';
import { shiftLike, shiftWeekdays } from './series-shift';

const z = (local: string, tz = 'Europe/Berlin') => ({ kind: 'zoned' as const, local, tz });

describe('shiftLike', () => {
  it('moves the series start by what the instance moved, keeping the series day', () => {
    expect(shiftLike(z('2026-03-03T18:00'), z('2026-03-17T18:00'), z('2026-03-17T19:00'))).toEqual(z('2026-03-03T19:00'));
    expect(shiftLike(z('2026-03-03T18:00'), z('2026-03-17T18:00'), z('2026-03-18T09:30'))).toEqual(z('2026-03-04T09:30'));
  });

  it('takes the new zone and kind, and turns days into days', () => {
    expect(shiftLike(z('2026-03-03T18:00'), z('2026-03-17T18:00'), z('2026-03-17T18:00', 'Asia/Tokyo'))).toEqual(z('2026-03-03T18:00', 'Asia/Tokyo'));
    expect(shiftLike({ kind: 'date', date: '2026-03-03' }, { kind: 'date', date: '2026-03-17' }, { kind: 'date', date: '2026-03-19' })).toEqual({
      kind: 'date',
      date: '2026-03-05',
    });
    expect(shiftLike({ kind: 'date', date: '2026-03-03' }, { kind: 'date', date: '2026-03-17' }, z('2026-03-17T08:00'))).toEqual(z('2026-03-03T08:00'));
    expect(shiftLike(z('2026-03-03T18:00'), z('2026-03-17T18:00'), { kind: 'date', date: '2026-03-17' })).toEqual({ kind: 'date', date: '2026-03-03' });
  });
});

describe('shiftWeekdays', () => {
  it('moves BYDAY weekdays by whole days, keeping ordinals, and leaves other rules alone', () => {
    expect(shiftWeekdays('FREQ=WEEKLY;BYDAY=MO,WE', 1)).toBe('FREQ=WEEKLY;BYDAY=TU,TH');
    expect(shiftWeekdays('FREQ=MONTHLY;BYDAY=2TU;COUNT=4', -1)).toBe('FREQ=MONTHLY;BYDAY=2MO;COUNT=4');
    expect(shiftWeekdays('FREQ=WEEKLY;BYDAY=SU', 8)).toBe('FREQ=WEEKLY;BYDAY=MO');
    expect(shiftWeekdays('FREQ=WEEKLY;BYDAY=MO', 7)).toBe('FREQ=WEEKLY;BYDAY=MO');
    expect(shiftWeekdays('FREQ=DAILY;INTERVAL=2', 3)).toBe('FREQ=DAILY;INTERVAL=2');
  });
});
