import type { Alarm, EventDetail, EventPatch, EventTime } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { addDays, todayIn, zoneOffsetMinutes } from '../../../../src-shared/lib/local-date';
import { normaliseRule, presetOf, presetRule, rruleProblem, type RepeatPreset } from './rrule-presets';

/**
 * The editor's fields as plain strings, and the conversions between them and the contract's `EventTime`s.
 * Pure, so the round trips are tested without a browser.
 */

/** The time-zone field's value for a floating event (same clock time wherever you are). */
export const FLOATING = 'Floating (same clock time everywhere)';

export interface EventForm {
  title: string;
  calendarId: string;
  allDay: boolean;
  /** 'YYYY-MM-DD'; for all-day events the end date is the last day (inclusive), as people read it. */
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  /** An IANA zone or FLOATING. */
  zone: string;
  location: string;
  description: string;
  repeat: RepeatPreset;
  customRule: string;
  alarms: Alarm[];
  /** Comma-separated. */
  categories: string;
  status: 'confirmed' | 'tentative' | 'cancelled';
}

/** Wall date and time of an instant in a zone. */
function wallIn(atIso: string, zone: string): { date: string; time: string } {
  const ms = Date.parse(atIso);
  const local = new Date(ms + zoneOffsetMinutes(zone, ms) * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** One end of an event as form fields; `exclusiveEnd` turns an all-day end (the day after) into the last day. */
function fieldsOf(t: EventTime, viewerZone: string, exclusiveEnd: boolean): { date: string; time: string; zone: string | null } {
  switch (t.kind) {
    case 'date':
      return { date: exclusiveEnd ? addDays(t.date, -1) : t.date, time: '09:00', zone: null };
    case 'zoned':
      return { date: t.local.slice(0, 10), time: t.local.slice(11, 16), zone: t.tz };
    case 'floating':
      return { date: t.local.slice(0, 10), time: t.local.slice(11, 16), zone: FLOATING };
    case 'utc':
      return { ...wallIn(t.at, viewerZone), zone: viewerZone };
  }
}

export interface FormSource {
  calendarId: string;
  start: EventTime;
  end: EventTime;
  title?: string;
  location?: string;
  description?: string;
  rrule?: string | null;
  alarms?: Alarm[];
  categories?: string[];
  status?: EventForm['status'];
}

/** Form fields for an event, an instance of one, or a new draft. */
export function formOf(src: FormSource, viewerZone: string): EventForm {
  const start = fieldsOf(src.start, viewerZone, false);
  const end = fieldsOf(src.end, viewerZone, src.end.kind === 'date');
  const allDay = src.start.kind === 'date';
  const repeat = presetOf(src.rrule ?? null, start.date);
  return {
    title: src.title ?? '',
    calendarId: src.calendarId,
    allDay,
    startDate: start.date,
    startTime: allDay ? '09:00' : start.time,
    endDate: end.date < start.date ? start.date : end.date,
    endTime: allDay ? '10:00' : end.time,
    zone: start.zone ?? viewerZone,
    location: src.location ?? '',
    description: src.description ?? '',
    repeat,
    customRule: repeat === 'custom' ? (src.rrule ?? '') : '',
    alarms: src.alarms ?? [],
    categories: (src.categories ?? []).join(', '),
    status: src.status ?? 'confirmed',
  };
}

/** The form of an opened event: its instance's own values when one instance was asked for. */
export function formOfDetail(e: EventDetail, viewerZone: string): EventForm {
  const o = e.occurrence;
  return formOf({ ...e, ...(o ? { start: o.start, end: o.end, title: o.title, location: o.location, description: o.description } : {}) }, viewerZone);
}

/** A draft starting now-ish: the next whole hour today, one hour long, in the computer's zone. */
export function nowDraft(nowMs: number, zone: string): { start: EventTime; end: EventTime } {
  const { date, time } = wallIn(new Date(nowMs).toISOString(), zone);
  const hour = Math.min(23, Number(time.slice(0, 2)) + 1);
  const local = `${date}T${String(hour).padStart(2, '0')}:00`;
  const endLocal = hour === 23 ? `${date}T23:59` : `${date}T${String(hour + 1).padStart(2, '0')}:00`;
  return { start: { kind: 'zoned', local, tz: zone }, end: { kind: 'zoned', local: endLocal, tz: zone } };
}

export type FormErrors = Partial<Record<'title' | 'end' | 'zone' | 'rule' | 'alarms', string>>;

/** What the contract wants from the fields, or the field errors that keep it from being saved. */
export function readForm(
  f: EventForm,
  knownZones: ReadonlySet<string>,
): { ok: true; value: Required<Omit<EventPatch, 'calendarId'>> } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  if (!f.title.trim()) errors.title = 'Give the event a title.';
  let start: EventTime;
  let end: EventTime;
  if (f.allDay) {
    start = { kind: 'date', date: f.startDate };
    end = { kind: 'date', date: addDays(f.endDate < f.startDate ? f.startDate : f.endDate, 1) };
    if (f.endDate < f.startDate) errors.end = 'The event ends before it starts.';
  } else {
    const s = `${f.startDate}T${f.startTime}`;
    const e = `${f.endDate}T${f.endTime}`;
    if (f.zone !== FLOATING && !knownZones.has(f.zone)) errors.zone = 'Pick a time zone from the list.';
    start = f.zone === FLOATING ? { kind: 'floating', local: s } : { kind: 'zoned', local: s, tz: f.zone };
    end = f.zone === FLOATING ? { kind: 'floating', local: e } : { kind: 'zoned', local: e, tz: f.zone };
    if (e <= s) errors.end = 'The event ends before it starts.';
  }
  const problem = f.repeat === 'custom' ? rruleProblem(f.customRule) : null;
  if (problem) errors.rule = problem;
  if (f.alarms.some((a) => 'at' in a && Number.isNaN(Date.parse(a.at)))) errors.alarms = 'Give each reminder a date and time.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title: f.title.trim(),
      location: f.location.trim(),
      description: f.description,
      start,
      end,
      rrule: f.repeat === 'custom' ? normaliseRule(f.customRule) : presetRule(f.repeat, f.startDate),
      alarms: f.alarms,
      categories: [
        ...new Set(
          f.categories
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean),
        ),
      ],
      status: f.status,
    },
  };
}

/** Only the fields that changed, so an edit of one instance does not rewrite the rest. */
export function changedFields<T extends object>(next: T, before: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) out[key] = next[key];
  }
  return out;
}

export const todayInZone = (zone: string): string => todayIn(zone, Date.now());
