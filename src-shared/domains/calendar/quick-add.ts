import { casual, type ParsedResult } from 'chrono-node';
import { addDays, formatParts, todayIn, zoneOffsetMinutes } from '../../lib/local-date';
import type { EventTime } from './calendar.schemas';
import { findRepeat, firstDay } from './quick-add-repeat';

/**
 * Quick add: one line of English ("lunch with Ana fri 13:00 at Café Luz") → a new event. Shared so the app's
 * quick-add bar and the CLI read a line the same way. chrono-node finds dates and times; repetition and the
 * trailing "at <place>" are ours. Pure: the clock and the zone come in as arguments.
 */

export interface QuickAddOptions {
  now: number;
  /** IANA zone the times are meant in (the computer's). */
  zone: string;
  /** Weeks start on Monday (the only value for now; named so callers say what they assume). */
  weekStart?: 1;
}

export interface QuickAdd {
  title: string;
  location: string;
  start: EventTime;
  end: EventTime;
  rrule: string | null;
}

const MAX_INPUT = 500;
const DEFAULT_MINUTES = 60;
const DANGLING = /^(?:(?:at|on|from|@|,|-|–)\s+)+|(?:\s+(?:at|on|from|@|,|-|–))+$/gi;

export type Parse = (text: string) => ParsedResult[];

const pad = (n: number): string => String(n).padStart(2, '0');
/** Collapses spaces and drops dangling joiners ("at", "on", commas) left where a phrase was cut out. */
export const tidy = (s: string): string =>
  s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(DANGLING, '')
    .replace(/^[\s,.;:-]+|[\s,;:-]+$/g, '');
export const cut = (s: string, index: number, length: number): string => `${s.slice(0, index)} ${s.slice(index + length)}`;

/**
 * The trailing "at <place>": the text after the last " at " unless chrono reads it as a time ("at 7pm"). A date
 * after the place ("at Café Luz tomorrow") stays for chrono; an "at <time>" at the end lets a place before it count.
 */
function takeLocation(s: string, parse: Parse, depth = 0): { rest: string; location: string } {
  const m = /^(.*\S)\s+(?:at|@)\s+(\S.*)$/i.exec(s);
  if (!m || depth > 3) return { rest: s, location: '' };
  const before = m[1]!;
  const after = m[2]!;
  const hit = parse(after)[0];
  if (hit && hit.index === 0) {
    const inner = takeLocation(before, parse, depth + 1);
    return { rest: `${inner.rest} at ${after}`, location: inner.location };
  }
  if (hit && hit.index + hit.text.length >= after.trimEnd().length) {
    return { rest: `${before} ${after.slice(hit.index)}`, location: tidy(after.slice(0, hit.index)) };
  }
  return { rest: before, location: tidy(after) };
}

/** Wall fields ("YYYY-MM-DD", "HH:MM") of what chrono found, known or implied from the reference. */
export function wallOf(c: ParsedResult['start']): { date: string; time: string } {
  const date = formatParts(c.get('year')!, c.get('month')!, c.get('day')!);
  return { date, time: `${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}` };
}

/** A local 'YYYY-MM-DDTHH:MM' moved by whole minutes (wall arithmetic: every day has 24 h here). */
function addMinutes(local: string, minutes: number): string {
  return new Date(Date.parse(`${local}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
}

/** chrono-node reading English relative to `now` as seen in `zone` (shared with the task quick add). */
export function chronoIn(now: number, zone: string): Parse {
  // chrono reads its reference in the process's zone; give it a Date whose local fields are the wall clock in `zone`,
  // then read back fields (never instants), so the process zone never leaks into the result.
  const wall = new Date(now + zoneOffsetMinutes(zone, now) * 60_000);
  const ref = new Date(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes());
  return (s) => casual.parse(s, ref, { forwardDate: true });
}

/** Reads one line; null when it names no date, time or repetition (nothing to place on the calendar). */
export function parseQuickAdd(text: string, options: QuickAddOptions): QuickAdd | null {
  const input = text.replace(/\s+/g, ' ').trim().slice(0, MAX_INPUT);
  if (!input) return null;
  const { now, zone } = options;
  const parse = chronoIn(now, zone);

  const repeat = findRepeat(input);
  const withoutRepeat = repeat ? cut(input, repeat.index, repeat.length) : input;
  const { rest, location } = takeLocation(withoutRepeat.trim(), parse);
  const found = parse(rest)[0];
  if (!found && !repeat) return null;
  const title = tidy(found ? cut(rest, found.index, found.text.length) : rest);

  const s = found?.start;
  const hasDay = !!s && (s.isCertain('day') || s.isCertain('weekday') || s.isCertain('month'));
  const hasTime = !!s && s.isCertain('hour');
  const today = todayIn(zone, now);
  // A rule with an anchor ("every 2nd tue") decides the day unless chrono was told one ("every tue from mar 3").
  const date = s && (hasDay || !repeat) ? wallOf(s).date : firstDay(repeat?.anchor ?? null, today);

  let start: EventTime;
  let end: EventTime;
  if (hasTime) {
    const local = `${date}T${wallOf(s).time}`;
    const e = found.end;
    let endLocal = e && e.isCertain('hour') ? `${wallOf(e).date}T${wallOf(e).time}` : addMinutes(local, DEFAULT_MINUTES);
    if (endLocal <= local) endLocal = addMinutes(local, DEFAULT_MINUTES);
    start = { kind: 'zoned', local, tz: zone };
    end = { kind: 'zoned', local: endLocal, tz: zone };
  } else {
    // All-day: iCalendar's end is the day after the last one ("aug 3 - aug 10" holds the 10th).
    const e = found?.end;
    const last = e ? wallOf(e).date : date;
    start = { kind: 'date', date };
    end = { kind: 'date', date: addDays(last > date ? last : date, 1) };
  }
  const named = title ? title.charAt(0).toLocaleUpperCase('en') + title.slice(1) : 'New event';
  return { title: named, location, start, end, rrule: repeat?.rrule ?? null };
}
