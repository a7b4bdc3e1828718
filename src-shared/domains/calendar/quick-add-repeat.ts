import { addDays, daysInMonth, formatParts, isoWeekday } from '../../lib/local-date';

/**
 * Recurrence phrases of quick add ("every 2nd tue", "weekly on tuesday", "monthly on the 15th"), turned into an
 * RRULE value and an anchor that says which day the first instance falls on. chrono-node knows dates, not
 * repetition, so these are found and cut out first; what is left goes to chrono.
 */

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const DAY = '(mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';
const ORDINAL = '(1st|first|2nd|second|3rd|third|4th|fourth|5th|fifth|last)';
const ORDINALS: Record<string, number> = { '1st': 1, first: 1, '2nd': 2, second: 2, '3rd': 3, third: 3, '4th': 4, fourth: 4, '5th': 5, fifth: 5, last: -1 };
const FREQS: Record<string, string> = { day: 'DAILY', week: 'WEEKLY', month: 'MONTHLY', year: 'YEARLY' };

/** Which days may hold the first instance: ISO weekdays (1 = Monday), the Nth weekday of a month, or a day of the month. */
export type RepeatAnchor = { weekdays: number[] } | { nth: number; weekday: number } | { monthDay: number } | null;
export interface RepeatPhrase {
  rrule: string;
  anchor: RepeatAnchor;
  /** Where the phrase sits in the text, so the caller can cut it out. */
  index: number;
  length: number;
}

/** ISO weekday (1–7) of an English day name or abbreviation. */
const weekdayOf = (word: string): number => ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'].indexOf(word.slice(0, 2).toLowerCase()) + 1;
const byDay = (days: number[]): string => days.map((d) => BYDAY[d - 1]).join(',');

interface Rule {
  re: RegExp;
  build(m: RegExpExecArray): { rrule: string; anchor: RepeatAnchor };
}

// Ordered: the specific forms before "every week" and friends, which they contain.
const RULES: Rule[] = [
  {
    re: new RegExp(`\\b(?:every|each|monthly on the)\\s+${ORDINAL}\\s+${DAY}\\b(?:\\s+of\\s+(?:the|each|every)\\s+month)?`, 'i'),
    build: (m) => {
      const nth = ORDINALS[m[1]!.toLowerCase()]!;
      const weekday = weekdayOf(m[2]!);
      return { rrule: `FREQ=MONTHLY;BYDAY=${nth}${BYDAY[weekday - 1]}`, anchor: { nth, weekday } };
    },
  },
  {
    re: /\b(?:(?:every|each)\s+month|monthly)\s+on\s+the\s+(\d{1,2})(?:st|nd|rd|th)?\b|\bevery\s+(\d{1,2})(?:st|nd|rd|th)\s+of\s+the\s+month\b/i,
    build: (m) => {
      const monthDay = Math.min(31, Math.max(1, Number(m[1] ?? m[2])));
      return { rrule: `FREQ=MONTHLY;BYMONTHDAY=${monthDay}`, anchor: { monthDay } };
    },
  },
  {
    re: /\b(?:every\s+week\s?day|every\s+work\s?day|on\s+weekdays|weekdays)\b/i,
    build: () => ({ rrule: `FREQ=WEEKLY;BYDAY=${byDay([1, 2, 3, 4, 5])}`, anchor: { weekdays: [1, 2, 3, 4, 5] } }),
  },
  {
    re: new RegExp(`\\b(?:every|each|weekly\\s+on)\\s+${DAY}(?:(?:\\s*,\\s*|\\s+and\\s+|\\s*&\\s*)${DAY}\\b)*\\b`, 'i'),
    build: (m) => {
      const days = [...m[0].matchAll(new RegExp(DAY, 'gi'))].map((d) => weekdayOf(d[1]!));
      const weekdays = [...new Set(days)].sort((a, b) => a - b);
      return { rrule: `FREQ=WEEKLY;BYDAY=${byDay(weekdays)}`, anchor: { weekdays } };
    },
  },
  {
    re: /\bevery\s+(\d{1,3}|other)\s+(day|week|month|year)s?\b/i,
    build: (m) => {
      const interval = m[1]!.toLowerCase() === 'other' ? 2 : Math.max(1, Number(m[1]));
      const freq = FREQS[m[2]!.toLowerCase()]!;
      return { rrule: interval === 1 ? `FREQ=${freq}` : `FREQ=${freq};INTERVAL=${interval}`, anchor: null };
    },
  },
  {
    re: /\b(?:every\s+(day|week|month|year)|(dai)ly|(week)ly|(month)ly|(year)ly|annual(ly))\b/i,
    build: (m) => {
      const word = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6])!.toLowerCase();
      const freq = word === 'dai' ? 'DAILY' : word === 'annual' ? 'YEARLY' : FREQS[word]!;
      return { rrule: `FREQ=${freq}`, anchor: null };
    },
  },
];

/** The first recurrence phrase in `text`, or null. */
export function findRepeat(text: string): RepeatPhrase | null {
  for (const rule of RULES) {
    const m = rule.re.exec(text);
    if (m) return { ...rule.build(m), index: m.index, length: m[0].length };
  }
  return null;
}

/** The date of the Nth (or, for -1, the last) ISO weekday of a month, or null when that month has no such day. */
function nthWeekday(year: number, month: number, nth: number, weekday: number): string | null {
  const first = formatParts(year, month, 1);
  const firstMatch = 1 + ((weekday - isoWeekday(first) + 7) % 7);
  const last = daysInMonth(year, month);
  const day = nth > 0 ? firstMatch + 7 * (nth - 1) : firstMatch + 7 * Math.floor((last - firstMatch) / 7);
  return day <= last ? formatParts(year, month, day) : null;
}

/** The first day on or after `today` that the anchor allows (today itself when there is no anchor). */
export function firstDay(anchor: RepeatAnchor, today: string): string {
  if (!anchor) return today;
  if ('weekdays' in anchor) {
    let day = today;
    while (!anchor.weekdays.includes(isoWeekday(day))) day = addDays(day, 1);
    return day;
  }
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  // Some months lack a 5th Tuesday or a 31st: look ahead up to a year for one that has it.
  for (let i = 0; i < 14; i += 1) {
    const day =
      'nth' in anchor
        ? nthWeekday(year, month, anchor.nth, anchor.weekday)
        : anchor.monthDay <= daysInMonth(year, month)
          ? formatParts(year, month, anchor.monthDay)
          : null;
    if (day && day >= today) return day;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return today;
}
