import type { Kysely } from 'kysely';
import { expand, ianaZones, vtimezoneZones, type Occurrence as Instance, type SeriesSpec, type ZoneResolver } from '../../../src-shared/lib/recurrence';
import type { Database } from '../../db/database';
import { newId } from '../../lib/ids';
import type { CalendarCore } from './calendar-core';
import type { CalendarEventTable } from './calendar.table';
import { rowColumns, seriesItems } from './calendar-columns';
import { extractFields, parseComponent, toSpec, type EventFields } from './ics';
import ICAL from 'ical.js';

/** A series as stored: the master component's text (null for orphan overrides) and its overrides' texts. */
export interface SeriesTexts {
  master: string | null;
  overrides: string[];
}
export interface RemoteMeta {
  href?: string | null;
  etag?: string | null;
  /** A local change the CalDAV server does not have yet. */
  dirty: boolean;
}
/** A series read from a file, ready to store. */
export interface NewSeries {
  uid: string;
  kind: 'event' | 'task';
  master: { ics: string; fields: EventFields } | null;
  overrides: readonly { ics: string; fields: EventFields }[];
}
export interface ParsedRow {
  row: CalendarEventTable;
  fields: EventFields;
  spec: SeriesSpec | null;
}

/**
 * The calendar's store of series: one row per VEVENT/VTODO component, the text verbatim plus the columns a window
 * query needs. Every importer, edit, subscription and CalDAV pull writes through `put`, so the columns are always
 * computed the same way from the text. Parsed components are cached by row id and text (cleared on lock).
 */
