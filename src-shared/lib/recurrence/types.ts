/**
 * Types of the one recurrence engine (docs/architecture.md#recurrence). Calendar events, tasks and habits all
 * describe a series with a `SeriesSpec` and get `Occurrence`s back; overrides are matched by `Occurrence.key`.
 */

/** A DATE (all-day), a UTC instant, a wall time in a zone (IANA id or a TZID defined by a VTIMEZONE), or floating. */
export type When =
  | { kind: 'date'; date: string } // 'YYYY-MM-DD'
  | { kind: 'utc'; ms: number }
  | { kind: 'zoned'; local: string; tz: string } // local 'YYYY-MM-DDTHH:MM:SS'
  | { kind: 'floating'; local: string };

export interface SeriesSpec {
  /** DTSTART. */
  start: When;
  /** end - start (all-day: whole days * 86_400_000). */
  durationMs: number;
  /** RRULE values, e.g. 'FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20250101T000000Z' (several allowed, their instances are merged). */
  rrules: readonly string[];
  /** RDATE values. A PERIOD rdate is given by its start: the series duration applies, the period's own end is ignored. */
  rdates: readonly When[];
  /** EXDATE values. A DATE exdate on a DATE-TIME series removes every instance on that date (see occurrenceKey). */
  exdates: readonly When[];
}

export interface Occurrence {
  /** The recurrence-id key: see occurrenceKey(). */
  key: string;
  /** In the series' own zone kind (zoned stays zoned in the series tz, date stays date, floating stays floating). */
  start: When;
  /** UTC ms (floating and date: resolved in the viewer zone). */
  startMs: number;
  endMs: number;
}

export interface ZoneResolver {
  /** wall 'YYYY-MM-DDTHH:MM:SS' in tz → UTC ms. A wall time in a DST gap maps forward, a repeated one to its first instant. */
  toUtc(local: string, tz: string): number;
  /** UTC ms → wall 'YYYY-MM-DDTHH:MM:SS' in tz. */
  fromUtc(ms: number, tz: string): string;
}

/** A resolver that may meet TZIDs it cannot resolve (read as UTC), and says so. */
export interface WarningZoneResolver extends ZoneResolver {
  readonly warnings: readonly string[];
}

export interface ExpandOptions {
  /** IANA zone in which floating and all-day values are resolved to instants. */
  viewerZone: string;
  /** Output cap (default 10_000). */
  limit?: number;
  /** Defaults to ianaZones. */
  zones?: ZoneResolver;
  /** Cap on RRULE iterator steps across all rules (default 25_000): a hostile rule returns a partial list quickly. */
  maxIterations?: number;
  /** Iterate every rule from DTSTART (tests compare this with the fast-forwarded result). */
  noFastForward?: boolean;
  /** Filled in by expand: iterator steps taken, and whether a cap cut the result short. For tests and benches. */
  stats?: ExpandStats;
}

export interface ExpandStats {
  iterations: number;
  truncated: boolean;
}
