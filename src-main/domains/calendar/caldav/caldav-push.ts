import { newId } from '../../../lib/ids';
import type { CalendarTable } from '../calendar.table';
import { serialiseCalendar } from '../ics';
import { conflictedHrefs, localResources, markPushed, purgeResource, recordConflict, type LocalResource } from './caldav-local';
import type { SyncDeps, SyncStats } from './caldav-pull';

/** A new resource's name in the collection: the UID when it is URL-safe (what most clients do), else a fresh ULID. */
export function resourceHref(collectionUrl: string, uid: string): string {
  const base = collectionUrl.endsWith('/') ? collectionUrl : `${collectionUrl}/`;
  const name = /^[A-Za-z0-9._-]{1,200}$/.test(uid) ? uid : uid.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 200) || newId();
  return new URL(`${encodeURIComponent(name)}.ics`, base).href;
}

/** The server's copy after a 412 (null when it is gone), so the conflict can show both sides. */
async function remoteCopy(deps: SyncDeps, cal: CalendarTable, href: string): Promise<{ ics: string | null; etag: string | null }> {
  const [obj] = await deps.client.fetchObjects(cal.url!, [href]);
  return obj ? { ics: obj.data, etag: obj.etag } : { ics: null, etag: null };
}

async function conflict(deps: SyncDeps, cal: CalendarTable, r: LocalResource, href: string, stats: SyncStats): Promise<void> {
  const remote = await remoteCopy(deps, cal, href);
  const added = await deps.core.ctx.write((trx) => recordConflict(deps.core, trx, r, href, remote));
  if (added) {
    stats.conflicts++;
    stats.wrote = true;
  }
}

/**
 * Hearth → server for one calendar: each dirty resource is PUT whole (master + overrides in one VCALENDAR, If-Match its
 * ETag, or If-None-Match: * when new), each tombstone DELETEd (If-Match). A 412 means the server's copy changed since
 * the last pull: a conflict, recorded and left for the person. Resources with a conflict waiting are not pushed.
 */
export async function pushCalendar(deps: SyncDeps, cal: CalendarTable, stats: SyncStats): Promise<number> {
  const { core, series, client } = deps;
  const waiting = await conflictedHrefs(core.ctx.db(), cal.id);
  let pushed = 0;
  for (const r of (await localResources(core.ctx.db(), cal.id)).values()) {
    if (!r.dirty || (r.href && waiting.has(r.href))) continue;
    if (r.deleted) {
      const out = r.href ? await client.remove(r.href, r.etag) : { ok: true as const, etag: null };
      if (!out.ok) {
        await conflict(deps, cal, r, r.href!, stats);
        continue;
      }
      await core.ctx.write((trx) => purgeResource(trx, cal.id, r.uid));
      stats.deleted++;
    } else {
      const texts = await series.load(cal.id, r.uid);
      const components = texts.master ? [texts.master, ...texts.overrides] : texts.overrides;
      const href = r.href ?? resourceHref(cal.url!, r.uid);
      const out = await client.put(href, serialiseCalendar({ components }), r.href ? r.etag : null);
      if (!out.ok) {
        await conflict(deps, cal, r, href, stats);
        continue;
      }
      // Servers that rewrite what they store send no ETag: read it back so the next pull knows this version.
      const etag = out.etag ?? (await client.fetchObjects(cal.url!, [href]))[0]?.etag ?? null;
      await core.ctx.write((trx) => markPushed(trx, r, href, etag));
      stats.pushed++;
    }
    pushed++;
    stats.wrote = true;
  }
  return pushed;
}