export function createSeriesStore(core: CalendarCore) {
  const { ctx } = core;
  let cache = new Map<string, { ics: string; parsed: ParsedRow }>();
  let zoneCache: ZoneResolver | null = null;

  /** Resolves TZIDs: the VTIMEZONEs imported files brought (custom and Windows names), then IANA through Intl. */
  async function zones(): Promise<ZoneResolver> {
    if (zoneCache) return zoneCache;
    const rows = await ctx.db().selectFrom('calendar_timezones').select(['ics']).where('deleted_at', 'is', null).execute();
    const comps: ICAL.Component[] = [];
    for (const r of rows) {
      try {
        comps.push(new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${r.ics}\r\nEND:VCALENDAR`)).getFirstSubcomponent('vtimezone')!);
      } catch {
        ctx.log.warn('a stored VTIMEZONE could not be read; its TZID falls back to the IANA zone of that name');
      }
    }
    zoneCache = comps.length > 0 ? vtimezoneZones(comps) : ianaZones;
    return zoneCache;
  }

  function fieldsOf(ics: string, z: ZoneResolver): EventFields {
    const comp = parseComponent(ics);
    const warnings: string[] = [];
    return extractFields(comp, '', warnings, z);
  }

  /** The row parsed (cached while its text is the same: a pinned clock can write twice in one millisecond). */
  async function parsed(row: CalendarEventTable): Promise<ParsedRow> {
    const hit = cache.get(row.id);
    if (hit && hit.ics === row.ics) return { ...hit.parsed, row };
    const fields = fieldsOf(row.ics, await zones());
    const spec = fields.start ? toSpec(fields) : null;
    const p = { row, fields, spec };
    cache.set(row.id, { ics: row.ics, parsed: p });
    return p;
  }

  async function rowsOf(calendarId: string, uid: string, db: Kysely<Database> = ctx.db()): Promise<CalendarEventTable[]> {
    return db.selectFrom('calendar_events').selectAll().where('calendar_id', '=', calendarId).where('uid', '=', uid).where('deleted_at', 'is', null).execute();
  }

  /** A series' master row (none for orphan overrides or a deleted series). */
  async function masterRow(calendarId: string, uid: string, db: Kysely<Database> = ctx.db()): Promise<CalendarEventTable | undefined> {
    return db
      .selectFrom('calendar_events')
      .selectAll()
      .where('calendar_id', '=', calendarId)
      .where('uid', '=', uid)
      .where('recurrence_key', '=', '')
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  }

  /** The UIDs a calendar holds (its series and tasks). */
  async function uidsOf(calendarId: string, db: Kysely<Database> = ctx.db()): Promise<Set<string>> {
    const rows = await db
      .selectFrom('calendar_events')
      .select('uid')
      .distinct()
      .where('calendar_id', '=', calendarId)
      .where('deleted_at', 'is', null)
      .execute();
    return new Set(rows.map((r) => r.uid));
  }

  /** The series' texts and rows (master first). */
  async function load(calendarId: string, uid: string, db: Kysely<Database> = ctx.db()): Promise<SeriesTexts & { rows: CalendarEventTable[] }> {
    const rows = await rowsOf(calendarId, uid, db);
    const master = rows.find((r) => r.recurrence_key === '') ?? null;
    return {
      master: master?.ics ?? null,
      overrides: rows.filter((r) => r.recurrence_key !== '').map((r) => r.ics),
      rows: master ? [master, ...rows.filter((r) => r !== master)] : rows,
    };
  }

  /**
   * Replaces the stored components of one series (same calendar + UID) with `texts`, inside the caller's write. Rows
   * keep their ids where the instance key is unchanged, so links and reminders survive an edit. Returns the master's
   * id (or the first override's for orphans).
   */
  async function put(trx: Kysely<Database>, calendarId: string, uid: string, kind: 'event' | 'task', texts: SeriesTexts, meta: RemoteMeta): Promise<string> {
    const z = await zones();
    const read = (ics: string) => ({ ics, fields: fieldsOf(ics, z) });
    const items = seriesItems(texts.master ? read(texts.master) : null, texts.overrides.map(read));
    const existing = new Map((await rowsOf(calendarId, uid, trx)).map((r) => [r.recurrence_key, r]));
    const at = core.iso();
    let doc = 0;
    let firstId = '';
    for (const item of items) {
      const cols = {
        ...rowColumns(item, kind, z, core.zone(), meta.dirty, at),
        ...(meta.href !== undefined ? { caldav_href: meta.href } : {}),
        ...(meta.etag !== undefined ? { caldav_etag: meta.etag } : {}),
      };
      const old = existing.get(item.key);
      if (old) {
        existing.delete(item.key);
        await trx.updateTable('calendar_events').set(cols).where('id', '=', old.id).execute();
        firstId ||= old.id;
      } else {
        doc = doc === 0 ? await core.nextDoc(trx) : doc + 1;
        const id = newId();
        await trx
          .insertInto('calendar_events')
          .values({
            id,
            doc,
            calendar_id: calendarId,
            uid,
            recurrence_key: item.key,
            caldav_href: null,
            caldav_etag: null,
            created_at: at,
            deleted_at: null,
            ...cols,
          })
          .execute();
        firstId ||= id;
      }
    }
    for (const gone of existing.values()) await trx.deleteFrom('calendar_events').where('id', '=', gone.id).execute();
    return firstId;
  }

  /**
   * Many new series at once, already read (an import): one query for the UIDs already there (those go through `put`),
   * one doc number, and multi-row inserts. Returns how many series were written.
   */
  async function putMany(trx: Kysely<Database>, calendarId: string, list: readonly NewSeries[]): Promise<number> {
    const z = await zones();
    const taken = new Set<string>();
    const uids = [...new Set(list.map((s) => s.uid))];
    for (let i = 0; i < uids.length; i += 500) {
      const rows = await trx
        .selectFrom('calendar_events')
        .select('uid')
        .where('calendar_id', '=', calendarId)
        .where('uid', 'in', uids.slice(i, i + 500))
        .execute();
      for (const r of rows) taken.add(r.uid);
    }
    const at = core.iso();
    const zone = core.zone();
    let doc = await core.nextDoc(trx);
    let batch: CalendarEventTable[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length > 0) await trx.insertInto('calendar_events').values(batch).execute();
      batch = [];
    };
    for (const s of list) {
      if (taken.has(s.uid)) {
        await put(trx, calendarId, s.uid, s.kind, { master: s.master?.ics ?? null, overrides: s.overrides.map((o) => o.ics) }, { dirty: false });
        continue;
      }
      taken.add(s.uid);
      for (const item of seriesItems(s.master, s.overrides)) {
        const cols = rowColumns(item, s.kind, z, zone, false, at);
        batch.push({
          id: newId(),
          doc: doc++,
          calendar_id: calendarId,
          uid: s.uid,
          recurrence_key: item.key,
          caldav_href: null,
          caldav_etag: null,
          created_at: at,
          deleted_at: null,
          ...cols,
        });
        // SQLite binds at most 32,766 values per statement: 27 columns × 500 rows stays well under.
        if (batch.length >= 500) await flush();
      }
    }
    await flush();
    return list.length;
  }

  /**
   * Removes a series. With `tombstone` (a CalDAV resource the server still has) the master row stays, marked deleted and
   * dirty, until the sync has deleted it there.
   */
  async function remove(trx: Kysely<Database>, calendarId: string, uid: string, opts: { tombstone: boolean }): Promise<number> {
    const rows = await rowsOf(calendarId, uid, trx);
    const keep = opts.tombstone ? rows.find((r) => r.caldav_href) : undefined;
    for (const r of rows) {
      if (r === keep)
        await trx.updateTable('calendar_events').set({ deleted_at: core.iso(), dirty: 1, updated_at: core.iso() }).where('id', '=', r.id).execute();
      else await trx.deleteFrom('calendar_events').where('id', '=', r.id).execute();
    }
    await trx
      .deleteFrom('calendar_reminders')
      .where('event_id', 'in', rows.length ? rows.map((r) => r.id) : [''])
      .execute();
    return rows.length;
  }

  /** Instances of a parsed master in a window (overrides not applied). */
  /**
   * Expansions of recurring series by component and window, newest last: a view asks for the same window again after
   * every change anywhere (`calendar:changed`), and a series whose text did not change expands the same. Keyed by the
   * parsed spec object, which the parse cache replaces when the text changes; dropped on lock.
   */
  let expanded = new Map<string, { spec: SeriesSpec; list: Instance[] }>();
  const EXPANDED_MAX = 2000;

  async function instances(p: ParsedRow, window: { fromMs: number; toMs: number }, viewerZone: string, limit?: number): Promise<Instance[]> {
    if (!p.spec) return [];
    const recurring = p.spec.rrules.length > 0 || p.spec.rdates.length > 0;
    const key = `${p.row.id}|${viewerZone}|${window.fromMs}|${window.toMs}|${limit ?? ''}`;
    const hit = recurring ? expanded.get(key) : undefined;
    if (hit && hit.spec === p.spec) return hit.list;
    const list = expand(p.spec, window, { viewerZone, zones: await zones(), limit });
    if (recurring) {
      expanded.delete(key);
      expanded.set(key, { spec: p.spec, list });
      if (expanded.size > EXPANDED_MAX) expanded.delete(expanded.keys().next().value!);
    }
    return list;
  }

  return {
    zones,
    parsed,
    load,
    masterRow,
    uidsOf,
    put,
    putMany,
    remove,
    instances,
    /** After an import added VTIMEZONEs. */
    forgetZones: () => {
      zoneCache = null;
      cache = new Map();
      expanded = new Map();
    },
    clear: () => {
      cache = new Map();
      expanded = new Map();
      zoneCache = null;
    },
  };
}
export type SeriesStore = ReturnType<typeof createSeriesStore>;
