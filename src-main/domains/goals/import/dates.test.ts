import { describe, expect, it } from 'vitest';
import { localOf } from './dates';
import { parseIcsTodos } from './ics-todos';

describe('due instants from files', () => {
  it('reads an instant in the years 1–9999 in the zone, and refuses one outside (Intl would throw a RangeError)', () => {
    expect(localOf(Date.UTC(2026, 11, 1, 23, 30), 'Europe/Berlin')).toEqual({ date: '2026-12-02', time: '00:30' });
    expect(localOf(9e15, 'Europe/Berlin')).toBeNull();
    expect(localOf(-9e15, 'UTC')).toBeNull();
    expect(localOf(Number.NaN, 'UTC')).toBeNull();
  });

  it('a to-do whose due time lands past year 9999 is imported without a due date, with a warning', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'BEGIN:VTODO',
      'UID:far@example.org',
      'DTSTAMP:20260101T000000Z',
      'DTSTART:99991231T000000Z',
      'DURATION:P9999999W',
      'SUMMARY:Far away',
      'END:VTODO',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const parsed = parseIcsTodos(new TextEncoder().encode(ics), { nowMs: Date.UTC(2026, 11, 1), zone: 'UTC' });
    expect(parsed.tasks.map((t) => [t.title, t.dueDate])).toEqual([['Far away', null]]);
    expect(parsed.warnings.join('\n')).toMatch(/outside the years 1–9999/);
  });
});
