import type { z } from 'zod';
import type { Conflict, ResolveConflictInput } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { notFound } from '../../../../src-shared/ipc/result';
import { expand, type ZoneResolver } from '../../../../src-shared/lib/recurrence';
import type { CalendarCore } from '../calendar-core';
import type { SeriesStore } from '../calendar-series';
import { extractFields, parseCalendarFile, parseComponent, toSpec, type EventFields } from '../ics';
import { purgeResource } from './caldav-local';
import { MAX_RESOURCE_BYTES } from './caldav-pull';

type ConflictView = z.output<typeof Conflict>;

/** The first instance's start in UTC (what a conflict card shows next to each title). */
function firstStart(fields: EventFields | null, zones: ZoneResolver, viewerZone: string): string | null {
  if (!fields || !(fields.start ?? fields.due)) return null;
  const spec = { ...toSpec(fields), rrules: [], rdates: [], exdates: [] };
  const first = expand(spec, { fromMs: -8.64e15, toMs: 8.64e15 }, { viewerZone, zones, limit: 1 })[0];
  return first ? new Date(first.startMs).toISOString() : null;
}

function remoteFields(
  ics: string | null,
): { uid: string; fields: EventFields | null; kind: 'event' | 'task'; master: string | null; overrides: string[] } | null {
  if (ics === null) return null;
  const file = parseCalendarFile(ics, { maxBytes: MAX_RESOURCE_BYTES });
  const s = file.series[0] ?? file.tasks[0];
  if (!s) return null;
  const head = s.master ?? s.overrides[0] ?? null;
  return {
    uid: s.uid,
    fields: head?.fields ?? null,
    kind: file.series[0] ? 'event' : 'task',
    master: s.master?.ics ?? null,
    overrides: s.overrides.map((o) => o.ics),
  };
}

/** Conflicts waiting for a choice, and the choice: keep Hearth's version (pushed over the server's) or the server's. */
export function createConflicts(core: CalendarCore, series: SeriesStore) {
  const { ctx } = core;

  async function list(): Promise<ConflictView[]> {
    const rows = await ctx.db().selectFrom('calendar_conflicts').selectAll().where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute();
    const zones = await series.zones();
    const out: ConflictView[] = [];
    for (const c of rows) {
      const local = await ctx.db().selectFrom('calendar_events').selectAll().where('id', '=', c.event_id).executeTakeFirst();
      const localFields = local ? extractFields(parseComponent(local.ics), local.uid, [], zones) : null;
      let remote: ReturnType<typeof remoteFields> = null;
      try {
        remote = remoteFields(c.remote_ics);
      } catch {
        ctx.log.warn('a conflict holds a server copy that no longer parses');
      }
      const localTitle = local?.deleted_at ? '' : (localFields?.summary ?? '');
      out.push({
        id: c.id,
        eventId: c.event_id,
        calendarId: c.calendar_id,
        title: localFields?.summary || remote?.fields?.summary || '(no title)',
        localTitle,
        remoteTitle: remote?.fields?.summary ?? '',
        localStart: local?.deleted_at ? null : firstStart(localFields, zones, core.zone()),
        remoteStart: firstStart(remote?.fields ?? null, zones, core.zone()),
        remoteDeleted: c.remote_ics === null,
        createdAt: c.created_at,
      });
    }
    return out;
  }

  /**
   * `remote`: the server's copy replaces the local one (or the local one goes, when it was deleted there). `local`: the
   * local rows take the server's ETag, so the next push overwrites the server (If-Match), or re-creates the resource at
   * the same href when the server deleted it (If-None-Match).
   */
  async function resolve(input: z.output<typeof ResolveConflictInput>): Promise<{ calendarId: string }> {
    const c = await ctx.db().selectFrom('calendar_conflicts').selectAll().where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!c) throw notFound('conflict', input.id);
    const event = await ctx.db().selectFrom('calendar_events').select(['uid', 'kind']).where('id', '=', c.event_id).executeTakeFirst();
    const remote = input.keep === 'remote' ? remoteFields(c.remote_ics) : null;
    await ctx.write(async (trx) => {
      if (event && input.keep === 'remote') {
        await purgeResource(trx, c.calendar_id, event.uid);
        if (remote) {
          const texts = { master: remote.master, overrides: remote.overrides };
          await series.put(trx, c.calendar_id, remote.uid, remote.kind, texts, { href: c.href, etag: c.remote_etag, dirty: false });
        }
      } else if (event) {
        await trx
          .updateTable('calendar_events')
          .set({ caldav_href: c.href, caldav_etag: c.remote_ics === null ? null : c.remote_etag, dirty: 1 })
          .where('calendar_id', '=', c.calendar_id)
          .where('uid', '=', event.uid)
          .execute();
      }
      await trx.deleteFrom('calendar_conflicts').where('id', '=', c.id).execute();
    });
    return { calendarId: c.calendar_id };
  }

  return { list, resolve };
}
