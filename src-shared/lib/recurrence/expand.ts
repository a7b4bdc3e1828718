import { AppError } from '../../ipc/result';
import { fastForward } from './fast-forward';
import { frameKey, toSeriesFrame } from './keys';
import { ruleInstances } from './iterate';
import type { Budget } from './iterate';
import { parseRule, startWall } from './rule';
import { ianaZones } from './zones';
import { DAY, HOUR, MAX_OFFSET, formatDate, formatLocal, parseLocal } from './wall';

/** Wall times are written with 4-digit years (wall.ts): outside these the window start is only bounded coarsely. */
const MIN_WALL_MS = Date.UTC(1000, 0, 2);
const MAX_WALL_MS = Date.UTC(9999, 11, 30);
import type { ExpandOptions, ExpandStats, Occurrence, SeriesSpec, When, ZoneResolver } from './types';

const DEFAULT_LIMIT = 10_000;
/** ~5 µs per ical.js step: 25 000 steps is ~100 ms on an idle core, and covers a DAILY COUNT rule 60 years old. */
const DEFAULT_MAX_ITERATIONS = 25_000;

interface Frame {
  spec: SeriesSpec;
  zones: ZoneResolver;
  viewerZone: string;
  /** Wall ms of DTSTART in the series frame. */
  startWall: number;
}

/** The occurrence starting at series-frame wall ms `wall`. */
export function occurrenceAt(frame: Frame, wall: number): Occurrence {
  const { spec, zones, viewerZone } = frame;
  const s = spec.start;
  const key = frameKey(wall, s);
  if (s.kind === 'date') {
    // All-day: from midnight to midnight in the viewer zone, counted in days so a DST day stays one day.
    const days = Math.max(0, Math.round(spec.durationMs / DAY));
    const startMs = zones.toUtc(`${formatDate(wall)}T00:00:00`, viewerZone);
    const endMs = days === 0 ? startMs : zones.toUtc(`${formatDate(wall + days * DAY)}T00:00:00`, viewerZone);
    return { key, start: { kind: 'date', date: formatDate(wall) }, startMs, endMs };
  }
  let start: When;
  let startMs: number;
  if (s.kind === 'utc') {
    start = { kind: 'utc', ms: wall };
    startMs = wall;
  } else if (s.kind === 'zoned') {
    start = { kind: 'zoned', local: formatLocal(wall), tz: s.tz };
    startMs = zones.toUtc(start.local, s.tz);
  } else {
    start = { kind: 'floating', local: formatLocal(wall) };
    startMs = zones.toUtc(start.local, viewerZone);
  }
  return { key, start, startMs, endMs: startMs + spec.durationMs };
}

function checkInputs(spec: SeriesSpec, window: { fromMs: number; toMs: number }, limit: number): void {
  if (!Number.isFinite(window.fromMs) || !Number.isFinite(window.toMs)) throw new AppError('INVALID_INPUT', 'A window needs finite start and end times.');
  if (!Number.isSafeInteger(limit) || limit < 0) throw new AppError('INVALID_INPUT', 'The occurrence limit must be a whole number.');
  if (!Number.isFinite(spec.durationMs) || spec.durationMs < 0) throw new AppError('INVALID_INPUT', 'A duration must be zero or more milliseconds.');
}

/** Wall clocks fall back by at most 2 h (double summer time); a wall time this much earlier is before any later instant. */
const MAX_BACKWARD_JUMP = 2 * HOUR;

/**
 * A series-frame wall ms before which no instance can overlap a window starting at `fromMs`: the wall time of the
 * earliest overlapping start (fromMs − duration), less the largest fall-back, or less 15 h when that instant is out of
 * range. Kept tight so fast-forward lands close to the window even for SECONDLY rules.
 */
function windowStartWall(spec: SeriesSpec, fromMs: number, zones: ZoneResolver, viewerZone: string): number {
  const earliest = fromMs - spec.durationMs;
  if (!(earliest > MIN_WALL_MS && earliest < MAX_WALL_MS)) return earliest - MAX_OFFSET;
  const s = spec.start;
  if (s.kind === 'utc') return earliest;
  const wall = parseLocal(zones.fromUtc(earliest, s.kind === 'zoned' ? s.tz : viewerZone)) - MAX_BACKWARD_JUMP;
  return s.kind === 'date' ? Math.floor(wall / DAY) * DAY - DAY : wall;
}

/**
 * The instances of a series overlapping [fromMs, toMs), in start order: RRULEs merged, RDATEs added, EXDATEs removed, an
 * instance given twice (by two rules, or a rule and an RDATE) kept once. Overrides are not applied (the caller matches
 * them by key). With no RRULE, DTSTART is the first instance; with one, DTSTART counts only when the rule yields it
 * (RFC 5545 leaves an unsynchronised DTSTART undefined; ical.js and dateutil both skip it).
 * Windowed and lazy: rules stop at the window end and jump over whole periods before it (fast-forward.ts).
 */
