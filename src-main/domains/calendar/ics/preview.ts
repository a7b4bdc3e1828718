import type { NameCount, ParsedFile } from './types';

export interface ImportPreview {
  /** Events that will appear: series masters plus master-less overrides that are not related to another event. */
  events: number;
  /** Of those, the ones with RRULE or RDATE. */
  recurring: number;
  /** Edited instances (RECURRENCE-ID), including orphans related to another event (Google birthdays). */
  overrides: number;
  tasks: number;
  timezones: number;
  /** UIDs in the file that the calendar already has (the import updates them instead of duplicating). */
  duplicates: string[];
  unsupported: NameCount[];
  ignored: NameCount[];
  warnings: string[];
}

/** Counts for the dry-run screen. Pure: nothing is written. */
export function importPreview(parsed: ParsedFile, existingUids: ReadonlySet<string>): ImportPreview {
  let events = 0;
  let recurring = 0;
  let overrides = 0;
  for (const s of parsed.series) {
    if (s.master) {
      events++;
      if (s.master.fields.rrules.length + s.master.fields.rdates.length > 0) recurring++;
      overrides += s.overrides.length;
    } else if (s.relatedUid) overrides += s.overrides.length;
    else events += s.overrides.length; // a lone override is shown as a single event
  }
  const uids = [...parsed.series, ...parsed.tasks].map((s) => s.uid);
  return {
    events,
    recurring,
    overrides,
    tasks: parsed.tasks.reduce((n, s) => n + (s.master ? 1 : 0) + s.overrides.length, 0),
    timezones: parsed.timezones.size,
    duplicates: [...new Set(uids.filter((u) => existingUids.has(u)))].sort(),
    unsupported: parsed.unsupported,
    ignored: parsed.ignored,
    warnings: parsed.warnings,
  };
}
