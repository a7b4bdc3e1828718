import { casual, de, type ParsedResult } from 'chrono-node';
import { findRepeat, firstDay } from '../../../../src-shared/domains/calendar/quick-add-repeat';
import { wallOf } from '../../../../src-shared/domains/calendar/quick-add';
import { isValidTimeZone, todayIn, zoneOffsetMinutes } from '../../../../src-shared/lib/local-date';
import { ianaZones } from '../../../../src-shared/lib/recurrence';

/** A due date as Hearth keeps it: a local date, an optional wall time, a repeat rule. */
export interface DueParts {
  dueDate: string | null;
  dueTime: string | null;
  rrule: string | null;
  /** Todoist's "every!" repeats from the day it is completed. */
  repeatFrom: 'due' | 'completion';
}

const NONE: DueParts = { dueDate: null, dueTime: null, rrule: null, repeatFrom: 'due' };

/** chrono reads its reference in the process's zone: hand it a Date whose local fields are the wall clock in `zone`. */
function wallReference(nowMs: number, zone: string): Date {
  const wall = new Date(nowMs + zoneOffsetMinutes(zone, nowMs) * 60_000);
  return new Date(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes());
}

/** German words of Todoist's repetition phrases, in English so the calendar's phrase reader knows them. */
const GERMAN: Array<[RegExp, string]> = [
  [/\btäglich\b/gi, 'daily'],
  [/\bwöchentlich\b/gi, 'weekly'],
  [/\bmonatlich\b/gi, 'monthly'],
  [/\bjährlich\b/gi, 'yearly'],
  [/\bwerktags?\b|\barbeitstags?\b/gi, 'weekday'],
  [/\bmontags?\b/gi, 'monday'],
  [/\bdienstags?\b/gi, 'tuesday'],
  [/\bmittwochs?\b/gi, 'wednesday'],
  [/\bdonnerstags?\b/gi, 'thursday'],
  [/\bfreitags?\b/gi, 'friday'],
  [/\b(?:samstags?|sonnabends?)\b/gi, 'saturday'],
  [/\bsonntags?\b/gi, 'sunday'],
  [/\btage?n?\b/gi, 'day'],
  [/\bwochen?\b/gi, 'week'],
  [/\bmonate?n?\b/gi, 'month'],
  [/\bjahre?n?\b/gi, 'year'],
  [/\bund\b/gi, 'and'],
  [/\bum\b/gi, 'at'],
];

/** Todoist's short forms ("ev sun", "every! 3 days", "jeden Montag", "alle 2 Wochen") spelled out in English. */
function normaliseRepeat(text: string): string {
  let out = text.replace(/^(ev!?|every!?|jede[nrs]?!?|alle!?)\s+/i, 'every ');
  for (const [re, en] of GERMAN) out = out.replace(re, en);
  return out;
}

const REPEAT_WORD = /^(ev!?|every!?|jede[nrs]?!?|alle!?|täglich|wöchentlich|monatlich|jährlich|daily|weekly|monthly|yearly)(?=\s|$)/i;

/**
 * Todoist's DATE cell ("9 Apr", "10 Apr 17:15", "ev sun", "jeden Montag") relative to now in the task's zone. German
 * dates are read by chrono's `de` parser and, when it finds less, by the English one (Todoist writes "9 Apr" in
 * either language). Repetition becomes an RRULE whose first day on or after today is the due date.
 */
export function parseTodoistDate(text: string, lang: string, nowMs: number, zone: string, warn: (m: string) => void): DueParts {
  const s = text.trim();
  if (!s) return NONE;
  const ref = wallReference(nowMs, zone);
  if (REPEAT_WORD.test(s)) {
    const spelled = normaliseRepeat(s);
    const repeat = findRepeat(spelled);
    if (!repeat) {
      warn(`The repetition "${s}" was not understood; the task was imported without it.`);
      return NONE;
    }
    const rest = `${spelled.slice(0, repeat.index)} ${spelled.slice(repeat.index + repeat.length)}`.trim();
    const at = rest ? casual.parse(rest, ref, { forwardDate: true })[0] : undefined;
    const time = at?.start.isCertain('hour') ? wallOf(at.start).time : null;
    const repeatFrom = /^\S+!/.test(s) ? 'completion' : 'due';
    return { dueDate: firstDay(repeat.anchor, todayIn(zone, nowMs)), dueTime: time, rrule: repeat.rrule, repeatFrom };
  }
  const candidates: ParsedResult[] = [];
  if (lang.toLowerCase() === 'de') candidates.push(...de.casual.parse(s, ref, { forwardDate: true }).slice(0, 1));
  candidates.push(...casual.parse(s, ref, { forwardDate: true }).slice(0, 1));
  const best = candidates.sort((a, b) => b.text.length - a.text.length)[0];
  if (!best) {
    warn(`The date "${s}" was not understood; the task was imported without a due date.`);
    return NONE;
  }
  if (best.text.length < s.replace(/\s+/g, ' ').length - 2) warn(`Only "${best.text}" of the date "${s}" was understood.`);
  const wall = wallOf(best.start);
  return { dueDate: wall.date, dueTime: best.start.isCertain('hour') ? wall.time : null, rrule: null, repeatFrom: 'due' };
}

/** The zone named in a file when it is a real IANA zone, else the system zone. */
export const zoneOr = (named: string | undefined, system: string): string => (named && isValidTimeZone(named.trim()) ? named.trim() : system);

/** The instants a due date may be: years 1 to 9999 (a mangled file can name any number; Intl refuses most). */
const FIRST_MS = new Date(0).setUTCFullYear(1, 0, 2); // Date.UTC would read year 1 as 1901
const LAST_MS = Date.UTC(9999, 11, 30);

/** A UTC instant → the local date and wall time in `zone`; null for an instant outside the years 1–9999. */
export function localOf(ms: number, zone: string): { date: string; time: string } | null {
  if (!(ms >= FIRST_MS && ms <= LAST_MS)) return null;
  const local = ianaZones.fromUtc(ms, zone);
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}
