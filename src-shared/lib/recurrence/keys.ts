import { ianaZones } from './zones';
import { DAY, formatDate, formatLocal, parseDate, parseLocal } from './wall';
import type { When, ZoneResolver } from './types';

/**
 * Where a value lands in a series' own frame: the wall ms in the series zone (UTC for a UTC series, the wall itself for
 * floating, midnight for a date series). `wholeDay` marks a DATE value against a DATE-TIME series: it names a day, not an
 * instant. Conversions between kinds:
 * - into a zoned series: UTC and other zones convert through the instant; a floating value is read in the series zone;
 * - into a UTC series: zoned values convert; a floating value is read as UTC (the series' own zone);
 * - into a floating series: a zoned value keeps its wall time; a UTC value is read in the viewer zone;
 * - into a date series: a date-time keeps the date of its own wall time (a UTC value: its date in the viewer zone).
 */
export function toSeriesFrame(when: When, seriesStart: When, zones: ZoneResolver = ianaZones, viewerZone = 'UTC'): { wall: number; wholeDay: boolean } {
  if (when.kind === 'date') return { wall: parseDate(when.date), wholeDay: seriesStart.kind !== 'date' };
  let wall: number;
  switch (seriesStart.kind) {
    case 'zoned':
      if (when.kind === 'utc') wall = parseLocal(zones.fromUtc(when.ms, seriesStart.tz));
      else if (when.kind === 'zoned' && when.tz !== seriesStart.tz) wall = parseLocal(zones.fromUtc(zones.toUtc(when.local, when.tz), seriesStart.tz));
      else wall = parseLocal(when.local);
      break;
    case 'utc':
      wall = when.kind === 'utc' ? when.ms : when.kind === 'zoned' ? zones.toUtc(when.local, when.tz) : parseLocal(when.local);
      break;
    case 'floating':
    case 'date':
      wall = when.kind === 'utc' ? parseLocal(zones.fromUtc(when.ms, viewerZone)) : parseLocal(when.local);
      break;
  }
  if (seriesStart.kind === 'date') wall = Math.floor(wall / DAY) * DAY;
  return { wall, wholeDay: false };
}

/** The key of the series-frame wall time `wall`: 'YYYY-MM-DD' (date series), '…THH:MM:SSZ' (UTC), '…THH:MM:SS' (zoned, floating). */
export function frameKey(wall: number, seriesStart: When): string {
  if (seriesStart.kind === 'date') return formatDate(wall);
  return seriesStart.kind === 'utc' ? `${formatLocal(wall)}Z` : formatLocal(wall);
}

/**
 * THE normalised key used to match RECURRENCE-ID and EXDATE against generated instances: `when` converted into the series
 * start's zone kind (see toSeriesFrame), so the UTC RECURRENCE-ID 20121105T180000Z of a TZID=America/Los_Angeles series is
 * '2012-11-05T10:00:00'. A DATE value against a DATE-TIME series gives a day key 'YYYY-MM-DD' that stands for every
 * instance on that day (in the series frame): compare with keyMatches, never with ===.
 * `viewerZone` only matters for a UTC value against a floating or all-day series.
 */
export function occurrenceKey(when: When, seriesStart: When, zones: ZoneResolver = ianaZones, viewerZone = 'UTC'): string {
  const { wall, wholeDay } = toSeriesFrame(when, seriesStart, zones, viewerZone);
  return wholeDay ? formatDate(wall) : frameKey(wall, seriesStart);
}

/** True when `key` (from occurrenceKey) names the instance whose key is `instanceKey`: equal, or a day key for its day. */
export function keyMatches(instanceKey: string, key: string): boolean {
  return key === instanceKey || (key.length === 10 && instanceKey.length > 10 && instanceKey.startsWith(key));
}
