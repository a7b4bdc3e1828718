import { occurrenceKey, type When } from '../../../../src-shared/lib/recurrence';
import type { ParsedComponent, ParsedSeries } from './types';

/** The key an override is stored and matched under (H1's normalised RECURRENCE-ID key, in the series start's form). */
export function overrideKey(recurrenceId: When, seriesStart: When | null): string {
  return occurrenceKey(recurrenceId, seriesStart ?? recurrenceId);
}

/** Of two copies of one component, the newer: higher SEQUENCE wins, a tie keeps the first read. */
const newer = (a: ParsedComponent, b: ParsedComponent): ParsedComponent => (b.fields.sequence > a.fields.sequence ? b : a);

/** Groups components by UID: the one without RECURRENCE-ID is the master, the others its overrides. */
export function groupSeries(components: readonly ParsedComponent[], warnings: string[]): ParsedSeries[] {
  const byUid = new Map<string, { master: ParsedComponent | null; overrides: ParsedComponent[] }>();
  for (const c of components) {
    const group = byUid.get(c.fields.uid) ?? { master: null, overrides: [] };
    byUid.set(c.fields.uid, group);
    if (c.fields.recurrenceId) group.overrides.push(c);
    else if (group.master) {
      warnings.push(`UID ${c.fields.uid} appears twice; the copy with the higher SEQUENCE was kept.`);
      group.master = newer(group.master, c);
    } else group.master = c;
  }
  const series: ParsedSeries[] = [];
  for (const [uid, group] of byUid) {
    const start = group.master?.fields.start ?? null;
    const byKey = new Map<string, ParsedComponent>();
    for (const o of group.overrides) {
      const key = overrideKey(o.fields.recurrenceId as When, start);
      const seen = byKey.get(key);
      if (seen) warnings.push(`UID ${uid} has two overrides for ${key}; the one with the higher SEQUENCE was kept.`);
      byKey.set(key, seen ? newer(seen, o) : o);
    }
    series.push({ uid, master: group.master, overrides: [...byKey.values()] });
  }
  relateOrphans(series);
  return series;
}

/**
 * Google's birthday export has overrides whose UID has no master, next to an event (another UID) whose DTSTART and
 * RDATEs are exactly those dates. ical.js's own test relates the exceptions to that event; we record the relation
 * when every orphan's RECURRENCE-ID is such an instance with the same SUMMARY, so the dates are not imported twice.
 */
function relateOrphans(series: ParsedSeries[]): void {
  for (const orphan of series) {
    if (orphan.master || orphan.overrides.length === 0) continue;
    const summary = orphan.overrides[0]?.fields.summary;
    const candidate = series.find((s) => {
      const m = s.master?.fields;
      if (!m?.start || s === orphan || m.summary !== summary) return false;
      const start = m.start;
      const instances = new Set([m.start, ...m.rdates].map((w) => occurrenceKey(w, start)));
      return orphan.overrides.every((o) => o.fields.summary === summary && instances.has(occurrenceKey(o.fields.recurrenceId as When, start)));
    });
    if (candidate) orphan.relatedUid = candidate.uid;
  }
}

/**
 * ical.js's reading: related orphans become overrides of the event they belong to (their text is unchanged). Unrelated
 * orphans stay master-less; the calendar shows each as a single event at its own DTSTART (Thunderbird's lone override).
 */
export function promoteOrphans(series: readonly ParsedSeries[]): ParsedSeries[] {
  const out = series.map((s) => ({ ...s, overrides: [...s.overrides] }));
  const byUid = new Map(out.map((s) => [s.uid, s]));
  return out.filter((s) => {
    const target = s.relatedUid ? byUid.get(s.relatedUid) : undefined;
    if (!target || s.master) return true;
    target.overrides.push(...s.overrides);
    return false;
  });
}
