import type { z } from 'zod';
import type { ExportInput, ImportCommitInput, ImportPreview, ImportPreviewInput, ImportResult } from '../../../src-shared/domains/calendar/calendar.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { readBlobBytes } from '../../blobs/read-blob';
import { newId } from '../../lib/ids';
import type { CalendarsPart } from './calendar-calendars';
import type { CalendarCore } from './calendar-core';
import type { NewSeries, SeriesStore } from './calendar-series';
import { decodeCalendarBytes, importPreview, parseCalendarFile, promoteOrphans, serialiseCalendar, type ParsedFile, type ParsedSeries } from './ics';

/** A preview waits this long for its commit; only the latest one is kept. */
const PREVIEW_TTL_MS = 30 * 60_000;

interface Pending {
  id: string;
  parsed: ParsedFile;
  calendarId: string | null;
  name: string;
  duplicates: Set<string>;
  expiresAt: number;
}

/** ICS import (dry-run preview, then one transaction) and export of calendars or a range. */
export function createCalendarIo(core: CalendarCore, series: SeriesStore, calendars: CalendarsPart) {
  const { ctx } = core;
  let pending: Pending | null = null;

  async function preview(input: z.output<typeof ImportPreviewInput>): Promise<z.input<typeof ImportPreview>> {
    if (input.calendarId) await core.writableCalendar(input.calendarId);
    const text = decodeCalendarBytes(await readBlobBytes(ctx.host.blobs().store, input.blobId));
    const parsed = parseCalendarFile(text);
    const p = importPreview(parsed, input.calendarId ? await series.uidsOf(input.calendarId) : new Set<string>());
    const name = parsed.name?.trim() || input.fileName?.replace(/\.(ics|ical|ifb|icalendar)$/i, '').trim() || 'Imported calendar';
    pending = {
      id: newId(),
      parsed,
      calendarId: input.calendarId ?? null,
      name: name.slice(0, 200),
      duplicates: new Set(p.duplicates),
      expiresAt: ctx.now() + PREVIEW_TTL_MS,
    };
    return {
      previewId: pending.id,
      name: pending.name,
      events: p.events,
      recurring: p.recurring,
      overrides: p.overrides,
      tasks: p.tasks,
      timezones: p.timezones,
      duplicates: p.duplicates.length,
      unsupported: [...p.unsupported, ...p.ignored.map((i) => ({ name: `${i.name} (component, ignored)`, count: i.count }))],
      warnings: p.warnings.slice(0, 100),
    };
  }

  async function commit(input: z.output<typeof ImportCommitInput>): Promise<z.input<typeof ImportResult>> {
    const p = pending;
    if (!p || p.id !== input.previewId || p.expiresAt < ctx.now()) throw new AppError('NOT_FOUND', 'This import preview has expired. Choose the file again.');
    pending = null;
    const result = await ctx.write(async (trx) => {
      const calendarId =
        p.calendarId ??
        (await calendars.insert({ name: p.name, color: 'blue', source: 'local', calendar_props: JSON.stringify(p.parsed.calendarProps.slice(0, 200)) })).id;
      if (p.calendarId) await core.writableCalendar(p.calendarId, trx);
      const at = core.iso();
      for (const [tzid, ics] of p.parsed.timezones) {
        await trx
          .insertInto('calendar_timezones')
          .values({ id: tzid.slice(0, 200), ics, created_at: at, updated_at: at, deleted_at: null })
          .onConflict((oc) => oc.column('id').doUpdateSet({ ics, updated_at: at }))
          .execute();
      }
      series.forgetZones();
      const counts = { calendarId, events: 0, tasks: 0, skipped: 0, replaced: 0 };
      const chosen: NewSeries[] = [];
      const take = (s: ParsedSeries, kind: 'event' | 'task'): void => {
        if (p.duplicates.has(s.uid)) {
          if (input.duplicates === 'skip') return void counts.skipped++;
          counts.replaced++;
        }
        chosen.push({ uid: s.uid, kind, master: s.master, overrides: s.overrides });
        counts[kind === 'event' ? 'events' : 'tasks']++;
      };
      for (const s of promoteOrphans(p.parsed.series)) take(s, 'event');
      for (const s of p.parsed.tasks) take(s, 'task');
      await series.putMany(trx, calendarId, chosen);
      return counts;
    });
    return result;
  }

  /** The .ics text of calendars (all by default), optionally only the series with an instance in a range. */
  async function icsOf(
    calendarIds: readonly string[] | undefined,
    range?: { fromMs: number; toMs: number },
  ): Promise<{ text: string; events: number; name: string }> {
    let q = ctx.db().selectFrom('calendars').selectAll().where('deleted_at', 'is', null);
    if (calendarIds) q = q.where('id', 'in', calendarIds.length ? [...calendarIds] : ['']);
    const cals = await q.orderBy('created_at').execute();
    if (calendarIds && cals.length !== new Set(calendarIds).size) throw new AppError('NOT_FOUND', 'A calendar to export does not exist.');
    let rq = ctx
      .db()
      .selectFrom('calendar_events')
      .select(['ics', 'uid', 'recurrence_key', 'start_ms', 'end_ms', 'calendar_id'])
      .where('deleted_at', 'is', null)
      .where('calendar_id', 'in', cals.length ? cals.map((c) => c.id) : ['']);
    if (range) {
      rq = rq
        .where((eb) => eb.or([eb('start_ms', 'is', null), eb('start_ms', '<=', range.toMs)]))
        .where((eb) => eb.or([eb('end_ms', 'is', null), eb('end_ms', '>=', range.fromMs)]));
    }
    const rows = await rq.orderBy('calendar_id').orderBy('uid').orderBy('recurrence_key').execute();
    // A series goes whole: when any of its components is in range, its master and every override go too.
    const uids = new Set(rows.map((r) => `${r.calendar_id}\u0000${r.uid}`));
    const all = range
      ? (
          await ctx
            .db()
            .selectFrom('calendar_events')
            .select(['ics', 'uid', 'recurrence_key', 'calendar_id'])
            .where('deleted_at', 'is', null)
            .where('calendar_id', 'in', cals.length ? cals.map((c) => c.id) : [''])
            .orderBy('calendar_id')
            .orderBy('uid')
            .orderBy('recurrence_key')
            .execute()
        ).filter((r) => uids.has(`${r.calendar_id}\u0000${r.uid}`))
      : rows;
    const tz = await ctx.db().selectFrom('calendar_timezones').select(['id', 'ics']).where('deleted_at', 'is', null).execute();
    const one = cals.length === 1 ? cals[0] : undefined;
    const text = serialiseCalendar({
      name: one ? one.name : 'Hearth calendars',
      calendarProps: one ? (JSON.parse(one.calendar_props) as string[]) : [],
      components: all.map((r) => r.ics),
      timezones: new Map(tz.map((t) => [t.id, t.ics])),
    });
    return { text, events: all.filter((r) => r.recurrence_key === '').length, name: one ? one.name : 'calendars' };
  }

  async function exportIcs(input: z.output<typeof ExportInput>) {
    const range = input.from && input.to ? { fromMs: Date.parse(input.from), toMs: Date.parse(input.to) } : undefined;
    if (range && !(range.toMs > range.fromMs)) throw new AppError('INVALID_INPUT', 'The range must end after it starts.');
    const { text, events, name } = await icsOf(input.calendarIds, range);
    const file = `${name.replace(/[^\p{L}\p{N} _.-]+/gu, '').trim() || 'calendar'}.ics`;
    const owner = { ownerDomain: 'calendar', ownerTable: 'exports', ownerId: newId(), role: 'export' };
    const published = await ctx.host.blobs().publish([Buffer.from(text, 'utf8')], { name: file, mime: 'text/calendar', owner });
    return { blobId: published.blobId, url: published.url, ticket: published.ticket, name: file, events, expiresAt: published.expiresAt };
  }

  return { preview, commit, icsOf, exportIcs, clear: () => void (pending = null) };
}
export type CalendarIo = ReturnType<typeof createCalendarIo>;
