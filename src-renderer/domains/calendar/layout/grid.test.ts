import { describe, expect, it } from 'vitest';
import { dayIndexOf, dayRange, indexOfDate, minutesInto, wallMinutes } from './days';
import { addMonths, monthWeeks, shiftAnchor, startOfWeek, viewRange, viewTitle } from './grid';

describe('calendar grid', () => {
  it('lays March 2026 out as Monday-first weeks from 23 Feb to 5 Apr', () => {
    const weeks = monthWeeks(2026, 3);
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.[0]).toBe('2026-02-23');
    expect(weeks.at(-1)?.at(-1)).toBe('2026-04-05');
    expect(weeks.flat().filter((d) => d.startsWith('2026-03'))).toHaveLength(31);
  });

  it('needs only four rows for a February that starts on the week start', () => {
    expect(monthWeeks(2027, 2)).toHaveLength(4); // 1 Feb 2027 is a Monday
    expect(monthWeeks(2026, 2, 7)[0]?.[0]).toBe('2026-02-01'); // Sunday-first: 1 Feb 2026 is a Sunday
  });

  it('gives each view its range and moves by its period', () => {
    expect(viewRange('week', '2026-03-19')).toEqual({ from: '2026-03-16', days: 7 });
    expect(viewRange('year', '2028-06-01')).toEqual({ from: '2028-01-01', days: 366 });
    expect(viewRange('agenda', '2026-03-19')).toEqual({ from: '2026-03-19', days: 60 });
    expect(startOfWeek('2026-03-22')).toBe('2026-03-16');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(shiftAnchor('month', '2026-12-15', 1)).toBe('2027-01-15');
    expect(shiftAnchor('week', '2026-03-19', -1)).toBe('2026-03-12');
    expect(shiftAnchor('year', '2028-02-29', 1)).toBe('2029-02-28');
  });

  it('titles the month view like "March 2026"', () => {
    expect(viewTitle('month', '2026-03-19', 1, 'en-US')).toBe('March 2026');
    expect(viewTitle('year', '2026-03-19')).toBe('2026');
    expect(viewTitle('month', '2026-03-19', 1, 'en-US', true)).toBe('Mar 2026');
  });
});

describe('day boundaries in the viewer zone', () => {
  it('makes the spring-forward day 23 hours long and finds the day of an instant', () => {
    const range = dayRange('Europe/Berlin', '2026-03-28', 3);
    expect(((range.starts[2] ?? 0) - (range.starts[1] ?? 0)) / 3_600_000).toBe(23);
    expect(range.starts[0]).toBe(Date.parse('2026-03-27T23:00:00Z'));
    expect(dayIndexOf(range, Date.parse('2026-03-28T22:59:59Z'))).toBe(0);
    expect(dayIndexOf(range, Date.parse('2026-03-28T23:00:00Z'))).toBe(1);
    expect(dayIndexOf(range, Date.parse('2026-03-29T21:59:59Z'))).toBe(1);
    expect(dayIndexOf(range, Date.parse('2026-03-29T22:00:00Z') + 60_000)).toBe(2);
    expect(dayIndexOf(range, Date.parse('2026-01-01T00:00:00Z'))).toBe(-1);
    expect(dayIndexOf(range, Date.parse('2027-01-01T00:00:00Z'))).toBe(3);
    expect(minutesInto(range, 1, Date.parse('2026-03-29T07:00:00Z'))).toBe(8 * 60); // 09:00 CEST is 8 h after midnight CET
    expect(indexOfDate(range, '2026-03-30')).toBe(2);
    expect(wallMinutes(range, 1, Date.parse('2026-03-29T07:00:00Z'))).toBe(9 * 60); // but it belongs on the 09:00 row
    expect(wallMinutes(range, 0, Date.parse('2026-03-28T08:00:00Z'))).toBe(9 * 60);
  });

  it('handles a zone whose midnight does not exist (Santiago, 2024-09-08 starts at 01:00)', () => {
    const range = dayRange('America/Santiago', '2024-09-07', 2);
    expect(range.starts[1]).toBe(Date.parse('2024-09-08T04:00:00Z'));
  });

  it('places the same instant on different days in different zones', () => {
    const at = Date.parse('2026-03-19T23:30:00Z');
    expect(dayIndexOf(dayRange('UTC', '2026-03-19', 2), at)).toBe(0);
    expect(dayIndexOf(dayRange('Asia/Tokyo', '2026-03-19', 2), at)).toBe(1);
  });
});
