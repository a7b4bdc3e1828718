import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/helpers';
import { setupScheduling, valarm, vevent } from './calendar-scheduling.test-helpers';

describe('calendar reminders (scheduler in main, pinned clock)', () => {
  it('fires a -PT10M alarm exactly once, at start − 10 min, and not a moment before', async () => {
    const s = await setupScheduling('2026-03-15T08:00:00Z');
    const cal = await s.c.createCalendar({ name: 'Home' });
    const id = await s.putSeries(
      cal.id,
      'dentist@x',
      vevent(['UID:dentist@x', 'SUMMARY:Dentist', 'LOCATION:Main St', 'DTSTART:20260315T090000Z', 'DTEND:20260315T093000Z', ...valarm('TRIGGER:-PT10M')]),
    );

    await s.at('2026-03-15T08:49:59.999Z');
    expect(s.fired).toEqual([]);
    expect(await s.c.reminders()).toEqual([]);

    await s.at('2026-03-15T08:50:00Z');
    const expected = {
      key: `${id}||0`,
      eventId: id,
      occurrenceKey: null,
      title: 'Dentist',
      location: 'Main St',
      start: '2026-03-15T09:00:00.000Z',
      fireAt: '2026-03-15T08:50:00.000Z',
      missed: false,
      snoozedUntil: null,
    };
    expect(s.fired).toEqual([expected]);
    expect(await s.c.reminders()).toEqual([expected]);

    // Later looks (timer ticks, edits elsewhere) record nothing new, and a look that finds nothing writes nothing.
    const logRows = () => (s.core.profiles.current().sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    const before = logRows();
    await s.at('2026-03-15T08:51:00Z');
    expect(logRows()).toBe(before);
    await s.at('2026-03-15T09:40:00Z');
    expect(s.fired).toHaveLength(1);
    expect(await s.c.reminders()).toHaveLength(1);
  });

  it('a snoozed reminder leaves the list and fires again when the snooze runs out; a dismissed one is gone', async () => {
    const s = await setupScheduling('2026-03-15T08:00:00Z');
    const cal = await s.c.createCalendar({ name: 'Home' });
    const id = await s.putSeries(
      cal.id,
      'call@x',
      vevent(['UID:call@x', 'SUMMARY:Call', 'DTSTART:20260315T083000Z', 'DURATION:PT15M', ...valarm('TRIGGER:-PT5M')]),
    );
    await s.at('2026-03-15T08:25:00Z');
    const key = `${id}||0`;
    expect(s.fired.map((r) => r.key)).toEqual([key]);

    const snoozed = await s.c.snoozeReminder({ key, minutes: 10 });
    expect(snoozed.snoozedUntil).toBe('2026-03-15T08:35:00.000Z');
    expect(await s.c.reminders()).toEqual([]);
    await s.at('2026-03-15T08:34:59Z');
    expect(s.fired).toHaveLength(1);

    await s.at('2026-03-15T08:35:00Z');
    expect(s.fired.map((r) => [r.key, r.snoozedUntil])).toEqual([
      [key, null],
      [key, '2026-03-15T08:35:00.000Z'],
    ]);
    expect((await s.c.reminders()).map((r) => r.key)).toEqual([key]);

    expect(await s.c.dismissReminder({ key })).toEqual({ dismissed: true });
    await s.at('2026-03-15T08:40:00Z');
    expect(await s.c.reminders()).toEqual([]);
    expect(s.fired).toHaveLength(2);
    expect((await errorOf(s.c.dismissReminder({ key }))).code).toBe('NOT_FOUND');
    expect((await errorOf(s.c.snoozeReminder({ key: 'nope||0', minutes: 5 }))).code).toBe('NOT_FOUND');
  });

  it('records alarms that came due while locked as missed at the next unlock (last 7 days only)', async () => {
    const s = await setupScheduling('2026-03-15T08:00:00Z');
    const cal = await s.c.createCalendar({ name: 'Home' });
    const a = await s.putSeries(cal.id, 'a@x', vevent(['UID:a@x', 'SUMMARY:Lunch', 'DTSTART:20260315T120000Z', 'DURATION:PT1H', ...valarm('TRIGGER:-PT30M')]));
    // An absolute trigger, and one on the end of the event.
    const b = await s.putSeries(
      cal.id,
      'b@x',
      vevent([
        'UID:b@x',
        'SUMMARY:Review',
        'DTSTART:20260316T100000Z',
        'DURATION:PT1H',
        ...valarm('TRIGGER;VALUE=DATE-TIME:20260316T070000Z'),
        ...valarm('TRIGGER;RELATED=END:PT5M'),
      ]),
    );
    // The look after a change saves when it looked (the first reminder in a profile); wait for it, as time would.
    await s.at('2026-03-15T08:00:00Z');
    await s.lock();

    s.setNow('2026-03-16T12:00:00Z');
    await s.unlock();
    const list = await s.c.reminders();
    expect(list.map((r) => [r.key, r.fireAt, r.missed])).toEqual([
      [`${b}||1`, '2026-03-16T11:05:00.000Z', true],
      [`${b}||0`, '2026-03-16T07:00:00.000Z', true],
      [`${a}||0`, '2026-03-15T11:30:00.000Z', true],
    ]);
    // Closed for three weeks: only what came due in the last 7 days is caught up.
    await s.putSeries(cal.id, 'c@x', vevent(['UID:c@x', 'SUMMARY:Old', 'DTSTART:20260318T100000Z', 'DURATION:PT1H', ...valarm('TRIGGER:-PT1M')]));
    const d = await s.putSeries(cal.id, 'd@x', vevent(['UID:d@x', 'SUMMARY:Recent', 'DTSTART:20260405T100000Z', 'DURATION:PT1H', ...valarm('TRIGGER:-PT1M')]));
    await s.lock();
    s.setNow('2026-04-06T12:00:00Z');
    await s.unlock();
    expect((await s.c.reminders()).filter((r) => r.fireAt > '2026-03-17').map((r) => r.key)).toEqual([`${d}||0`]);
  });

  it('a daily series fires once per day, each instance under its own key; an edited instance fires at its own time', async () => {
    const s = await setupScheduling('2026-03-27T00:00:00Z', 'Europe/Berlin');
    const cal = await s.c.createCalendar({ name: 'Home' });
    // 07:00 Berlin every day across the DST change on 29 March (06:00Z before, 05:00Z after).
    const master = vevent([
      'UID:walk@x',
      'SUMMARY:Walk',
      'DTSTART;TZID=Europe/Berlin:20260327T070000',
      'DURATION:PT30M',
      'RRULE:FREQ=DAILY;COUNT=4',
      ...valarm('TRIGGER:-PT15M'),
    ]);
    const moved = vevent([
      'UID:walk@x',
      'RECURRENCE-ID;TZID=Europe/Berlin:20260329T070000',
      'SUMMARY:Late walk',
      'DTSTART;TZID=Europe/Berlin:20260329T090000',
      'DURATION:PT30M',
      ...valarm('TRIGGER:-PT15M'),
    ]);
    const id = await s.putSeries(cal.id, 'walk@x', master, [moved]);
    for (const day of ['27', '28', '29', '30', '31']) await s.at(`2026-03-${day}T12:00:00Z`);
    expect(s.fired.map((r) => [r.key, r.title, r.fireAt, r.missed])).toEqual([
      [`${id}|2026-03-27T07:00:00|0`, 'Walk', '2026-03-27T05:45:00.000Z', true],
      [`${id}|2026-03-28T07:00:00|0`, 'Walk', '2026-03-28T05:45:00.000Z', true],
      [`${id}|2026-03-29T07:00:00|0`, 'Late walk', '2026-03-29T06:45:00.000Z', true],
      [`${id}|2026-03-30T07:00:00|0`, 'Walk', '2026-03-30T04:45:00.000Z', true],
    ]);
  });

  it('marks an alarm seen on time as not missed, and one first seen more than 5 min late as missed', async () => {
    const s = await setupScheduling('2026-03-15T08:00:00Z');
    const cal = await s.c.createCalendar({ name: 'Home' });
    await s.putSeries(cal.id, 'x@x', vevent(['UID:x@x', 'SUMMARY:X', 'DTSTART:20260315T081000Z', 'DURATION:PT1H', ...valarm('TRIGGER:-PT5M')]));
    await s.putSeries(cal.id, 'y@x', vevent(['UID:y@x', 'SUMMARY:Y', 'DTSTART:20260315T082000Z', 'DURATION:PT1H', ...valarm('TRIGGER:-PT5M')]));
    await s.at('2026-03-15T08:06:00Z');
    await s.at('2026-03-15T08:30:00Z');
    expect(s.fired.map((r) => [r.title, r.missed])).toEqual([
      ['X', false],
      ['Y', true],
    ]);
    expect((await s.c.reminders()).map((r) => r.title)).toEqual(['Y', 'X']);
  });
});
