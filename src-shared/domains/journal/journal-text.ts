import { isoWeek, isoWeekday, todayIn, zoneOffsetMinutes } from '../../lib/local-date';

/** Pure text rules of the journal: titles, excerpts, tags, templates. Shared so the renderer shows what main stores. */

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** Local date and HH:MM of an instant in a zone. */
export function localDateTime(entryAtMs: number, timeZone: string): { date: string; time: string } {
  const date = todayIn(timeZone, entryAtMs);
  const local = new Date(entryAtMs + zoneOffsetMinutes(timeZone, entryAtMs) * 60_000);
  const time = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  return { date, time };
}

/** "Monday, 3 March 2025": the long form of a YYYY-MM-DD date. */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[isoWeekday(date) - 1]}, ${d} ${MONTHS[m - 1]} ${y}`;
}

/** An entry's title, or its date and time when it has none (Day One's fallback). */
export function displayTitle(title: string | null, date: string, time: string): string {
  const t = title?.trim();
  return t ? t : `${longDate(date)}, ${time}`;
}

const MARKDOWN_NOISE = [
  /!\[[^\]]*\]\([^)]*\)/g, // images
  /\[([^\]]*)\]\([^)]*\)/g, // links → their text
  /^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?/gm, // block markers
  /[*_~`]+/g, // emphasis, code
] as const;

/** A plain-text excerpt of a Markdown body: markers stripped, whitespace folded, cut at a word. */
export function excerptOf(body: string, max = 160): string {
  let text = body.slice(0, max * 8);
  text = text.replace(MARKDOWN_NOISE[0], ' ').replace(MARKDOWN_NOISE[1], '$1');
  text = text.replace(MARKDOWN_NOISE[2], '').replace(MARKDOWN_NOISE[3], '');
  text = text.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** Tags as the user typed them, trimmed, without a leading '#', de-duplicated case-insensitively (first spelling wins). */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#+/, '').trim();
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** The fields a template can use: `{{date}}`, `{{longDate}}`, `{{weekday}}`, `{{time}}`, `{{week}}`, `{{year}}`, `{{journal}}`. */
export interface TemplateFields {
  date: string;
  time: string;
  journal: string;
}

/** Fills a template's `{{field}}` placeholders; unknown ones stay as written so nothing is silently lost. */
export function renderTemplate(body: string, f: TemplateFields): string {
  const week = isoWeek(f.date);
  const values: Record<string, string> = {
    date: f.date,
    longDate: longDate(f.date),
    weekday: WEEKDAYS[isoWeekday(f.date) - 1] ?? '',
    time: f.time,
    week: `${week.year}-W${String(week.week).padStart(2, '0')}`,
    year: f.date.slice(0, 4),
    journal: f.journal,
  };
  return body.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Templates every profile has; user templates sit beside them. */
export const BUILT_IN_TEMPLATES = [
  { id: 'daily', name: 'Daily', body: '# {{longDate}}\n\n## How I feel\n\n\n## What happened\n\n\n## Grateful for\n\n- \n' },
  { id: 'weekly-review', name: 'Weekly review', body: '# Week {{week}}\n\n## Went well\n\n- \n\n## Could be better\n\n- \n\n## Next week\n\n- [ ] \n' },
  { id: 'gratitude', name: 'Gratitude', body: '# {{longDate}}\n\nThree things I am grateful for:\n\n1. \n2. \n3. \n' },
] as const;

/** What is wrong with check-in values for a journal's metrics (null when nothing): unknown ids, wrong kinds, out of scale. */
export function metricValuesError(
  defs: readonly { id: string; name: string; kind: 'number' | 'scale' | 'yesno'; min: number; max: number }[],
  values: Record<string, number | boolean>,
): string | null {
  for (const [id, v] of Object.entries(values)) {
    const def = defs.find((d) => d.id === id);
    if (!def) return `This journal has no check-in "${id.slice(0, 40)}".`;
    if (def.kind === 'yesno' && typeof v !== 'boolean') return `${def.name} is a yes/no check-in.`;
    if (def.kind !== 'yesno' && typeof v !== 'number') return `${def.name} takes a number.`;
    if (def.kind === 'scale' && (!Number.isInteger(v) || (v as number) < def.min || (v as number) > def.max)) {
      return `${def.name} takes a whole number from ${def.min} to ${def.max}.`;
    }
  }
  return null;
}
