import { isoWeekday } from '../../../../src-shared/lib/local-date';

/**
 * The editor's "Repeat" menu: a few common rules derived from the start date (like Google and Apple Calendar),
 * and a custom RRULE text for everything else. A stored rule that equals a preset shows as that preset.
 */

export type RepeatPreset = 'none' | 'daily' | 'weekdays' | 'weekly' | 'monthly-day' | 'monthly-nth' | 'yearly' | 'custom';

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const ORDINAL_NAMES: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };

/** Which Nth weekday of its month a date is; a 5th is called the last (a 5th Tuesday is not in every month). */
function nthOf(date: string): number {
  const nth = Math.ceil(Number(date.slice(8, 10)) / 7);
  return nth === 5 ? -1 : nth;
}

/** The rule of a preset for an event starting on `date` ('YYYY-MM-DD'); null for none and custom. */
export function presetRule(preset: RepeatPreset, date: string): string | null {
  const weekday = isoWeekday(date);
  switch (preset) {
    case 'daily':
      return 'FREQ=DAILY';
    case 'weekdays':
      return 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${BYDAY[weekday - 1]}`;
    case 'monthly-day':
      return `FREQ=MONTHLY;BYMONTHDAY=${Number(date.slice(8, 10))}`;
    case 'monthly-nth':
      return `FREQ=MONTHLY;BYDAY=${nthOf(date)}${BYDAY[weekday - 1]}`;
    case 'yearly':
      return 'FREQ=YEARLY';
    default:
      return null;
  }
}

/** The menu, labelled for `date`: "Weekly on Tuesday", "Monthly on day 10", "Monthly on the second Tuesday". */
export function presetOptions(date: string): { id: RepeatPreset; label: string }[] {
  const name = DAY_NAMES[isoWeekday(date) - 1];
  return [
    { id: 'none', label: 'Does not repeat' },
    { id: 'daily', label: 'Daily' },
    { id: 'weekdays', label: 'Every weekday (Monday to Friday)' },
    { id: 'weekly', label: `Weekly on ${name}` },
    { id: 'monthly-day', label: `Monthly on day ${Number(date.slice(8, 10))}` },
    { id: 'monthly-nth', label: `Monthly on the ${ORDINAL_NAMES[nthOf(date)]} ${name}` },
    { id: 'yearly', label: 'Yearly' },
    { id: 'custom', label: 'Custom (RRULE)…' },
  ];
}

/** The preset a stored rule is, for an event starting on `date`; 'custom' when it is none of them. */
export function presetOf(rrule: string | null, date: string): RepeatPreset {
  if (!rrule) return 'none';
  const normal = rrule.trim().toUpperCase();
  const found = presetOptions(date).find((o) => o.id !== 'none' && o.id !== 'custom' && presetRule(o.id, date) === normal);
  return found ? found.id : 'custom';
}

const KEYS = new Set([
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYDAY',
  'BYMONTHDAY',
  'BYMONTH',
  'BYSETPOS',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYHOUR',
  'BYMINUTE',
  'BYSECOND',
  'WKST',
]);
const FREQS = new Set(['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const VALUE: Record<string, RegExp> = {
  INTERVAL: /^[1-9]\d{0,3}$/,
  COUNT: /^[1-9]\d{0,4}$/,
  UNTIL: /^\d{8}(T\d{6}Z?)?$/,
  BYDAY: /^([+-]?[1-5]?\d?(MO|TU|WE|TH|FR|SA|SU))(,[+-]?[1-5]?\d?(MO|TU|WE|TH|FR|SA|SU))*$/,
  BYMONTHDAY: /^-?\d{1,2}(,-?\d{1,2})*$/,
  BYMONTH: /^\d{1,2}(,\d{1,2})*$/,
  BYSETPOS: /^-?\d{1,3}(,-?\d{1,3})*$/,
  WKST: /^(MO|TU|WE|TH|FR|SA|SU)$/,
};

/**
 * A sentence saying what is wrong with a custom RRULE value ("FREQ=WEEKLY;BYDAY=MO"), or null when it reads well.
 * Main checks the rule again; this is for a message while typing.
 */
export function rruleProblem(text: string): string | null {
  const rule = text
    .trim()
    .toUpperCase()
    .replace(/^RRULE:/, '');
  if (!rule) return 'Type a rule such as FREQ=WEEKLY;BYDAY=MO,WE.';
  const seen = new Map<string, string>();
  for (const part of rule.split(';')) {
    const [key, value, extra] = part.split('=');
    if (!key || value === undefined || extra !== undefined || value === '') return `"${part.slice(0, 30)}" should be NAME=VALUE.`;
    if (!KEYS.has(key)) return `${key.slice(0, 20)} is not an RRULE part.`;
    if (seen.has(key)) return `${key} appears twice.`;
    const pattern = VALUE[key];
    if (pattern && !pattern.test(value)) return `${key}=${value.slice(0, 30)} is not a valid value.`;
    seen.set(key, value);
  }
  const freq = seen.get('FREQ');
  if (!freq) return 'A rule needs FREQ (DAILY, WEEKLY, MONTHLY or YEARLY).';
  if (!FREQS.has(freq)) return `FREQ=${freq.slice(0, 20)} is not a frequency.`;
  if (seen.has('COUNT') && seen.has('UNTIL')) return 'Use COUNT or UNTIL, not both.';
  return null;
}

/** Normalises a custom rule for storing (upper case, no "RRULE:" prefix). */
export const normaliseRule = (text: string): string =>
  text
    .trim()
    .toUpperCase()
    .replace(/^RRULE:/, '');

/** A short description for previews: the preset's label when it is one, else the rule itself. */
export function describeRule(rrule: string, date: string): string {
  const preset = presetOf(rrule, date);
  if (preset === 'custom') return rrule;
  return presetOptions(date).find((o) => o.id === preset)!.label;
}