export function expand(spec: SeriesSpec, window: { fromMs: number; toMs: number }, opts: ExpandOptions): Occurrence[] {
  const limit = opts.limit ?? DEFAULT_LIMIT;
  checkInputs(spec, window, limit);
  const zones = opts.zones ?? ianaZones;
  const viewerZone = opts.viewerZone;
  const frame: Frame = { spec, zones, viewerZone, startWall: startWall(spec.start) };
  const stats: ExpandStats = opts.stats ?? { iterations: 0, truncated: false };

  const exKeys = new Set<string>();
  const exDays = new Set<string>(); // DATE exdates of a DATE-TIME series: every instance on that day goes
  for (const ex of spec.exdates) {
    const { wall, wholeDay } = toSeriesFrame(ex, spec.start, zones, viewerZone);
    if (wholeDay) exDays.add(formatDate(wall));
    else exKeys.add(frameKey(wall, spec.start));
  }
  const found = new Map<string, Occurrence>();
  // Keeps `occ` when it overlaps the window (a zero-length instance counts when it starts inside) and is not excluded.
  const offer = (occ: Occurrence): boolean => {
    const overlaps = occ.startMs < window.toMs && (occ.endMs > window.fromMs || (occ.endMs === occ.startMs && occ.startMs >= window.fromMs));
    if (!overlaps || found.has(occ.key) || exKeys.has(occ.key) || exDays.has(occ.key.slice(0, 10))) return false;
    found.set(occ.key, occ);
    return true;
  };

  const isDate = spec.start.kind === 'date';
  // Wall times past this are after the window in every zone (offsets stay within ±15 h).
  const stopWall = window.toMs + MAX_OFFSET;
  const targetWall = windowStartWall(spec, window.fromMs, zones, viewerZone);
  const budget: Budget = { left: opts.maxIterations ?? DEFAULT_MAX_ITERATIONS, steps: 0, truncated: false };
  for (const value of spec.rrules) {
    const rule = parseRule(value, spec.start, zones, viewerZone);
    const from = opts.noFastForward ? frame.startWall : fastForward(rule, frame.startWall, targetWall, isDate);
    let kept = 0;
    for (const wall of ruleInstances(rule, from, isDate, budget)) {
      if (wall >= stopWall) break;
      if (wall < targetWall) continue;
      // Each rule runs in start order, so once `limit` of its instances are kept the rest cannot make the cut.
      if (offer(occurrenceAt(frame, wall)) && ++kept >= limit) break;
    }
  }
  stats.iterations += budget.steps;
  stats.truncated ||= budget.truncated;
  if (spec.rrules.length === 0) offer(occurrenceAt(frame, frame.startWall));
  for (const rdate of spec.rdates) {
    const { wall, wholeDay } = toSeriesFrame(rdate, spec.start, zones, viewerZone);
    // A DATE RDATE of a timed series happens on that day at DTSTART's time of day.
    offer(occurrenceAt(frame, wholeDay ? wall + (((frame.startWall % DAY) + DAY) % DAY) : wall));
  }
  const out = [...found.values()].sort((a, b) => a.startMs - b.startMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (out.length > limit) stats.truncated = true;
  return out.slice(0, limit);
}

/**
 * UTC ms of the end of the last instance, or null when the series has no end (an RRULE without COUNT or UNTIL) or more
 * instances than the work cap (100 000 steps): null tells an index "unbounded", the safe answer.
 */
export function seriesEnd(spec: SeriesSpec, opts: Omit<ExpandOptions, 'limit' | 'maxIterations' | 'stats'>): number | null {
  for (const value of spec.rrules) {
    const rule = parseRule(value, spec.start, opts.zones ?? ianaZones, opts.viewerZone);
    if (rule.count === null && rule.untilWall === null) return null;
  }
  const stats: ExpandStats = { iterations: 0, truncated: false };
  const all = expand(spec, { fromMs: -8.64e15, toMs: 8.64e15 }, { ...opts, limit: 200_000, maxIterations: 100_000, stats });
  if (stats.truncated) return null;
  // A series whose every instance is excluded still ends where its DTSTART instance would have.
  const zones = opts.zones ?? ianaZones;
  const first = occurrenceAt({ spec, zones, viewerZone: opts.viewerZone, startWall: startWall(spec.start) }, startWall(spec.start));
  return all.reduce((end, o) => Math.max(end, o.endMs), all.length === 0 ? first.endMs : -Infinity);
}
