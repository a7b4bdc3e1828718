import { serialiseCalendar } from '../domains/calendar/ics';
import { pick, seededRandom } from './measure';

/**
 * Deterministic calendar data for the calendar bench: recurring series of every common shape (weekly BYDAY lists,
 * daily with INTERVAL, monthly 2TU and last-weekday BYSETPOS=-1, yearly; some COUNT, UNTIL and EXDATEs) in
 * Europe/Berlin, America/New_York, Asia/Tokyo, UTC, floating and all-day, DTSTARTs spread over 2020–2026; and
 * one-off events in a window, some with a VALARM and X- properties as Outlook and Apple write them.
 */
export type SeriesKind = 'zoned' | 'utc' | 'floating' | 'date';
export interface BenchSeries {
  uid: string;
  kind: SeriesKind;
  rule: string;
  ics: string;
}

const DAY = 86_400_000;
const ZONES = ['Europe/Berlin', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'];
const WORDS = ['Standup', 'Review', 'Lunch', 'Gym', 'Piano', 'Call', 'Planning', 'Dentist', 'Book club', 'Retro', 'Rent', 'Backup'];
const PLACES = ['', '', 'Room 4', 'Café Lindner', 'Online', 'Main St 12'];
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const SERIES_FROM = Date.UTC(2020, 0, 1);
const SERIES_TO = Date.UTC(2026, 11, 1);

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
/** Wall ms → 'YYYYMMDD' or 'YYYYMMDDTHHMMSS' (+ 'Z'). */
const ymd = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
};
const stamp = (ms: number): string => {
  const d = new Date(ms);
  return `${ymd(ms)}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
};

/** DTSTART/DTEND/EXDATE lines of one value kind; `wall` is the wall-clock ms (UTC for kind 'utc'). */
function whenLine(name: string, kind: SeriesKind, tz: string, wall: number): string {
  if (kind === 'date') return `${name};VALUE=DATE:${ymd(wall)}`;
  if (kind === 'zoned') return `${name};TZID=${tz}:${stamp(wall)}`;
  return `${name}:${stamp(wall)}${kind === 'utc' ? 'Z' : ''}`;
}

function kindOf(rand: () => number): SeriesKind {
  const x = rand();
  return x < 0.55 ? 'zoned' : x < 0.7 ? 'utc' : x < 0.85 ? 'floating' : 'date';
}

/** A rule for a series starting on `start` (wall ms); `period` is set when every instance is start + k·period (EXDATE-able). */
function ruleFor(i: number, start: number, rand: () => number): { rule: string; period: number | null } {
  const dow = new Date(start).getUTCDay();
  const other = (dow + 2 + Math.floor(rand() * 3)) % 7;
  switch (i % 8) {
    case 0:
    case 1:
      return { rule: `FREQ=WEEKLY;BYDAY=${[...new Set([WEEKDAYS[dow]!, WEEKDAYS[other]!])].join(',')}`, period: null };
    case 2:
      return { rule: `FREQ=WEEKLY;BYDAY=${WEEKDAYS[dow]}`, period: 7 * DAY };
    case 3: {
      const n = 1 + Math.floor(rand() * 3);
      return { rule: n === 1 ? 'FREQ=DAILY' : `FREQ=DAILY;INTERVAL=${n}`, period: n * DAY };
    }
    case 4:
      return { rule: 'FREQ=MONTHLY;BYDAY=2TU', period: null };
    case 5:
      return { rule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', period: null };
    case 6:
      return { rule: rand() < 0.5 ? 'FREQ=YEARLY' : 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', period: null };
    default:
      return { rule: `FREQ=WEEKLY;INTERVAL=2;BYDAY=${WEEKDAYS[dow]}`, period: 14 * DAY };
  }
}

/** `count` recurring series; the same seed always gives the same texts. */
export function recurringSeries(count: number, seed = 21): BenchSeries[] {
  const rand = seededRandom(seed);
  const out: BenchSeries[] = [];
  for (let i = 0; i < count; i++) {
    const kind = kindOf(rand);
    const tz = pick(rand, ZONES);
    const day = SERIES_FROM + Math.floor(rand() * ((SERIES_TO - SERIES_FROM) / DAY)) * DAY;
    const start = kind === 'date' ? day : day + (7 + Math.floor(rand() * 13)) * 3_600_000 + Math.floor(rand() * 4) * 15 * 60_000;
    const { rule: base, period } = ruleFor(i, start, rand);
    let rule = base;
    const end = rand();
    // COUNT only on rules whose DTSTART is an instance (RFC 5545 leaves the count of an unsynchronised DTSTART open).
    if (end < 0.1 && period !== null) rule += `;COUNT=${50 + Math.floor(rand() * 600)}`;
    else if (end < 0.2) rule += `;UNTIL=${ymd(Date.UTC(2027, Math.floor(rand() * 18), 1))}${kind === 'date' ? '' : 'T000000Z'}`;
    const lengthMs = kind === 'date' ? DAY : (2 + Math.floor(rand() * 6)) * 15 * 60_000;
    const lines = [
      'BEGIN:VEVENT',
      `UID:series-${i}@bench.hearth`,
      'DTSTAMP:20261201T120000Z',
      whenLine('DTSTART', kind, tz, start),
      whenLine('DTEND', kind, tz, start + lengthMs),
      `RRULE:${rule}`,
      `SUMMARY:${pick(rand, WORDS)} ${i}`,
    ];
    if (period !== null && rand() < 0.4) {
      // EXDATEs on real 2027 instances: start + k·period for a k that lands in the year.
      const first = Math.ceil((Date.UTC(2027, 0, 1) - start) / period);
      for (let k = 0; k < 1 + Math.floor(rand() * 3); k++) lines.push(whenLine('EXDATE', kind, tz, start + (first + Math.floor(rand() * 40)) * period));
    }
    const place = pick(rand, PLACES);
    if (place) lines.push(`LOCATION:${place}`);
    lines.push('END:VEVENT');
    out.push({ uid: `series-${i}@bench.hearth`, kind, rule, ics: lines.join('\r\n') });
  }
  return out;
}

/** `count` one-off events starting in [fromMs, toMs): a fifth with a VALARM, a third with X- properties, a tenth all-day. */
export function oneOffEvents(count: number, window: { fromMs: number; toMs: number }, seed = 22): string[] {
  const rand = seededRandom(seed);
  const days = Math.max(1, Math.floor((window.toMs - window.fromMs) / DAY));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const day = window.fromMs + Math.floor(rand() * days) * DAY;
    const allDay = rand() < 0.1;
    const kind: SeriesKind = allDay ? 'date' : rand() < 0.8 ? 'zoned' : 'utc';
    const tz = pick(rand, ZONES);
    const start = allDay ? day : day + (7 + Math.floor(rand() * 13)) * 3_600_000 + Math.floor(rand() * 4) * 15 * 60_000;
    const lengthMs = allDay ? DAY : (2 + Math.floor(rand() * 8)) * 15 * 60_000;
    const lines = [
      'BEGIN:VEVENT',
      `UID:event-${seed}-${i}@bench.hearth`,
      'DTSTAMP:20261201T120000Z',
      whenLine('DTSTART', kind, tz, start),
      whenLine('DTEND', kind, tz, start + lengthMs),
      `SUMMARY:${pick(rand, WORDS)} #${i}`,
      'SEQUENCE:0',
    ];
    const place = pick(rand, PLACES);
    if (place) lines.push(`LOCATION:${place}`);
    if (rand() < 0.3) lines.push(`DESCRIPTION:Agenda for ${pick(rand, WORDS).toLowerCase()}\\, notes and links.`);
    if (rand() < 0.33) lines.push('X-MICROSOFT-CDO-BUSYSTATUS:BUSY', 'X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC');
    if (rand() < 0.2) lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Reminder', `TRIGGER:-PT${pick(rand, [5, 10, 15, 30])}M`, 'END:VALARM');
    lines.push('END:VEVENT');
    out.push(lines.join('\r\n'));
  }
  return out;
}

/** One .ics file of the components, with a VTIMEZONE for every TZID used (generated like an export's). */
export const calendarFile = (name: string, components: readonly string[]): string => serialiseCalendar({ name, components });
