import { occurrenceKey, vtimezoneZones, type SeriesSpec, type When, type ZoneResolver } from '../../../../src-shared/lib/recurrence';
import { AppError } from '../../../../src-shared/ipc/result';
import { newId } from '../../../lib/ids';
import { componentText, parseComponent, prop, setProp, setProps, type Component } from './component';
import { escapeText, parseContentLine } from './content-line';
import { extractFields } from './fields';
import { readWhen, setTimes, whenLine } from './patch';
import { toSpec } from './spec';
import { parseWhenList, sameWhen, shiftWall, toForm, wallDelta, whenMs } from './when';

export interface SeriesTexts {
  master: string;
  overrides: string[];
}
export interface EditResult {
  /** null: the whole series is gone. */
  master: string | null;
  overrides: string[];
  /** "This and following": the new series that carries the edited instance and everything after it. */
  newSeries?: SeriesTexts;
}
export interface EditOptions {
  /** The clock, passed in so edits are pure and testable. */
  nowMs: number;
  /** Resolver for the series' TZIDs (a calendar's own VTIMEZONEs); defaults to the IANA database. */
  zones?: ZoneResolver;
  /** UID for a split-off series; defaults to `<ulid>@hearth`. */
  newUid?: () => string;
}

/** A series read for editing: the master's lines plus what the engine needs. */
export interface LoadedSeries {
  master: Component;
  overrides: Component[];
  start: When;
  spec: SeriesSpec;
  recurring: boolean;
  zones: ZoneResolver;
}

/** Without the calendar's VTIMEZONEs, an unknown TZID reads as UTC: consistent inside the series, so wall-clock edits stay right. */
export function loadSeries(series: SeriesTexts, zones: ZoneResolver = vtimezoneZones([])): LoadedSeries {
  const master = parseComponent(series.master);
  const uid = prop(master, 'UID')?.value.trim() ?? '';
  const fields = extractFields(master, uid, [], zones);
  if (!fields.start || prop(master, 'RECURRENCE-ID')) throw new AppError('INVALID_INPUT', 'The series master has no DTSTART or is itself an override.');
  const spec = toSpec(fields);
  return { master, overrides: series.overrides.map(parseComponent), start: fields.start, spec, recurring: spec.rrules.length + spec.rdates.length > 0, zones };
}

export const keyOf = (s: LoadedSeries, when: When): string => occurrenceKey(when, s.start, s.zones);

/** Position of a value on the series' own time line (comparable with other values of the same series). */
export const orderOf = (s: LoadedSeries, when: When): number => whenMs(toForm(when, s.start, s.zones), s.zones);

export const recurrenceIdOf = (comp: Component): When | null => readWhen(comp, 'RECURRENCE-ID');

export const newUidDefault = (): string => `${newId()}@hearth`;

export const uidLine = (uid: string): string => `UID:${escapeText(uid)}`;

export const texts = (comps: readonly Component[]): string[] => comps.map(componentText);

/**
 * Rewrites the RDATE or EXDATE values of `comp` through `map` (null drops a value). Lines whose values all stay the
 * same are kept verbatim; changed values are written one per line in the form `map` returns.
 */
export function rewriteDates(comp: Component, name: 'RDATE' | 'EXDATE', map: (w: When) => When | null): void {
  let changed = false;
  const out: string[] = [];
  for (const item of comp.items) {
    const line = typeof item === 'string' ? parseContentLine(item) : null;
    if (typeof item !== 'string' || line?.name !== name) continue;
    const values = parseWhenList(line);
    const mapped = values.map(map);
    if (mapped.every((m, i) => m && sameWhen(m, values[i] as When))) {
      out.push(item);
      continue;
    }
    // A rewritten PERIOD RDATE keeps its start only: the series' duration applies (as in the engine).
    changed = true;
    for (const m of mapped) if (m) out.push(whenLine(name, m));
  }
  if (changed) setProps(comp, name, out);
}

/**
 * Moves a value of a series whose start moved from `from` to `to`: by the wall-clock delta when the kind and zone stay
 * (10:00 → 11:00 moves every instance by an hour), otherwise by whole days at the new start's time of day.
 */
export function rekey(when: When, from: When, to: When, zones: ZoneResolver): When {
  const inFrom = toForm(when, from, zones);
  const sameFrame = from.kind === to.kind && (from.kind !== 'zoned' || (to.kind === 'zoned' && from.tz === to.tz));
  if (sameFrame) return shiftWall(inFrom, wallDelta(from, to, zones));
  const dayOf = (w: When): string => (w.kind === 'date' ? w.date : w.kind === 'utc' ? new Date(w.ms).toISOString().slice(0, 10) : w.local.slice(0, 10));
  const days = Math.round((Date.parse(dayOf(to)) - Date.parse(dayOf(from))) / 86_400_000);
  const date = new Date(Date.parse(dayOf(inFrom)) + days * 86_400_000).toISOString().slice(0, 10);
  return toForm({ kind: 'date', date }, to, zones);
}

/**
 * Re-points an override at a moved series: new RECURRENCE-ID (and UID when split off). An override still at its
 * original time (only its title or place was changed) moves with the series; one moved on its own keeps its time.
 */
export function moveOverride(comp: Component, from: When, to: When, zones: ZoneResolver, uid?: string): void {
  const start = readWhen(comp, 'DTSTART');
  if (start && whenMs(start, zones) === whenMs(from, zones)) setTimes(comp, to, undefined, zones);
  setProp(comp, 'RECURRENCE-ID', whenLine('RECURRENCE-ID', to));
  if (uid) setProp(comp, 'UID', uidLine(uid));
}
