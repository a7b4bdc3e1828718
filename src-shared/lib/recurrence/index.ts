/** The one recurrence engine (docs/architecture.md#recurrence): pure, shared by main, the renderer and the goals module. */
export type { ExpandOptions, ExpandStats, Occurrence, SeriesSpec, When, WarningZoneResolver, ZoneResolver } from './types';
export { expand, seriesEnd } from './expand';
export { keyMatches, occurrenceKey } from './keys';
export { remainingRule, untilFor } from './split';
export { ianaZones, vtimezoneZones } from './zones';
