import type { z } from 'zod';
import {
  CALENDAR_LIMITS,
  type DeleteEventInput,
  type EventDetail,
  type EventInput,
  type GetEventInput,
  type Occurrence,
  type OccurrencesInput,
  type UpdateEventInput,
} from '../../../src-shared/domains/calendar/calendar.schemas';
import { AppError, notFound } from '../../../src-shared/ipc/result';
import { isValidTimeZone } from '../../../src-shared/lib/local-date';
import { keyMatches, type When } from '../../../src-shared/lib/recurrence';
import type { CalendarCore } from './calendar-core';
import { keptProperties, toEventTime, toIcsAlarm, toWhen, toWireAlarm, whenFromKey, wireStatus } from './calendar-mapping';
import type { ParsedRow, SeriesStore } from './calendar-series';
import type { CalendarEventTable, CalendarTable } from './calendar.table';
import { dateOf, shiftLike, shiftWeekdays } from '../../../src-shared/domains/calendar/series-shift';
import { daysBetween } from '../../../src-shared/lib/local-date';
import { addDuration, whenMs } from './ics/when';
import { buildComponent, deleteOccurrence, editOccurrence } from './ics';
import { newId } from '../../lib/ids';

const DAY = 86_400_000;
interface Single {
  startMs: number;
  endMs: number;
  start: When;
}
const iso = (ms: number): string => new Date(ms).toISOString();

