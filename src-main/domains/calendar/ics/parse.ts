import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { formatMiB, MiB } from '../../../../src-shared/lib/limits';
import { AppError } from '../../../../src-shared/ipc/result';
import { vtimezoneZones, type WarningZoneResolver } from '../../../../src-shared/lib/recurrence';
import { buildTree, componentText, prop, setProp, type Component } from './component';
import { escapeText, parseContentLine, unescapeText, unfoldLines } from './content-line';
import { extractFields } from './fields';
import { groupSeries } from './group';
import type { NameCount, ParsedComponent, ParsedFile } from './types';

export const MAX_ICS_BYTES = 64 * MiB;
/** SECURITY: bounds the work of one import (a 64 MiB file of tiny events is still refused at this count). */
export const MAX_ICS_COMPONENTS = 200_000;

/** Properties Hearth reads into fields (or manages itself); everything else is counted as kept-but-not-interpreted. */
const INTERPRETED = new Set([
  ...['UID', 'RECURRENCE-ID', 'SUMMARY', 'LOCATION', 'DESCRIPTION', 'DTSTART', 'DTEND', 'DURATION', 'STATUS', 'CATEGORIES', 'ATTENDEE'],
  ...['RRULE', 'RDATE', 'EXDATE', 'SEQUENCE', 'TRANSP', 'URL', 'PRIORITY', 'GEO', 'DUE', 'COMPLETED', 'DTSTAMP', 'CREATED', 'LAST-MODIFIED'],
]);
/** Calendar-level lines export writes itself; METHOD belongs to iTIP messages, not to a stored calendar. */
const OWN_CALENDAR_PROPS = new Set(['VERSION', 'PRODID', 'CALSCALE', 'METHOD']);

function checkInput(text: unknown, maxBytes: number): string {
  if (typeof text !== 'string') throw new AppError('INVALID_INPUT', 'Not an iCalendar file: expected text.');
  // Cheap bound first (a UTF-16 unit is at least one UTF-8 byte), the exact byte count only when it could matter.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && Buffer.byteLength(text, 'utf8') > maxBytes)) {
    throw new AppError('TOO_LARGE', `The iCalendar file is larger than ${formatMiB(maxBytes)}.`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // SECURITY: binary data or UTF-16 read as UTF-8 has NULs/control bytes; stop before building anything from it.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point of this check.
  if (/[\u0000-\u0008\u000e-\u001f]/.test(body)) throw new AppError('INVALID_INPUT', 'Not an iCalendar file: it contains binary data.');
  if (body.includes('\ufffd')) throw new AppError('INVALID_INPUT', 'The iCalendar file is not valid UTF-8 text.');
  if (!/^\s*BEGIN:VCALENDAR\s*(\r\n|\n|\r|$)/i.test(body.slice(0, 1024))) {
    throw new AppError('INVALID_INPUT', 'Not an iCalendar file: it does not start with BEGIN:VCALENDAR.');
  }
  return body;
}

/** Bytes → text, refusing anything that is not UTF-8 (the RFC 5545 charset). */
export function decodeCalendarBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('INVALID_INPUT', 'The iCalendar file is not valid UTF-8 text.');
  }
}

const count = (map: Map<string, number>, name: string): void => void map.set(name, (map.get(name) ?? 0) + 1);
const counts = (map: Map<string, number>): NameCount[] => [...map].map(([name, n]) => ({ name, count: n })).sort((a, b) => a.name.localeCompare(b.name));

function fileZones(timezones: Map<string, string>, warnings: string[]): WarningZoneResolver {
  const comps: ICAL.Component[] = [];
  for (const [tzid, ics] of timezones) {
    try {
      comps.push(new ICAL.Component(ICAL.parse(ics)));
    } catch {
      warnings.push(`VTIMEZONE ${tzid} could not be read; times in it use the IANA zone of that name if there is one.`);
    }
  }
  return vtimezoneZones(comps);
}

/** Reads an .ics file into per-component texts and fields. Pure: no database, no clock. */
export function parseCalendarFile(text: string, opts: { maxBytes?: number } = {}): ParsedFile {
  const body = checkInput(text, opts.maxBytes ?? MAX_ICS_BYTES);
  const { roots, stray } = buildTree(unfoldLines(body));
  const warnings: string[] = [];
  if (stray.length > 0) warnings.push(`${stray.length} line(s) outside VCALENDAR were ignored.`);
  const ignored = new Map<string, number>();
  const unsupported = new Map<string, number>();
  const calendarProps: string[] = [];
  const timezones = new Map<string, string>();
  const items: Array<{ comp: Component; uid: string }> = [];
  for (const root of roots) {
    if (root.name !== 'VCALENDAR') {
      count(ignored, root.name);
      continue;
    }
    for (const item of root.items) {
      if (typeof item === 'string') {
        const name = parseContentLine(item)?.name;
        if (name && !OWN_CALENDAR_PROPS.has(name)) calendarProps.push(item);
        continue;
      }
      if (item.name === 'VTIMEZONE') {
        const tzid = prop(item, 'TZID')?.value.trim();
        if (tzid) timezones.set(tzid, componentText(item));
        else warnings.push('A VTIMEZONE without TZID was skipped.');
      } else if (item.name === 'VEVENT' || item.name === 'VTODO') {
        if (items.length >= MAX_ICS_COMPONENTS) throw new AppError('TOO_LARGE', `The iCalendar file has more than ${MAX_ICS_COMPONENTS} events and tasks.`);
        let uid = prop(item, 'UID')?.value.trim();
        if (!uid) {
          // A stable UID from the content, so importing the same file twice finds the same events.
          uid = `${createHash('sha256').update(componentText(item)).digest('hex').slice(0, 32)}@hearth.import`;
          setProp(item, 'UID', `UID:${escapeText(uid)}`);
          warnings.push(`A ${item.name} without UID was given ${uid}.`);
        }
        items.push({ comp: item, uid });
      } else count(ignored, item.name);
    }
  }
  for (const [name, n] of ignored) warnings.push(`${n} ${name} component(s) ignored.`);
  const zones = fileZones(timezones, warnings);
  const events: ParsedComponent[] = [];
  const tasks: ParsedComponent[] = [];
  for (const { comp, uid } of items) {
    const fields = extractFields(comp, uid, warnings, zones);
    if (comp.name === 'VEVENT' && !fields.start) {
      warnings.push(`Event ${uid} has no DTSTART and was skipped.`);
      continue;
    }
    for (const item of comp.items) {
      const name = typeof item === 'string' ? parseContentLine(item)?.name : undefined;
      if (name && !INTERPRETED.has(name)) count(unsupported, name);
    }
    (comp.name === 'VTODO' ? tasks : events).push({ ics: componentText(comp), fields });
  }
  for (const w of zones.warnings) warnings.push(w);
  const nameLine = calendarProps.map((l) => parseContentLine(l)).find((l) => l?.name === 'X-WR-CALNAME');
  const file: ParsedFile = {
    calendarProps,
    timezones,
    series: groupSeries(events, warnings),
    tasks: groupSeries(tasks, warnings),
    warnings,
    unsupported: counts(unsupported),
    ignored: counts(ignored),
  };
  if (nameLine) file.name = unescapeText(nameLine.value);
  return file;
}
