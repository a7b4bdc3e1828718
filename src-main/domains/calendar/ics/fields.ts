import ICAL from 'ical.js';
import { ianaZones, type When, type ZoneResolver } from '../../../../src-shared/lib/recurrence';
import { children, prop, props, type Component } from './component';
import { paramValue, splitList, unescapeText, type ContentLine } from './content-line';
import { addDuration, parseWhenList, parseWhenValue, wallMs, whenMs } from './when';
import type { Alarm, Attendee, EventFields } from './types';

const DAY_MS = 86_400_000;

/** DURATION value → ms; null when unparsable (ical.js reads Google's long form `-P0DT0H10M0S` too). */
export function durationMs(value: string): number | null {
  const v = value.trim();
  if (!/^[+-]?P(\d+W|(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?)$/i.test(v) || /T$/i.test(v) || !/\d/.test(v)) return null; // bare "P": no component, which ical.js throws on
  return ICAL.Duration.fromString(v.toUpperCase()).toSeconds() * 1000;
}

const text = (comp: Component, name: string): string => {
  const line = prop(comp, name);
  return line ? unescapeText(line.value) : '';
};

const when = (line: ContentLine | undefined): When | null =>
  line ? parseWhenValue(line.value, paramValue(line, 'TZID'), paramValue(line, 'VALUE')?.toUpperCase()) : null;

function attendee(line: ContentLine): Attendee {
  const out: Attendee = { email: line.value.replace(/^mailto:/i, '').trim() };
  const name = paramValue(line, 'CN');
  const role = paramValue(line, 'ROLE');
  const partstat = paramValue(line, 'PARTSTAT');
  if (name !== undefined) out.name = name;
  if (role !== undefined) out.role = role.toUpperCase();
  if (partstat !== undefined) out.partstat = partstat.toUpperCase();
  return out;
}

function alarm(comp: Component, warnings: string[]): Alarm | null {
  const trigger = prop(comp, 'TRIGGER');
  if (!trigger) {
    warnings.push('A VALARM without TRIGGER was kept but is not used as a reminder.');
    return null;
  }
  const action = (prop(comp, 'ACTION')?.value ?? 'DISPLAY').trim().toUpperCase();
  const description = prop(comp, 'DESCRIPTION');
  const base = description ? { action, description: unescapeText(description.value) } : { action };
  if (paramValue(trigger, 'VALUE')?.toUpperCase() === 'DATE-TIME' || /^\d{8}T/.test(trigger.value.trim())) {
    const at = parseWhenValue(trigger.value, undefined, 'DATE-TIME');
    // RFC 5545: an absolute trigger MUST be UTC; a floating one is read as UTC rather than dropped.
    if (at) return { ...base, trigger: { absoluteMs: at.kind === 'utc' ? at.ms : at.kind === 'date' ? wallMs(`${at.date}T00:00:00`) : wallMs(at.local) } };
  }
  const relativeMs = durationMs(trigger.value);
  if (relativeMs === null) {
    warnings.push(`A VALARM trigger "${trigger.value.slice(0, 40)}" is not a duration; it was kept but is not used.`);
    return null;
  }
  return { ...base, trigger: { relativeMs, related: paramValue(trigger, 'RELATED')?.toUpperCase() === 'END' ? 'end' : 'start' } };
}

function geo(comp: Component): EventFields['geo'] {
  const source = prop(comp, 'GEO')?.value ?? /^geo:(.*)$/i.exec(prop(comp, 'X-APPLE-STRUCTURED-LOCATION')?.value ?? '')?.[1];
  const m = source ? /^\s*(-?\d+(?:\.\d+)?)\s*[;,]\s*(-?\d+(?:\.\d+)?)/.exec(source) : null;
  return m ? { lat: Number(m[1]), lon: Number(m[2]) } : undefined;
}

/** Extracts the fields of a VEVENT/VTODO. `uid` is passed in: the caller has made sure the text has one. */
export function extractFields(comp: Component, uid: string, warnings: string[], zones: ZoneResolver = ianaZones): EventFields {
  const start = when(prop(comp, 'DTSTART'));
  const due = when(prop(comp, 'DUE'));
  const dtend = when(prop(comp, 'DTEND'));
  const duration = prop(comp, 'DURATION');
  let end: When | null = dtend ?? null;
  let length = 0;
  if (start && dtend) length = whenMs(dtend, zones) - whenMs(start, zones);
  else if (start && duration) length = durationMs(duration.value) ?? 0;
  else if (start?.kind === 'date') length = DAY_MS; // RFC 5545 §3.6.1: a DATE start without end lasts one day.
  if (!end && start && duration) end = addDuration(start, length, zones);
  const completed = when(prop(comp, 'COMPLETED'));
  const fields: EventFields = {
    uid,
    recurrenceId: when(prop(comp, 'RECURRENCE-ID')),
    summary: text(comp, 'SUMMARY'),
    location: text(comp, 'LOCATION'),
    description: text(comp, 'DESCRIPTION'),
    start,
    end,
    durationMs: Math.max(0, length),
    allDay: start?.kind === 'date',
    status: (prop(comp, 'STATUS')?.value ?? '').trim().toUpperCase(),
    categories: props(comp, 'CATEGORIES').flatMap((l) =>
      splitList(l.value)
        .map(unescapeText)
        .map((c) => c.trim())
        .filter(Boolean),
    ),
    attendees: props(comp, 'ATTENDEE').map(attendee),
    rrules: props(comp, 'RRULE').map((l) => l.value.trim()),
    rdates: props(comp, 'RDATE').flatMap(parseWhenList),
    exdates: props(comp, 'EXDATE').flatMap(parseWhenList),
    alarms: children(comp, 'VALARM').flatMap((a) => alarm(a, warnings) ?? []),
    sequence: Number.parseInt(prop(comp, 'SEQUENCE')?.value ?? '0', 10) || 0,
    transp: (prop(comp, 'TRANSP')?.value ?? '').trim().toUpperCase(),
    url: prop(comp, 'URL')?.value.trim() ?? '',
    priority: Number.parseInt(prop(comp, 'PRIORITY')?.value ?? '0', 10) || 0,
  };
  const g = geo(comp);
  if (g) fields.geo = g;
  if (due) fields.due = due;
  if (completed) fields.completed = whenMs(completed, zones);
  return fields;
}