/** Events: the instances of a window, one event read, and writes (create, edit and delete by scope). */
export function createEvents(core: CalendarCore, series: SeriesStore) {
  const { ctx } = core;

  function viewerZone(z: string | undefined): string {
    const zone = z ?? core.zone();
    if (!isValidTimeZone(zone)) throw new AppError('INVALID_INPUT', `Unknown time zone: ${zone}`);
    return zone;
  }

  async function calendarsFor(ids: readonly string[] | undefined): Promise<Map<string, CalendarTable>> {
    let q = ctx.db().selectFrom('calendars').selectAll().where('deleted_at', 'is', null);
    q = ids ? q.where('id', 'in', ids.length ? [...ids] : ['']) : q.where('visible', '=', 1);
    return new Map((await q.execute()).map((c) => [c.id, c]));
  }

  /** One instance as the views draw it. */
  function occurrence(
    master: ParsedRow,
    own: ParsedRow,
    cal: CalendarTable,
    key: string | null,
    startMs: number,
    endMs: number,
    start: When,
    override: boolean,
  ): Occurrence {
    const f = own.fields;
    const allDay = start.kind === 'date';
    const days = Math.max(1, Math.round((endMs - startMs) / DAY));
    return {
      eventId: master.row.id,
      calendarId: cal.id,
      uid: master.row.uid,
      occurrenceKey: key,
      title: f.summary,
      location: f.location,
      start: iso(startMs),
      end: iso(Math.max(endMs, startMs)),
      allDay,
      startDate: allDay ? start.date : null,
      endDate: allDay ? new Date(Date.parse(`${start.date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10) : null,
      timeZone: start.kind === 'zoned' ? start.tz : null,
      recurring: master.row.recurring === 1,
      override,
      status: wireStatus(f.status),
      hasAlarms: f.alarms.length > 0,
      readOnly: cal.read_only === 1,
    };
  }

  /** One-off instances by parsed component and viewer zone: they do not depend on the window (a month view asks often). */
  const singles = new WeakMap<object, Map<string, Single | null>>();

  /** The single instance of a one-off component (or an override), in UTC. */
  async function single(p: ParsedRow, viewer: string): Promise<Single | null> {
    if (!p.spec) return null;
    const known = singles.get(p.fields)?.get(viewer);
    if (known !== undefined) return known;
    const one = await series.instances({ ...p, spec: { ...p.spec, rrules: [], rdates: [], exdates: [] } }, { fromMs: -8.64e15, toMs: 8.64e15 }, viewer, 1);
    const result = one[0] ? { startMs: one[0].startMs, endMs: one[0].endMs, start: one[0].start } : null;
    const byZone = singles.get(p.fields) ?? new Map<string, Single | null>();
    byZone.set(viewer, result);
    singles.set(p.fields, byZone);
    return result;
  }

  async function occurrences(input: z.output<typeof OccurrencesInput>): Promise<Occurrence[]> {
    const fromMs = Date.parse(input.from);
    const toMs = Date.parse(input.to);
    if (!(toMs > fromMs)) throw new AppError('INVALID_INPUT', 'The window must end after it starts.');
    if (toMs - fromMs > CALENDAR_LIMITS.windowDays * DAY) throw new AppError('INVALID_INPUT', `A window spans at most ${CALENDAR_LIMITS.windowDays} days.`);
    const viewer = viewerZone(input.viewerZone);
    const cals = await calendarsFor(input.calendarIds);
    if (cals.size === 0) return [];
    const rows = await ctx
      .db()
      .selectFrom('calendar_events')
      .selectAll()
      .where('deleted_at', 'is', null)
      .where('kind', '=', 'event')
      .where('calendar_id', 'in', [...cals.keys()])
      .where((eb) => eb.or([eb('start_ms', 'is', null), eb('start_ms', '<=', toMs)]))
      .where((eb) => eb.or([eb('end_ms', 'is', null), eb('end_ms', '>=', fromMs)]))
      .execute();
    // Overrides of the recurring series in view, wherever their own time is (a moved instance may leave the window).
    const recurringUids = [...new Set(rows.filter((r) => r.recurring === 1).map((r) => r.uid))];
    const overrides = new Map<string, CalendarEventTable>();
    for (const r of rows) if (r.recurrence_key !== '') overrides.set(r.id, r);
    for (let i = 0; i < recurringUids.length; i += 500) {
      const more = await ctx
        .db()
        .selectFrom('calendar_events')
        .selectAll()
        .where('deleted_at', 'is', null)
        .where('uid', 'in', recurringUids.slice(i, i + 500))
        .where('recurrence_key', '!=', '')
        .execute();
      for (const r of more) if (cals.has(r.calendar_id)) overrides.set(r.id, r);
    }
    const mastersByUid = new Map<string, ParsedRow>();
    const masterRows = rows.filter((r) => r.recurrence_key === '');
    for (const r of masterRows) mastersByUid.set(`${r.calendar_id}\u0000${r.uid}`, await series.parsed(r));
    // Masters of overrides that moved into the window although their series' bounds did not reach it.
    for (const o of overrides.values()) {
      const k = `${o.calendar_id}\u0000${o.uid}`;
      if (mastersByUid.has(k)) continue;
      const m = await series.masterRow(o.calendar_id, o.uid);
      if (m) mastersByUid.set(k, await series.parsed(m));
    }
    const overrideKeys = new Map<string, string[]>();
    for (const o of overrides.values()) {
      const k = `${o.calendar_id}\u0000${o.uid}`;
      overrideKeys.set(k, [...(overrideKeys.get(k) ?? []), o.recurrence_key]);
    }

    const out: Occurrence[] = [];
    const window = { fromMs, toMs };
    for (const r of masterRows) {
      const k = `${r.calendar_id}\u0000${r.uid}`;
      const master = mastersByUid.get(k)!;
      const cal = cals.get(r.calendar_id)!;
      if (r.recurring !== 1) {
        const one = await single(master, viewer);
        if (one && one.endMs > fromMs && one.startMs < toMs) out.push(occurrence(master, master, cal, null, one.startMs, one.endMs, one.start, false));
        continue;
      }
      const keys = new Set(overrideKeys.get(k) ?? []);
      for (const inst of await series.instances(master, window, viewer, CALENDAR_LIMITS.occurrences)) {
        // An override's key is the instance's own key, or a day key naming every instance of that day (keyMatches).
        if (keys.size > 0 && (keys.has(inst.key) || keys.has(inst.key.slice(0, 10)))) continue;
        out.push(occurrence(master, master, cal, inst.key, inst.startMs, inst.endMs, inst.start, false));
      }
    }
    for (const o of overrides.values()) {
      const p = await series.parsed(o);
      if (wireStatus(p.fields.status) === 'cancelled') continue;
      const one = await single(p, viewer);
      if (!one || one.endMs <= fromMs || one.startMs >= toMs) continue;
      const master = mastersByUid.get(`${o.calendar_id}\u0000${o.uid}`) ?? p;
      out.push(occurrence(master, p, cals.get(o.calendar_id)!, o.recurrence_key, one.startMs, one.endMs, one.start, true));
    }
    // ISO UTC strings of one format sort as their instants do: plain comparison, no locale collation per pair.
    out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
    if (out.length > CALENDAR_LIMITS.occurrences) throw new AppError('TOO_LARGE', 'Too many events in this range: choose a shorter one.');
    return out;
  }

  async function eventRow(id: string): Promise<CalendarEventTable> {
    const row = await ctx.db().selectFrom('calendar_events').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row || row.kind !== 'event') throw notFound('event', id);
    return row;
  }

  async function detail(row: CalendarEventTable, occurrenceKey?: string): Promise<EventDetail> {
    const p = await series.parsed(row);
    const cal = await core.calendarRow(row.calendar_id);
    const f = p.fields;
    if (!f.start) throw new AppError('CORRUPT', 'A stored event has no start.');
    const end = f.end ?? addDuration(f.start, f.durationMs);
    const loaded = await series.load(row.calendar_id, row.uid);
    let occ: EventDetail['occurrence'] = null;
    if (occurrenceKey) {
      const ov = loaded.rows.find((r) => r.recurrence_key !== '' && keyMatches(occurrenceKey, r.recurrence_key));
      if (ov) {
        const op = await series.parsed(ov);
        const s = op.fields.start ?? whenFromKey(occurrenceKey, f.start);
        occ = {
          key: occurrenceKey,
          start: toEventTime(s),
          end: toEventTime(op.fields.end ?? addDuration(s, op.fields.durationMs)),
          title: op.fields.summary,
          location: op.fields.location,
          description: op.fields.description,
          override: true,
        };
      } else {
        const s = whenFromKey(occurrenceKey, f.start);
        occ = {
          key: occurrenceKey,
          start: toEventTime(s),
          end: toEventTime(addDuration(s, f.durationMs)),
          title: f.summary,
          location: f.location,
          description: f.description,
          override: false,
        };
      }
    }
    return {
      id: row.id,
      calendarId: row.calendar_id,
      uid: row.uid,
      title: f.summary,
      location: f.location,
      description: f.description,
      start: toEventTime(f.start),
      end: toEventTime(end),
      allDay: f.start.kind === 'date',
      rrule: f.rrules[0] ?? null,
      exdates: f.exdates.length,
      overrides: loaded.rows.filter((r) => r.recurrence_key !== '').length,
      alarms: f.alarms.map(toWireAlarm),
      categories: f.categories,
      attendees: f.attendees.map((a) => ({ email: a.email, name: a.name ?? '', role: a.role ?? '', status: a.partstat ?? '' })),
      status: wireStatus(f.status),
      url: f.url,
      keptProperties: keptProperties(row.ics),
      occurrence: occ,
      readOnly: cal.read_only === 1,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async function get(input: z.output<typeof GetEventInput>): Promise<EventDetail> {
    return detail(await eventRow(input.id), input.occurrenceKey);
  }

  /** A CalDAV calendar's rows are pushed on the next sync. */
  const dirtyFor = (cal: CalendarTable): boolean => cal.source === 'caldav';

  async function create(input: EventInput): Promise<EventDetail> {
    const cal = await core.writableCalendar(input.calendarId);
    const start = toWhen(input.start);
    const end = toWhen(input.end);
    if (whenMs(end, undefined, 'UTC') < whenMs(start, undefined, 'UTC')) throw new AppError('INVALID_INPUT', 'An event cannot end before it starts.');
    const alarms = input.alarms ?? (cal.default_reminder_minutes === null ? [] : [{ minutesBefore: cal.default_reminder_minutes, related: 'start' as const }]);
    const uid = `${newId()}@hearth`;
    const ics = buildComponent(
      {
        uid,
        summary: input.title,
        location: input.location,
        description: input.description,
        start,
        end,
        rrule: input.rrule,
        alarms: alarms.map(toIcsAlarm),
        categories: input.categories,
        status: input.status.toUpperCase(),
      },
      { nowMs: ctx.now(), zones: await series.zones() },
    );
    const id = await ctx.write((trx) => series.put(trx, cal.id, uid, 'event', { master: ics, overrides: [] }, { dirty: dirtyFor(cal) }));
    return detail(await eventRow(id));
  }

  async function update(input: z.output<typeof UpdateEventInput>): Promise<{ event: EventDetail; newSeriesId: string | null }> {
    const row = await eventRow(input.id);
    const cal = await core.writableCalendar(row.calendar_id);
    const loaded = await series.load(row.calendar_id, row.uid);
    const master = await series.parsed(loaded.rows[0]!);
    const p = input.patch;
    const patch = {
      summary: p.title,
      location: p.location,
      description: p.description,
      start: p.start ? toWhen(p.start) : undefined,
      end: p.end ? toWhen(p.end) : undefined,
      allDay: p.start ? p.start.kind === 'date' : undefined,
      rrule: p.rrule,
      alarms: p.alarms?.map(toIcsAlarm),
      categories: p.categories,
      status: p.status?.toUpperCase(),
    };
    const recurring = row.recurring === 1 && input.occurrenceKey !== undefined;
    const scope = recurring ? input.scope : 'all';
    if (recurring && scope === 'all' && (p.start || p.end)) {
      // Times given for one instance, applied to all: the series moves as that instance moved (series-shift.ts).
      const shown = await detail(row, input.occurrenceKey);
      if (shown.occurrence && master.fields.start) {
        const masterEnd = toEventTime(master.fields.end ?? addDuration(master.fields.start, master.fields.durationMs));
        const was = toEventTime(master.fields.start);
        if (p.start) patch.start = toWhen(shiftLike(was, shown.occurrence.start, p.start));
        if (p.end) patch.end = toWhen(shiftLike(masterEnd, shown.occurrence.end, p.end));
        // Moved to another weekday: the rule's weekdays move with it (Mondays dragged to Tuesday are Tuesdays now).
        const rule = master.fields.rrules[0];
        if (p.start && p.rrule === undefined && rule && master.fields.rrules.length === 1) {
          const shifted = shiftWeekdays(rule, daysBetween(dateOf(was), dateOf(toEventTime(patch.start!))));
          if (shifted !== rule) patch.rrule = shifted;
        }
      }
    }
    if (p.calendarId && scope !== 'all') throw new AppError('INVALID_INPUT', 'Only a whole series moves to another calendar.');
    const at = recurring && master.fields.start ? whenFromKey(input.occurrenceKey!, master.fields.start) : master.fields.start!;
    const newUid = `${newId()}@hearth`;
    const result = editOccurrence({ master: loaded.master!, overrides: loaded.overrides }, at, scope, patch, {
      nowMs: ctx.now(),
      zones: await series.zones(),
      newUid: () => newUid,
    });
    const target = p.calendarId ? await core.writableCalendar(p.calendarId) : cal;
    let newSeriesId: string | null = null;
    await ctx.write(async (trx) => {
      if (target.id !== cal.id) await series.remove(trx, cal.id, row.uid, { tombstone: cal.source === 'caldav' });
      if (result.master === null && result.overrides.length === 0) await series.remove(trx, cal.id, row.uid, { tombstone: cal.source === 'caldav' });
      else await series.put(trx, target.id, row.uid, 'event', { master: result.master, overrides: result.overrides }, { dirty: dirtyFor(target) });
      if (result.newSeries) {
        newSeriesId = await series.put(
          trx,
          target.id,
          newUid,
          'event',
          { master: result.newSeries.master, overrides: result.newSeries.overrides },
          { dirty: dirtyFor(target) },
        );
      }
    });
    const fresh = await series.masterRow(target.id, row.uid);
    const shown = fresh ?? (newSeriesId ? await eventRow(newSeriesId) : row);
    return { event: await detail(shown, scope === 'this' ? input.occurrenceKey : undefined), newSeriesId };
  }

  async function remove(input: z.output<typeof DeleteEventInput>): Promise<{ deleted: number }> {
    const row = await eventRow(input.id);
    const cal = await core.writableCalendar(row.calendar_id);
    const loaded = await series.load(row.calendar_id, row.uid);
    const master = await series.parsed(loaded.rows[0]!);
    const recurring = row.recurring === 1 && input.occurrenceKey !== undefined && input.scope !== 'all';
    return ctx.write(async (trx) => {
      if (!recurring) return { deleted: await series.remove(trx, cal.id, row.uid, { tombstone: cal.source === 'caldav' }) };
      const at = whenFromKey(input.occurrenceKey!, master.fields.start!);
      const result = deleteOccurrence({ master: loaded.master!, overrides: loaded.overrides }, at, input.scope, {
        nowMs: ctx.now(),
        zones: await series.zones(),
      });
      if (result.master === null) return { deleted: await series.remove(trx, cal.id, row.uid, { tombstone: cal.source === 'caldav' }) };
      await series.put(trx, cal.id, row.uid, 'event', { master: result.master, overrides: result.overrides }, { dirty: dirtyFor(cal) });
      return { deleted: 1 };
    });
  }

  return { occurrences, get, detail, create, update, remove, eventRow };
}
export type EventsPart = ReturnType<typeof createEvents>;
