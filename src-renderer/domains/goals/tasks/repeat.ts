/**
 * The task editor's repeat presets and a short description of a rule for rows and chips. The rule itself is an
 * RRULE value read by the shared recurrence engine in main; a custom one is checked there (a typed error on save).
 */

export type RepeatPreset = 'none' | 'daily' | 'weekdays' | 'weekly' | 'monthly' | 'yearly' | 'custom';

export const REPEAT_PRESETS: { id: RepeatPreset; label: string; rrule: string | null }[] = [
  { id: 'none', label: 'Does not repeat', rrule: null },
  { id: 'daily', label: 'Every day', rrule: 'FREQ=DAILY' },
  { id: 'weekdays', label: 'Every weekday (Mon–Fri)', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' },
  { id: 'weekly', label: 'Every week', rrule: 'FREQ=WEEKLY' },
  { id: 'monthly', label: 'Every month', rrule: 'FREQ=MONTHLY' },
  { id: 'yearly', label: 'Every year', rrule: 'FREQ=YEARLY' },
  { id: 'custom', label: 'Custom rule…', rrule: null },
];

const normal = (rule: string): string =>
  rule
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();

/** The preset a stored rule is, or 'custom'. */
export function presetOf(rrule: string | null): RepeatPreset {
  if (!rrule) return 'none';
  return REPEAT_PRESETS.find((p) => p.rrule !== null && p.rrule === normal(rrule))?.id ?? 'custom';
}

const DAYS: Record<string, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };
const UNITS: Record<string, string> = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' };
const ordinal = (n: number): string =>
  n === -1 ? 'last' : `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** "Every month on the 1st", "Every 2 weeks on Mon, Thu", "Every weekday"; the raw rule when it is unusual. */
export function describeRepeat(rrule: string): string {
  const preset = REPEAT_PRESETS.find((p) => p.rrule !== null && p.rrule === normal(rrule));
  if (preset) return preset.label.replace(' (Mon–Fri)', '');
  const parts = new Map(
    normal(rrule)
      .split(';')
      .map((kv) => kv.split('=') as [string, string | undefined]),
  );
  const unit = UNITS[parts.get('FREQ') ?? ''];
  if (!unit) return rrule;
  const interval = Number(parts.get('INTERVAL') ?? '1');
  let text = interval > 1 ? `Every ${interval} ${unit}s` : `Every ${unit}`;
  const byDay = parts.get('BYDAY');
  const byMonthDay = parts.get('BYMONTHDAY');
  if (byMonthDay && /^-?\d+$/.test(byMonthDay)) text += ` on the ${ordinal(Number(byMonthDay))}`;
  else if (byDay) {
    const days = byDay.split(',').map((d) => {
      const m = /^(-?\d+)?([A-Z]{2})$/.exec(d);
      return m ? `${m[1] ? `${ordinal(Number(m[1]))} ` : ''}${DAYS[m[2]!] ?? m[2]}` : d;
    });
    text += ` on ${days.join(', ')}`;
  }
  const rest = [...parts.keys()].filter((k) => !['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'WKST'].includes(k));
  return rest.length ? `${text} (${rest.map((k) => `${k}=${parts.get(k)}`).join(';')})` : text;
}
