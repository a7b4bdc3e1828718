import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database';
import { newId } from '../../../lib/ids';
import type { CalendarCore } from '../calendar-core';
import type { CalendarEventTable } from '../calendar.table';

/** One CalDAV resource as Hearth holds it: every row (master + overrides, or a tombstone) of one UID in one calendar. */
export interface LocalResource {
  uid: string;
  kind: 'event' | 'task';
  href: string | null;
  etag: string | null;
  dirty: boolean;
  /** Deleted here, not yet on the server (a tombstone row). */
  deleted: boolean;
  rows: CalendarEventTable[];
}

/** The calendar's resources by UID, tombstones included. */
export async function localResources(db: Kysely<Database>, calendarId: string): Promise<Map<string, LocalResource>> {
  const rows = await db.selectFrom('calendar_events').selectAll().where('calendar_id', '=', calendarId).execute();
  const out = new Map<string, LocalResource>();
  for (const row of rows) {
    let r = out.get(row.uid);
    if (!r) out.set(row.uid, (r = { uid: row.uid, kind: row.kind, href: null, etag: null, dirty: false, deleted: true, rows: [] }));
    r.rows.push(row);
    // Rows of one series share href and ETag; an override added here has none yet, the master does.
    r.href ??= row.caldav_href;
    r.etag ??= row.caldav_etag;
    r.dirty ||= row.dirty === 1;
    r.deleted &&= row.deleted_at !== null;
  }
  for (const r of out.values())
    r.rows.sort((a, b) => (a.deleted_at === null ? 0 : 1) - (b.deleted_at === null ? 0 : 1) || a.recurrence_key.localeCompare(b.recurrence_key));
  return out;
}

export const byHref = (resources: Map<string, LocalResource>): Map<string, LocalResource> =>
  new Map([...resources.values()].filter((r) => r.href).map((r) => [r.href!, r]));

/** Forgets every row of a UID here, tombstones included (the server already has no such resource, or it wins). */
export async function purgeResource(trx: Kysely<Database>, calendarId: string, uid: string): Promise<void> {
  const ids = trx.selectFrom('calendar_events').select('id').where('calendar_id', '=', calendarId).where('uid', '=', uid);
  await trx.deleteFrom('calendar_reminders').where('event_id', 'in', ids).execute();
  await trx.deleteFrom('calendar_events').where('calendar_id', '=', calendarId).where('uid', '=', uid).execute();
}

/** After a successful PUT: the rows now match the server. A row edited meanwhile (its updated_at moved) stays dirty. */
export async function markPushed(trx: Kysely<Database>, r: LocalResource, href: string, etag: string | null): Promise<void> {
  for (const row of r.rows) {
    const clean = { caldav_href: href, caldav_etag: etag };
    await trx
      .updateTable('calendar_events')
      .set({ ...clean, dirty: 0 })
      .where('id', '=', row.id)
      .where('updated_at', '=', row.updated_at)
      .execute();
    await trx.updateTable('calendar_events').set(clean).where('id', '=', row.id).where('updated_at', '<>', row.updated_at).execute();
  }
  // Overrides added while the PUT was on the wire get the href too, and stay dirty for the next push.
  await trx
    .updateTable('calendar_events')
    .set({ caldav_href: href })
    .where('calendar_id', '=', r.rows[0]!.calendar_id)
    .where('uid', '=', r.uid)
    .where('caldav_href', 'is', null)
    .execute();
}

/**
 * Records (or refreshes) the conflict of one resource: the server's copy (null: deleted there) waits next to the local
 * one until `resolveConflict`. The same remote version twice is one row, so a repeated sync writes nothing.
 */
export async function recordConflict(
  core: CalendarCore,
  trx: Kysely<Database>,
  r: LocalResource,
  href: string,
  remote: { ics: string | null; etag: string | null },
): Promise<boolean> {
  const eventId = r.rows[0]!.id;
  const calendarId = r.rows[0]!.calendar_id;
  const open = await trx
    .selectFrom('calendar_conflicts')
    .selectAll()
    .where('calendar_id', '=', calendarId)
    .where('href', '=', href)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (open && open.remote_etag === remote.etag && open.remote_ics === remote.ics) return false;
  const at = core.iso();
  if (open) {
    await trx
      .updateTable('calendar_conflicts')
      .set({ event_id: eventId, remote_ics: remote.ics, remote_etag: remote.etag, updated_at: at })
      .where('id', '=', open.id)
      .execute();
  } else {
    await trx
      .insertInto('calendar_conflicts')
      .values({
        id: newId(),
        event_id: eventId,
        calendar_id: calendarId,
        href,
        remote_ics: remote.ics,
        remote_etag: remote.etag,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      })
      .execute();
  }
  return true;
}

/** hrefs of this calendar with a conflict waiting: neither pulled over nor pushed until the person chooses. */
export async function conflictedHrefs(db: Kysely<Database>, calendarId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('calendar_conflicts').select('href').where('calendar_id', '=', calendarId).where('deleted_at', 'is', null).execute();
  return new Set(rows.map((r) => r.href));
}
