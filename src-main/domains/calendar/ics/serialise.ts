import { tzlib_get_ical_block } from 'timezones-ical-library';
import { parseComponent, props, type Component } from './component';
import { escapeText, paramValue, parseContentLine } from './content-line';

export const HEARTH_PRODID = '-//Hearth//Hearth Calendar//EN';

export interface SerialiseInput {
  name?: string;
  /** VCALENDAR-level lines kept from import (X-WR-CALNAME, X-…), written verbatim. */
  calendarProps?: readonly string[];
  /** Component texts (VEVENT/VTODO), written verbatim. */
  components: readonly string[];
  /** TZID → VTIMEZONE text from the imported file; preferred over a generated one so the file's own rules survive. */
  timezones?: ReadonlyMap<string, string>;
}

function collectTzids(comp: Component, into: Set<string>): void {
  for (const line of props(comp)) {
    const tzid = paramValue(line, 'TZID');
    if (tzid) into.add(tzid.replace(/^\//, ''));
  }
  for (const item of comp.items) if (typeof item !== 'string') collectTzids(item, into);
}

const isIanaZone = (tzid: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tzid });
    return true;
  } catch {
    return false;
  }
};

/** A VTIMEZONE for an IANA id from timezones-ical-library, its TZID set to the id asked for (US/Pacific stays US/Pacific). */
export function generatedTimezone(tzid: string): string | null {
  if (!isIanaZone(tzid)) return null;
  const block = tzlib_get_ical_block(tzid);
  const text = Array.isArray(block) ? block[0] : '';
  if (!text) return null;
  return text
    .split(/\r\n|\n/)
    .map((line) => (/^TZID:/i.test(line) ? `TZID:${tzid}` : line))
    .join('\r\n');
}

const octets = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/**
 * Folds one line so that no physical line exceeds 75 octets counting the leading space of a continuation (RFC 5545
 * §3.1), never inside a UTF-8 character. ical.js's foldline allows 76 on continuation lines, hence our own.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch.codePointAt(0) ?? 0);
    if (size + n > 75) {
      out.push(current);
      current = ' ';
      size = 1;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n');
}

const fold = (lines: readonly string[]): string => lines.map(foldLine).join('\r\n') + '\r\n';

/**
 * One VCALENDAR: VERSION/PRODID, the kept calendar-level lines, a VTIMEZONE for every TZID the components use (the
 * file's own verbatim, else generated; a TZID that is neither, e.g. an Outlook name without its VTIMEZONE, gets
 * none), then the components verbatim.
 */
export function serialiseCalendar(input: SerialiseInput): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${HEARTH_PRODID}`, 'CALSCALE:GREGORIAN'];
  const kept = (input.calendarProps ?? []).filter((l) => input.name === undefined || parseContentLine(l)?.name !== 'X-WR-CALNAME');
  if (input.name !== undefined) lines.push(`X-WR-CALNAME:${escapeText(input.name)}`);
  lines.push(...kept);
  const tzids = new Set<string>();
  const bodies: string[] = [];
  for (const text of input.components) {
    collectTzids(parseComponent(text), tzids);
    bodies.push(...text.split(/\r\n|\n/).filter((l) => l !== ''));
  }
  for (const tzid of [...tzids].sort()) {
    const vtimezone = input.timezones?.get(tzid) ?? generatedTimezone(tzid);
    if (vtimezone) lines.push(...vtimezone.split(/\r\n|\n/).filter((l) => l !== ''));
  }
  // A loop, not push(...bodies): spreading hundreds of thousands of lines overflows the call stack.
  for (const line of bodies) lines.push(line);
  lines.push('END:VCALENDAR');
  return fold(lines);
}
