import { ianaZones, type When, type ZoneResolver } from '../../../../src-shared/lib/recurrence';
import { paramValue, splitList, type ContentLine, type Param } from './content-line';

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})(\d{2})(\d{2})Z?$/;
const DATE_TIME_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;

/**
 * One DATE / DATE-TIME value → When. Lenient where real exporters are wrong: Google's `20131210Z` (a date with a Z)
 * and `DTSTART;TZID=US/Pacific:20050101` (a bare date without VALUE=DATE) both read as the date.
 */
export function parseWhenValue(raw: string, tzid: string | undefined, valueType?: string): When | null {
  const value = raw.trim().toUpperCase();
  const d = DATE_RE.exec(value);
  if (d) return { kind: 'date', date: `${d[1]}-${d[2]}-${d[3]}` };
  const t = DATE_TIME_RE.exec(value);
  if (!t) return null;
  const date = `${t[1]}-${t[2]}-${t[3]}`;
  if (valueType === 'DATE') return { kind: 'date', date };
  const local = `${date}T${t[4]}:${t[5]}:${t[6]}`;
  if (t[7] === 'Z') return { kind: 'utc', ms: Date.parse(`${local}Z`) };
  const tz = tzid?.replace(/^\//, '').trim();
  return tz ? { kind: 'zoned', local, tz } : { kind: 'floating', local };
}

/** Every When of a property (RDATE/EXDATE lists; a PERIOD keeps its start, the period's end is ignored). */
export function parseWhenList(line: ContentLine): When[] {
  const tzid = paramValue(line, 'TZID');
  const type = paramValue(line, 'VALUE')?.toUpperCase();
  const out: When[] = [];
  for (const part of splitList(line.value)) {
    const when = parseWhenValue(part.split('/')[0] ?? '', tzid, type);
    if (when) out.push(when);
  }
  return out;
}

const compact = (local: string): string => local.replace(/[-:]/g, '');
const isoUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

/** When → parameters and value for DTSTART/DTEND/RECURRENCE-ID/EXDATE/DUE. */
export function formatWhen(when: When): { params: Param[]; value: string } {
  switch (when.kind) {
    case 'date':
      return { params: [{ name: 'VALUE', values: ['DATE'] }], value: when.date.replace(/-/g, '') };
    case 'utc':
      return { params: [], value: `${compact(isoUtc(when.ms))}Z` };
    case 'zoned':
      return { params: [{ name: 'TZID', values: [when.tz] }], value: compact(when.local) };
    case 'floating':
      return { params: [], value: compact(when.local) };
  }
}

/** Wall time 'YYYY-MM-DDTHH:MM:SS' as if it were UTC: the arithmetic of floating and local values. */
export const wallMs = (local: string): number => Date.parse(`${local}Z`);
export const wallOf = (ms: number): string => isoUtc(ms);
const dateOf = (when: When): string => (when.kind === 'date' ? when.date : when.kind === 'utc' ? isoUtc(when.ms).slice(0, 10) : when.local.slice(0, 10));

/** UTC ms of a When; date and floating values resolve in `viewerZone` (UTC by default: enough for ordering). */
export function whenMs(when: When, zones: ZoneResolver = ianaZones, viewerZone = 'UTC'): number {
  switch (when.kind) {
    case 'date':
      return viewerZone === 'UTC' ? wallMs(`${when.date}T00:00:00`) : zones.toUtc(`${when.date}T00:00:00`, viewerZone);
    case 'utc':
      return when.ms;
    case 'zoned':
      return zones.toUtc(when.local, when.tz);
    case 'floating':
      return viewerZone === 'UTC' ? wallMs(when.local) : zones.toUtc(when.local, viewerZone);
  }
}

/** Adds an exact duration (DTSTART + duration = DTEND); all-day values move by whole days. */
export function addDuration(when: When, ms: number, zones: ZoneResolver = ianaZones): When {
  switch (when.kind) {
    case 'date':
      return { kind: 'date', date: isoUtc(wallMs(`${when.date}T00:00:00`) + Math.round(ms / DAY_MS) * DAY_MS).slice(0, 10) };
    case 'utc':
      return { kind: 'utc', ms: when.ms + ms };
    case 'zoned':
      return { kind: 'zoned', tz: when.tz, local: zones.fromUtc(zones.toUtc(when.local, when.tz) + ms, when.tz) };
    case 'floating':
      return { kind: 'floating', local: wallOf(wallMs(when.local) + ms) };
  }
}

/** Moves a value by a wall-clock delta (a series moved from 10:00 to 11:00 moves every 10:00 instance to 11:00). */
export function shiftWall(when: When, deltaMs: number): When {
  switch (when.kind) {
    case 'date':
      return { kind: 'date', date: isoUtc(wallMs(`${when.date}T00:00:00`) + Math.round(deltaMs / DAY_MS) * DAY_MS).slice(0, 10) };
    case 'utc':
      return { kind: 'utc', ms: when.ms + deltaMs };
    default:
      return { ...when, local: wallOf(wallMs(when.local) + deltaMs) };
  }
}

/** Wall-clock difference b − a for two values of the same kind (and zone); exact ms otherwise. */
export function wallDelta(a: When, b: When, zones: ZoneResolver = ianaZones): number {
  if (a.kind === 'date' && b.kind === 'date') return wallMs(`${b.date}T00:00:00`) - wallMs(`${a.date}T00:00:00`);
  if ((a.kind === 'zoned' && b.kind === 'zoned' && a.tz === b.tz) || (a.kind === 'floating' && b.kind === 'floating')) {
    return wallMs(b.local) - wallMs(a.local);
  }
  return whenMs(b, zones) - whenMs(a, zones);
}

/**
 * Writes `when` in the same form as `form` (a series' DTSTART): the RFC wants RECURRENCE-ID and EXDATE in the
 * DTSTART's value type and zone. A UTC instant becomes the zone's wall time; a DATE-TIME against a DATE start keeps its date.
 */
export function toForm(when: When, form: When, zones: ZoneResolver = ianaZones): When {
  if (form.kind === 'date') {
    if (when.kind === 'zoned' || when.kind === 'floating' || when.kind === 'date') return { kind: 'date', date: dateOf(when) };
    return { kind: 'date', date: isoUtc(when.ms).slice(0, 10) };
  }
  const timeOfForm = form.kind === 'utc' ? isoUtc(form.ms).slice(10) : form.local.slice(10);
  if (form.kind === 'utc') {
    if (when.kind === 'date') return { kind: 'utc', ms: wallMs(`${when.date}${timeOfForm}`) };
    return { kind: 'utc', ms: whenMs(when, zones) };
  }
  let local: string;
  if (when.kind === 'date') local = `${when.date}${timeOfForm}`;
  else if (when.kind === 'utc') local = form.kind === 'zoned' ? zones.fromUtc(when.ms, form.tz) : isoUtc(when.ms);
  else if (when.kind === 'zoned' && form.kind === 'zoned' && when.tz !== form.tz) local = zones.fromUtc(zones.toUtc(when.local, when.tz), form.tz);
  else local = when.local;
  return form.kind === 'zoned' ? { kind: 'zoned', tz: form.tz, local } : { kind: 'floating', local };
}

export const sameWhen = (a: When, b: When): boolean => JSON.stringify(a) === JSON.stringify(b);
