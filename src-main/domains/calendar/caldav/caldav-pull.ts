import type { Kysely } from 'kysely';
import { isValidTimeZone } from '../../../../src-shared/lib/local-date';
import { MiB } from '../../../../src-shared/lib/limits';
import type { Database } from '../../../db/database';
import type { CalendarCore } from '../calendar-core';
import type { SeriesStore } from '../calendar-series';
import type { CalendarTable } from '../calendar.table';
import { parseCalendarFile, type ParsedSeries } from '../ics';
import type { CaldavClient, RemoteCalendar } from './caldav-client';
import { byHref, localResources, purgeResource, recordConflict, type LocalResource } from './caldav-local';

/** SECURITY: one calendar object larger than this is not read (a CalDAV resource is one event with its overrides). */
export const MAX_RESOURCE_BYTES = 4 * MiB;

export interface SyncStats {
  pulled: number;
  pushed: number;
  deleted: number;
  conflicts: number;
  /** Anything written in this sync (a sync with nothing to do writes nothing). */
  wrote: boolean;
}
export interface SyncDeps {
  core: CalendarCore;
  series: SeriesStore;
  client: CaldavClient;
}
interface Incoming {
  href: string;
  etag: string | null;
  data: string;
  uid: string;
  kind: 'event' | 'task';
  series: ParsedSeries;
  timezones: Map<string, string>;
}

/** Nothing changed on the server since the last pull: same sync-token, or (without sync-collection) the same ctag. */
export const unchanged = (cal: CalendarTable, remote: RemoteCalendar): boolean =>
  remote.supportsSync ? remote.syncToken !== null && remote.syncToken === cal.sync_token : remote.ctag !== null && remote.ctag === cal.ctag;

function parseIncoming(deps: SyncDeps, obj: { href: string; etag: string | null; data: string }): Incoming | null {
  try {
    const file = parseCalendarFile(obj.data, { maxBytes: MAX_RESOURCE_BYTES });
    const event = file.series[0];
    const series = event ?? file.tasks[0];
    if (!series) return null;
    return { ...obj, uid: series.uid, kind: event ? 'event' : 'task', series, timezones: file.timezones };
  } catch (err) {
    deps.core.ctx.log.warn(`a CalDAV resource could not be read and was skipped: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

/** A server's own VTIMEZONE for a TZID that is not an IANA id (Outlook names), kept so its times resolve. */
async function keepZones(trx: Kysely<Database>, core: CalendarCore, zones: Map<string, string>): Promise<boolean> {
  let added = false;
  for (const [tzid, ics] of zones) {
    if (isValidTimeZone(tzid)) continue;
    const id = tzid.slice(0, 200);
    if (await trx.selectFrom('calendar_timezones').select('id').where('id', '=', id).executeTakeFirst()) continue;
    await trx.insertInto('calendar_timezones').values({ id, ics, created_at: core.iso(), updated_at: core.iso(), deleted_at: null }).execute();
    added = true;
  }
  return added;
}

/**
 * Server → Hearth for one calendar: new and changed resources are stored (href, ETag, not dirty), resources gone from
 * the server are removed here. A server change to a resource with unpushed local changes becomes a conflict instead,
 * and neither side is overwritten. All of it, with the new sync-token, in one write; no write when nothing changed.
 */
export async function pullCalendar(deps: SyncDeps, cal: CalendarTable, remote: RemoteCalendar, stats: SyncStats): Promise<void> {
  const { core, series, client } = deps;
  if (unchanged(cal, remote)) return;
  const changes = await client.changes({ url: remote.url, syncToken: cal.sync_token, supportsSync: remote.supportsSync });
  const local = await localResources(core.ctx.db(), cal.id);
  const hrefs = byHref(local);
  const deleted = changes.deleted.filter((h) => hrefs.has(h));
  // A full listing names every resource: a synced one it does not name is gone from the server.
  if (changes.full) for (const [href, r] of hrefs) if (r.etag !== null && !changes.changed.has(href)) deleted.push(href);
  const wanted = [...changes.changed].filter(([href, etag]) => etag === null || hrefs.get(href)?.etag !== etag).map(([href]) => href);
  const incoming = (await client.fetchObjects(remote.url, wanted)).map((o) => parseIncoming(deps, o)).filter((o): o is Incoming => o !== null);
  const token = remote.supportsSync ? changes.syncToken : null;
  // A server with sync-collection is followed by its token alone; the ctag is kept only for servers without it.
  const ctag = remote.supportsSync ? cal.ctag : remote.ctag;
  const tokenMoved = token !== cal.sync_token || ctag !== cal.ctag;
  if (incoming.length === 0 && deleted.length === 0 && !tokenMoved) return;

  await core.ctx.write(async (trx) => {
    // Read again inside the write (BEGIN IMMEDIATE): an edit made while the REPORT was on the wire is seen as dirty here.
    const now = await localResources(trx, cal.id);
    const nowByHref = byHref(now);
    for (const obj of incoming) {
      const here: LocalResource | undefined = nowByHref.get(obj.href) ?? now.get(obj.uid);
      if (here?.etag === obj.etag && here.href === obj.href) continue;
      if (here?.dirty) {
        if (await recordConflict(core, trx, here, here.href ?? obj.href, { ics: obj.data, etag: obj.etag })) stats.conflicts++;
        continue;
      }
      // The same href now holds another UID: the old series is gone from the server.
      if (here && here.uid !== obj.uid) await purgeResource(trx, cal.id, here.uid);
      if (await keepZones(trx, core, obj.timezones)) series.forgetZones();
      const texts = { master: obj.series.master?.ics ?? null, overrides: obj.series.overrides.map((o) => o.ics) };
      await series.put(trx, cal.id, obj.uid, obj.kind, texts, { href: obj.href, etag: obj.etag, dirty: false });
      stats.pulled++;
    }
    for (const href of deleted) {
      const here = nowByHref.get(href);
      if (!here) continue;
      if (here.dirty && !here.deleted) {
        if (await recordConflict(core, trx, here, href, { ics: null, etag: null })) stats.conflicts++;
        continue;
      }
      await purgeResource(trx, cal.id, here.uid);
      stats.deleted++;
    }
    if (tokenMoved) await trx.updateTable('calendars').set({ sync_token: token, ctag, updated_at: core.iso() }).where('id', '=', cal.id).execute();
  });
  stats.wrote = true;
  cal.sync_token = token;
  cal.ctag = ctag;
}
