import { AppError } from '../../ipc/result';
import { toSeriesFrame } from './keys';
import { ruleInstances } from './iterate';
import type { Budget } from './iterate';
import { parseRule, startWall } from './rule';
import { ianaZones } from './zones';
import { DAY, formatLocal, icalDate, icalLocal } from './wall';
import type { SeriesSpec, When, ZoneResolver } from './types';

/** Steps allowed when counting a COUNT rule up to the split point. */
const MAX_COUNT_STEPS = 200_000;

interface SplitOptions {
  zones?: ZoneResolver;
  viewerZone?: string;
  /** Which RRULE of the series (default the first). */
  ruleIndex?: number;
}

function ruleOf(spec: SeriesSpec, index: number): string {
  const rule = spec.rrules[index];
  if (rule === undefined) throw new AppError('INVALID_INPUT', 'The series has no such recurrence rule.');
  return rule;
}

/** Instances the rule yields before series-frame wall `splitWall`, and in all (null when it has no COUNT). */
function countsAround(spec: SeriesSpec, rule: string, splitWall: number, zones: ZoneResolver, viewerZone: string): { before: number; total: number } | null {
  const parsed = parseRule(rule, spec.start, zones, viewerZone);
  if (parsed.count === null) return null;
  let before = 0;
  const budget: Budget = { left: MAX_COUNT_STEPS, steps: 0, truncated: false };
  for (const wall of ruleInstances(parsed, startWall(spec.start), spec.start.kind === 'date', budget)) {
    if (wall >= splitWall) break;
    before += 1;
  }
  if (budget.truncated) throw new AppError('TOO_LARGE', 'The series has too many instances before the split to count them.');
  return { before, total: parsed.count };
}

/** The rule's parts with `drop` removed and `add` appended, keeping the rest as written. */
function rewrite(rule: string, drop: readonly string[], add: string): string {
  const parts = rule
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')
    .filter((p) => p !== '' && !drop.includes(p.split('=')[0]?.toUpperCase() ?? ''));
  return [...parts, add].join(';');
}

/**
 * "This and following", old half: the RRULE rewritten to end just before the instance starting at `occurrenceStart`.
 * A COUNT rule keeps COUNT, set to the instances before the split; otherwise UNTIL is set (dropping any COUNT) as RFC 5545
 * wants it: in UTC for zoned and UTC series (one second before the instance), a DATE for all-day series (the day before),
 * a local time for floating ones. Splitting at or before the first instance is INVALID_INPUT: edit the whole series.
 */
export function untilFor(spec: SeriesSpec, occurrenceStart: When, opts: SplitOptions = {}): string {
  const zones = opts.zones ?? ianaZones;
  const viewerZone = opts.viewerZone ?? 'UTC';
  const rule = ruleOf(spec, opts.ruleIndex ?? 0);
  const { wall } = toSeriesFrame(occurrenceStart, spec.start, zones, viewerZone);
  if (wall <= startWall(spec.start)) throw new AppError('INVALID_INPUT', 'Splitting at the first instance leaves nothing before it: edit the whole series.');
  const counts = countsAround(spec, rule, wall, zones, viewerZone);
  if (counts) {
    if (counts.before === 0) throw new AppError('INVALID_INPUT', 'No instance comes before the split: edit the whole series.');
    return rewrite(rule, ['COUNT', 'UNTIL'], `COUNT=${counts.before}`);
  }
  const s = spec.start;
  let until: string;
  if (s.kind === 'date') until = icalDate(wall - DAY);
  else if (s.kind === 'floating') until = icalLocal(wall - 1000);
  else until = `${icalLocal((s.kind === 'zoned' ? zones.toUtc(formatLocal(wall), s.tz) : wall) - 1000)}Z`;
  return rewrite(rule, ['COUNT', 'UNTIL'], `UNTIL=${until}`);
}

/** "This and following", new half: the rule for a new series starting at `occurrenceStart` (COUNT = the instances left). */
export function remainingRule(spec: SeriesSpec, occurrenceStart: When, opts: SplitOptions = {}): string {
  const zones = opts.zones ?? ianaZones;
  const viewerZone = opts.viewerZone ?? 'UTC';
  const rule = ruleOf(spec, opts.ruleIndex ?? 0);
  const { wall } = toSeriesFrame(occurrenceStart, spec.start, zones, viewerZone);
  const counts = countsAround(spec, rule, wall, zones, viewerZone);
  if (!counts) return rewrite(rule, [], '').replace(/;$/, '');
  const left = counts.total - counts.before;
  if (left <= 0) throw new AppError('INVALID_INPUT', 'No instance is left after the split.');
  return rewrite(rule, ['COUNT'], `COUNT=${left}`);
}
