import type { EventTime } from './calendar.schemas';
import { addDays, daysBetween } from '../../lib/local-date';

/**
 * "All events" edited from one instance (the editor and a drag show that instance's times): the instance's change is
 * carried over to the series start as a shift (the 17 March instance moved from 18:00 to 19:00 moves the 3 March
 * start to 19:00, not to the 17th). Main applies it (calendar-events.ts), so every front door means the same.
 */

const wallMs = (t: EventTime): number | null =>
  t.kind === 'date' ? Date.parse(`${t.date}T00:00:00Z`) : t.kind === 'utc' ? Date.parse(t.at) : Date.parse(`${t.local.slice(0, 16)}:00Z`);
const local = (ms: number): string => new Date(ms).toISOString().slice(0, 16);
export const dateOf = (t: EventTime): string => (t.kind === 'date' ? t.date : t.kind === 'utc' ? t.at.slice(0, 10) : t.local.slice(0, 10));

/** `master` moved as the instance moved from `before` to `after`, in `after`'s kind and zone. */
export function shiftLike(master: EventTime, before: EventTime, after: EventTime): EventTime {
  const from = wallMs(before);
  const to = wallMs(after);
  const base = wallMs(master);
  if (from === null || to === null || base === null) return after;
  if (after.kind === 'date') {
    // To all-day: the master's day moved by the same number of days.
    return { kind: 'date', date: addDays(dateOf(master), daysBetween(dateOf(before), dateOf(after))) };
  }
  // From all-day to a time, or between times: the master's day moved by whole days, at the new clock time.
  const days = daysBetween(dateOf(before), dateOf(after));
  const sameKind = before.kind !== 'date' && master.kind !== 'date';
  const at = sameKind ? local(base + (to - from)) : `${addDays(dateOf(master), days)}T${local(to).slice(11, 16)}`;
  if (after.kind === 'zoned') return { kind: 'zoned', local: at, tz: after.tz };
  if (after.kind === 'floating') return { kind: 'floating', local: at };
  return { kind: 'utc', at: new Date(Date.parse(`${at}:00Z`)).toISOString() };
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** An RRULE whose BYDAY weekdays are moved by `days` (ordinals kept: 2TU moved a day is 2WE); unchanged without BYDAY. */
export function shiftWeekdays(rule: string, days: number): string {
  const by = ((days % 7) + 7) % 7;
  if (by === 0) return rule;
  return rule.replace(/(^|;)BYDAY=([^;]*)/i, (_all, lead: string, list: string) => {
    const moved = list.split(',').map((d) => {
      const m = /^([+-]?\d{0,2})([A-Z]{2})$/i.exec(d.trim());
      const at = m ? WEEKDAYS.indexOf(m[2]!.toUpperCase()) : -1;
      return m && at >= 0 ? `${m[1]}${WEEKDAYS[(at + by) % 7]}` : d;
    });
    return `${lead}BYDAY=${moved.join(',')}`;
  });
}
