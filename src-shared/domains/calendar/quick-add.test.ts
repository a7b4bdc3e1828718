import { describe, expect, it } from 'vitest';
import { parseQuickAdd } from './quick-add';
import { firstDay, findRepeat } from './quick-add-repeat';

// Wednesday 4 March 2026, 10:00 in Berlin (09:00 UTC).
const now = Date.UTC(2026, 2, 4, 9, 0);
const zone = 'Europe/Berlin';
const read = (text: string) => parseQuickAdd(text, { now, zone });
const at = (local: string, tz = zone) => ({ kind: 'zoned', local, tz });
const day = (date: string) => ({ kind: 'date', date });

describe('parseQuickAdd', () => {
  it('reads a title, a weekday with a time and a trailing place', () => {
    expect(read('lunch with Ana fri 13:00 at Café Luz')).toEqual({
      title: 'Lunch with Ana',
      location: 'Café Luz',
      start: at('2026-03-06T13:00'),
      end: at('2026-03-06T14:00'),
      rrule: null,
    });
  });

  it('reads "every 2nd tue" as the second Tuesday of each month, starting with the next one', () => {
    expect(read('every 2nd tue 18:00 book club')).toEqual({
      title: 'Book club',
      location: '',
      start: at('2026-03-10T18:00'),
      end: at('2026-03-10T19:00'),
      rrule: 'FREQ=MONTHLY;BYDAY=2TU',
    });
  });

  it('makes a date without a time an all-day event', () => {
    expect(read('call mum tomorrow')).toMatchObject({ title: 'Call mum', start: day('2026-03-05'), end: day('2026-03-06'), rrule: null });
  });

  it('places a bare time today when it is still ahead, tomorrow when it has passed', () => {
    expect(read('dentist 3pm')).toMatchObject({ title: 'Dentist', start: at('2026-03-04T15:00'), end: at('2026-03-04T16:00') });
    expect(read('dentist 9am')).toMatchObject({ start: at('2026-03-05T09:00') });
  });

  it('keeps both days of an all-day span (the end is exclusive, as in iCalendar)', () => {
    expect(read('holiday aug 3 - aug 10')).toMatchObject({ title: 'Holiday', start: day('2026-08-03'), end: day('2026-08-11') });
  });

  it('uses a time range as given', () => {
    expect(read('meeting tomorrow 10-11:30am')).toMatchObject({ title: 'Meeting', start: at('2026-03-05T10:00'), end: at('2026-03-05T11:30') });
  });

  it('does not take "at <time>" for a place, but a place before it still counts', () => {
    expect(read('dinner at 7pm')).toMatchObject({ title: 'Dinner', location: '', start: at('2026-03-04T19:00') });
    expect(read('lunch at Café Luz at 13:00')).toMatchObject({ title: 'Lunch', location: 'Café Luz', start: at('2026-03-04T13:00') });
    expect(read('lunch at Café Luz tomorrow')).toMatchObject({ title: 'Lunch', location: 'Café Luz', start: day('2026-03-05') });
  });

  it('reads weekly, weekday and interval rules, starting on the first matching day', () => {
    expect(read('standup every weekday 9:30')).toMatchObject({
      title: 'Standup',
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      start: at('2026-03-04T09:30'),
    });
    expect(read('yoga every tue and thu 7:00 at Studio 5')).toMatchObject({
      title: 'Yoga',
      location: 'Studio 5',
      rrule: 'FREQ=WEEKLY;BYDAY=TU,TH',
      start: at('2026-03-05T07:00'),
    });
    expect(read('weekly on tuesday team sync 10:00')).toMatchObject({ title: 'Team sync', rrule: 'FREQ=WEEKLY;BYDAY=TU', start: at('2026-03-10T10:00') });
    expect(read('backup every 2 weeks fri 17:00')).toMatchObject({ title: 'Backup', rrule: 'FREQ=WEEKLY;INTERVAL=2', start: at('2026-03-06T17:00') });
  });

  it('reads monthly, daily and yearly rules', () => {
    expect(read('rent monthly on the 3rd')).toMatchObject({ title: 'Rent', rrule: 'FREQ=MONTHLY;BYMONTHDAY=3', start: day('2026-04-03') });
    expect(read('run every day 7:00')).toMatchObject({ title: 'Run', rrule: 'FREQ=DAILY', start: at('2026-03-04T07:00') });
    expect(read("Ana's birthday every year mar 21")).toMatchObject({
      title: "Ana's birthday",
      rrule: 'FREQ=YEARLY',
      start: day('2026-03-21'),
      end: day('2026-03-22'),
    });
  });

  it('reads the day in the zone it is given, not the process zone', () => {
    // 02:00 UTC on 5 March is still 4 March, 21:00, in New York.
    const ny = parseQuickAdd('call mum tomorrow', { now: Date.UTC(2026, 2, 5, 2, 0), zone: 'America/New_York' });
    expect(ny).toMatchObject({ start: day('2026-03-05') });
    const tokyo = parseQuickAdd('call 9:00', { now, zone: 'Asia/Tokyo' });
    expect(tokyo).toMatchObject({ start: at('2026-03-05T09:00', 'Asia/Tokyo') });
  });

  it('answers null for text with no date, time or rule, and names an untitled event', () => {
    expect(read('asdf qwer')).toBeNull();
    expect(read('   ')).toBeNull();
    expect(read('buy milk')).toBeNull();
    expect(read('tomorrow')).toMatchObject({ title: 'New event', start: day('2026-03-05') });
  });
});

describe('quick-add repeat phrases', () => {
  it('finds the last weekday of a month and skips months without a fifth one', () => {
    expect(findRepeat('every last fri')).toMatchObject({ rrule: 'FREQ=MONTHLY;BYDAY=-1FR' });
    expect(firstDay({ nth: -1, weekday: 5 }, '2026-03-04')).toBe('2026-03-27');
    // March 2026 has a fifth Tuesday (the 31st); April has none, May does not either; June 30 is one.
    expect(firstDay({ nth: 5, weekday: 2 }, '2026-04-01')).toBe('2026-06-30');
    expect(firstDay({ monthDay: 31 }, '2026-04-01')).toBe('2026-05-31');
  });

  it('finds nothing in plain text', () => {
    expect(findRepeat('lunch with Ana fri 13:00')).toBeNull();
    expect(findRepeat('everyday carry')).toBeNull();
  });
});
