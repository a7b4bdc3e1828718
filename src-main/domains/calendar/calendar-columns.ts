import { AppError } from '../../../src-shared/ipc/result';
import { expand, seriesEnd, type SeriesSpec, type ZoneResolver } from '../../../src-shared/lib/recurrence';
import type { CalendarEventTable } from './calendar.table';
import { overrideKey, toSpec, type EventFields } from './ics';

/** One component of a series, read: its instance key ('' for the master), its text and its fields. */
export interface SeriesItem {
  key: string;
  ics: string;
  fields: EventFields;
}

/** Floating and all-day values land anywhere from UTC−12 to UTC+14: their bounds are widened by this much. */
const FLOAT_SLACK_MS = 15 * 3_600_000;
const ALL_TIME = { fromMs: -8.64e15, toMs: 8.64e15 };

/**
 * The components of a series as items, overrides keyed by their RECURRENCE-ID in the master's frame. An override may
 * carry another UID in its text: Google's birthday exceptions, related to their event on import (ics/group.ts), keep
 * theirs verbatim so the export is what Google wrote.
 */
export function seriesItems(master: { ics: string; fields: EventFields } | null, overrides: readonly { ics: string; fields: EventFields }[]): SeriesItem[] {
  const items: SeriesItem[] = [];
  if (master) items.push({ key: '', ...master });
  for (const o of overrides) {
    if (!o.fields.recurrenceId) throw new AppError('INVALID_INPUT', 'An edited instance has no RECURRENCE-ID.');
    items.push({ key: overrideKey(o.fields.recurrenceId, master?.fields.start ?? null), ...o });
  }
  if (items.length === 0) throw new AppError('INVALID_INPUT', 'A series needs at least one component.');
  return items;
}

/** UTC bounds of every instance of a component (end null: it never ends). */
function bounds(fields: EventFields, spec: SeriesSpec | null, zones: ZoneResolver, master: boolean): { start: number | null; end: number | null } {
  if (!spec || !(fields.start ?? fields.due)) return { start: null, end: null };
  const slack = spec.start.kind === 'floating' || spec.start.kind === 'date' ? FLOAT_SLACK_MS : 0;
  const one = (start: SeriesSpec['start']) =>
    expand({ ...spec, start, rrules: [], rdates: [], exdates: [] }, ALL_TIME, { viewerZone: 'UTC', zones, limit: 1 })[0];
  const first = one(spec.start);
  const startMs = first?.startMs ?? 0;
  if (master && (spec.rrules.length > 0 || spec.rdates.length > 0)) {
    const last = seriesEnd(spec, { viewerZone: 'UTC', zones });
    // RDATEs may lie before DTSTART; the series starts at the earliest of them.
    const earliest = Math.min(startMs, ...spec.rdates.map((r) => one(r)?.startMs ?? startMs));
    return { start: earliest - slack, end: last === null ? null : last + slack };
  }
  return { start: startMs - slack, end: (first?.endMs ?? startMs) + slack };
}

export type RowColumns = Omit<
  CalendarEventTable,
  'id' | 'doc' | 'calendar_id' | 'uid' | 'recurrence_key' | 'caldav_href' | 'caldav_etag' | 'created_at' | 'deleted_at'
>;

/** The columns of a row, computed the same way for every writer (edits, imports, subscriptions, CalDAV). */
export function rowColumns(item: SeriesItem, kind: 'event' | 'task', zones: ZoneResolver, viewerZone: string, dirty: boolean, at: string): RowColumns {
  const f = item.fields;
  const spec = f.start || f.due ? toSpec(f) : null;
  const b = bounds(f, spec, zones, item.key === '');
  return {
    ics: item.ics,
    kind,
    summary: f.summary,
    location: f.location,
    description: f.description,
    start_ms: b.start,
    end_ms: b.end,
    all_day: f.allDay ? 1 : 0,
    tz: f.start?.kind === 'zoned' ? f.start.tz : null,
    recurring: item.key === '' && spec !== null && (spec.rrules.length > 0 || spec.rdates.length > 0) ? 1 : 0,
    has_alarms: f.alarms.length > 0 ? 1 : 0,
    status: (f.status || 'CONFIRMED').toLowerCase(),
    due_ms: f.due
      ? (expand({ start: f.due, durationMs: 0, rrules: [], rdates: [], exdates: [] }, ALL_TIME, { viewerZone, zones, limit: 1 })[0]?.startMs ?? null)
      : null,
    completed_at: f.completed ? new Date(f.completed).toISOString() : null,
    priority: f.priority,
    dirty: dirty ? 1 : 0,
    updated_at: at,
  };
}
