import ICAL from 'ical.js';
import { isValidTimeZone, zoneOffsetMinutes } from '../local-date';
import { DAY, MINUTE, formatLocal, parseLocal } from './wall';
import type { WarningZoneResolver, ZoneResolver } from './types';

/** Minutes `tz` is ahead of UTC at the instant `utcMs`. */
export type OffsetAt = (tz: string, utcMs: number) => number;

/**
 * A resolver from an offset function, with RFC 5545's rules for local times around a change (3.3.5):
 * - a wall time in a spring-forward gap uses the offset from before the gap, so 02:30 that does not exist → 03:30;
 * - a wall time repeated at fall-back is the FIRST of its two instants (the earlier, still-summer one).
 * Offsets are read a day either side of the wall time (as if it were UTC): a change near it lies between them,
 * since real offsets are under 15 h; zones never change twice within two days.
 */
export function resolverFromOffsets(offsetAt: OffsetAt): ZoneResolver {
  return {
    toUtc(local, tz) {
      const wall = parseLocal(local);
      const before = offsetAt(tz, wall - DAY);
      const after = offsetAt(tz, wall + DAY);
      if (before === after) return wall - before * MINUTE;
      const fits = [before, after].map((o) => wall - o * MINUTE).filter((t) => offsetAt(tz, t) * MINUTE === wall - t);
      // Both fit: the repeated hour, take the first instant. None fits: the gap, map forward with the offset before it.
      return fits.length > 0 ? Math.min(...fits) : wall - before * MINUTE;
    },
    fromUtc(ms, tz) {
      return formatLocal(ms + offsetAt(tz, ms) * MINUTE);
    },
  };
}

/** Per zone, per UTC day: the offset when it is the same a day before and two days after (no change near), else null. */
const stableDays = new Map<string, Map<number, number | null>>();
const MAX_CACHED_DAYS = 20_000;

/**
 * zoneOffsetMinutes with a per-day cache: an Intl call costs microseconds and expansion asks for thousands. A day whose
 * offset is the same one day before and two days after has no change in between (no zone changes twice in three days).
 */
export function intlOffsetAt(tz: string, utcMs: number): number {
  let days = stableDays.get(tz);
  if (!days) {
    zoneOffsetMinutes(tz, 0); // validates first, so only real zones are cached (the map is bounded by the IANA list)
    days = new Map();
    stableDays.set(tz, days);
  }
  const day = Math.floor(utcMs / DAY);
  let stable = days.get(day);
  if (stable === undefined) {
    const a = zoneOffsetMinutes(tz, (day - 1) * DAY);
    const b = zoneOffsetMinutes(tz, (day + 2) * DAY);
    stable = a === b ? a : null;
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(day, stable);
  }
  return stable ?? zoneOffsetMinutes(tz, utcMs);
}

/** IANA zones through `Intl.DateTimeFormat` (the runtime's tz database, with its full history). */
export const ianaZones: ZoneResolver = resolverFromOffsets(intlOffsetAt);

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalTimezone = InstanceType<typeof ICAL.Timezone>;

function vtimezoneOffset(zone: IcalTimezone, utcMs: number): number {
  const local = ICAL.Time.fromJSDate(new Date(utcMs), true).convertToZone(zone);
  return (Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - Math.floor(utcMs / 1000) * 1000) / MINUTE;
}

/**
 * Zones of one iCalendar file: IANA ids through Intl (the tz database beats a file's often truncated VTIMEZONE), other
 * TZIDs (Outlook's 'W. Europe Standard Time') through the file's own VTIMEZONE, and anything else as UTC, with a warning
 * recorded once per TZID. VTIMEZONEs without a TZID (Zimbra writes one) are skipped, never fatal.
 */
export function vtimezoneZones(components: readonly IcalComponent[]): WarningZoneResolver {
  const custom = new Map<string, IcalTimezone>();
  for (const component of components) {
    if (component.name !== 'vtimezone') continue;
    const tzid = component.getFirstPropertyValue('tzid');
    if (typeof tzid !== 'string' || tzid === '' || custom.has(tzid)) continue;
    try {
      custom.set(tzid, new ICAL.Timezone({ component, tzid }));
    } catch {
      // A VTIMEZONE ical.js cannot read is treated like a missing one: the TZID falls back below.
    }
  }
  const warnings: string[] = [];
  const warned = new Set<string>();
  const offsetAt: OffsetAt = (tz, utcMs) => {
    if (isValidTimeZone(tz)) return intlOffsetAt(tz, utcMs);
    const zone = custom.get(tz);
    if (zone) return vtimezoneOffset(zone, utcMs);
    if (!warned.has(tz)) {
      warned.add(tz);
      warnings.push(`Unknown time zone "${tz.slice(0, 64)}": its times are read as UTC.`);
    }
    return 0;
  };
  return { ...resolverFromOffsets(offsetAt), warnings };
}
