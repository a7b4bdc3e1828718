import type { Alarm, EventDetail, EventTime } from '../../../src-shared/domains/calendar/calendar.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { isValidTimeZone } from '../../../src-shared/lib/local-date';
import type { When } from '../../../src-shared/lib/recurrence';
import type { Alarm as IcsAlarm } from './ics/types';

/** Wire time → engine time. A zone the computer does not know is refused here, before anything is written. */
export function toWhen(t: EventTime): When {
  switch (t.kind) {
    case 'date':
      return { kind: 'date', date: t.date };
    case 'utc':
      return { kind: 'utc', ms: Date.parse(t.at) };
    case 'floating':
      return { kind: 'floating', local: withSeconds(t.local) };
    case 'zoned':
      if (!isValidTimeZone(t.tz)) throw new AppError('INVALID_INPUT', `Unknown time zone: ${t.tz}`, { issues: [{ path: 'tz', message: 'Unknown time zone' }] });
      return { kind: 'zoned', local: withSeconds(t.local), tz: t.tz };
  }
}

const withSeconds = (local: string): string => (local.length === 16 ? `${local}:00` : local);

/** Engine time → wire time. */
export function toEventTime(w: When): EventTime {
  switch (w.kind) {
    case 'date':
      return { kind: 'date', date: w.date };
    case 'utc':
      return { kind: 'utc', at: new Date(w.ms).toISOString() };
    case 'floating':
      return { kind: 'floating', local: w.local };
    case 'zoned':
      return { kind: 'zoned', local: w.local, tz: w.tz };
  }
}

/** The instance key names the instance in the series' own frame (recurrence engine keys): back to a time. */
export function whenFromKey(key: string, seriesStart: When): When {
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return { kind: 'date', date: key };
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z?$/.test(key)) throw new AppError('INVALID_INPUT', 'Not an instance of this event.');
  if (key.endsWith('Z')) return { kind: 'utc', ms: Date.parse(key) };
  if (seriesStart.kind === 'zoned') return { kind: 'zoned', local: key, tz: seriesStart.tz };
  return { kind: 'floating', local: key };
}

export function toWireAlarm(a: IcsAlarm): Alarm {
  if ('absoluteMs' in a.trigger) return { at: new Date(a.trigger.absoluteMs).toISOString() };
  return { minutesBefore: Math.round(-a.trigger.relativeMs / 60_000), related: a.trigger.related };
}

export function toIcsAlarm(a: Alarm): IcsAlarm {
  if ('at' in a) return { action: 'DISPLAY', trigger: { absoluteMs: Date.parse(a.at) } };
  return { action: 'DISPLAY', trigger: { relativeMs: -a.minutesBefore * 60_000, related: a.related } };
}

const STATUSES = new Set(['confirmed', 'tentative', 'cancelled']);
export const wireStatus = (s: string): EventDetail['status'] => {
  const v = s.toLowerCase();
  return (STATUSES.has(v) ? v : 'confirmed') as EventDetail['status'];
};

/** Property names a component carries that Hearth keeps verbatim without reading them. */
const READ = new Set(
  'BEGIN END UID RECURRENCE-ID SUMMARY LOCATION DESCRIPTION DTSTART DTEND DURATION STATUS CATEGORIES ATTENDEE RRULE RDATE EXDATE SEQUENCE TRANSP URL PRIORITY GEO DUE COMPLETED DTSTAMP CREATED LAST-MODIFIED ORGANIZER CLASS PERCENT-COMPLETE'.split(
    ' ',
  ),
);
export function keptProperties(ics: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (const line of ics.split(/\r?\n/)) {
    if (/^BEGIN:/i.test(line)) depth++;
    else if (/^END:/i.test(line)) depth--;
    else if (depth === 1) {
      const name = /^([A-Za-z0-9-]+)[;:]/.exec(line)?.[1]?.toUpperCase();
      if (name && !READ.has(name)) names.add(name);
    }
  }
  return [...names].sort();
}
