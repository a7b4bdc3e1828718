import { describe, expect, it } from 'vitest';
import { changedFields, FLOATING, formOf, nowDraft, readForm } from './event-form';

const zones = new Set(['Europe/Berlin', 'America/New_York']);
const zoned = (local: string, tz = 'Europe/Berlin') => ({ kind: 'zoned' as const, local, tz });

describe('event form', () => {
  it('round-trips a zoned event with a preset rule', () => {
    const form = formOf(
      { calendarId: 'c1', title: 'Book club', start: zoned('2026-03-10T18:00'), end: zoned('2026-03-10T19:30'), rrule: 'FREQ=MONTHLY;BYDAY=2TU' },
      'UTC',
    );
    expect(form).toMatchObject({ startDate: '2026-03-10', startTime: '18:00', endTime: '19:30', zone: 'Europe/Berlin', repeat: 'monthly-nth' });
    const read = readForm(form, zones);
    expect(read).toMatchObject({ ok: true, value: { start: zoned('2026-03-10T18:00'), end: zoned('2026-03-10T19:30'), rrule: 'FREQ=MONTHLY;BYDAY=2TU' } });
  });

  it('shows an all-day end as the last day and stores it as the day after', () => {
    const form = formOf({ calendarId: 'c1', title: 'Holiday', start: { kind: 'date', date: '2026-08-03' }, end: { kind: 'date', date: '2026-08-11' } }, 'UTC');
    expect(form).toMatchObject({ allDay: true, startDate: '2026-08-03', endDate: '2026-08-10' });
    expect(readForm(form, zones)).toMatchObject({ ok: true, value: { end: { kind: 'date', date: '2026-08-11' } } });
  });

  it('shows a UTC time in the viewer zone, and keeps floating events floating', () => {
    const utc = formOf(
      { calendarId: 'c1', start: { kind: 'utc', at: '2026-03-10T17:00:00.000Z' }, end: { kind: 'utc', at: '2026-03-10T18:00:00.000Z' } },
      'America/New_York',
    );
    expect(utc).toMatchObject({ startTime: '13:00', endTime: '14:00', zone: 'America/New_York' });
    const floating = formOf(
      { calendarId: 'c1', title: 'Pills', start: { kind: 'floating', local: '2026-03-10T08:00' }, end: { kind: 'floating', local: '2026-03-10T08:15' } },
      'UTC',
    );
    expect(floating.zone).toBe(FLOATING);
    expect(readForm(floating, zones)).toMatchObject({ ok: true, value: { start: { kind: 'floating', local: '2026-03-10T08:00' } } });
  });

  it('refuses an end before the start, an unknown zone, an empty title and a broken custom rule', () => {
    const form = formOf({ calendarId: 'c1', title: ' ', start: zoned('2026-03-10T18:00'), end: zoned('2026-03-10T19:00') }, 'UTC');
    const bad = readForm({ ...form, endTime: '17:00', zone: 'Mars/Olympus', repeat: 'custom', customRule: 'BYDAY=MO' }, zones);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['end', 'rule', 'title', 'zone']);
  });

  it('sends only what changed, and drafts start at the next hour', () => {
    expect(changedFields({ title: 'a', location: 'x', categories: ['q'] }, { title: 'a', location: 'y', categories: ['q'] })).toEqual({ location: 'x' });
    expect(nowDraft(Date.UTC(2026, 2, 10, 9, 20), 'Europe/Berlin')).toEqual({ start: zoned('2026-03-10T11:00'), end: zoned('2026-03-10T12:00') });
  });
});
