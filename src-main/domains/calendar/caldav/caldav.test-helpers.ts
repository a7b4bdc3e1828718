/**
 * Test-only helpers for the CalDAV tests: Hearth's side (a real encrypted profile and the calendar's CalDAV part over
 * its DomainContext) and "another client" (tsdav straight at the same Radicale), plus both sides' instance lists.
 */
import { sql } from 'kysely';
import { calendarMultiGet, createObject, deleteObject, makeCalendar, propfind, updateObject } from 'tsdav';
import { expand, ianaZones, type When } from '../../../../src-shared/lib/recurrence';
import { PASSWORD, testCore } from '../../../test/helpers';
import type { Radicale } from '../../../test/radicale';
import { createCalendars } from '../calendar-calendars';
import { createCalendarCore, type CalendarCtx } from '../calendar-core';
import { createSeriesStore } from '../calendar-series';
import { overrideKey, parseCalendarFile, toSpec } from '../ics';
import { createCaldav } from './caldav.part';

export const ZONE = 'Europe/Berlin';
export const WINDOW = { from: '2026-03-01T00:00:00.000Z', to: '2026-05-01T00:00:00.000Z' };

export interface Instance {
  uid: string;
  title: string;
  start: string;
}
const byStart = (a: Instance, b: Instance) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid) || a.title.localeCompare(b.title);
const msOf = (w: When): number =>
  w.kind === 'utc' ? w.ms : w.kind === 'zoned' ? ianaZones.toUtc(w.local, w.tz) : w.kind === 'date' ? Date.parse(w.date) : ianaZones.toUtc(w.local, ZONE);

/** Another CalDAV client: tsdav with its own Basic credentials, at `<root><user>/work/`. */
export async function otherClient(rad: Radicale, user: string) {
  const auth = `Basic ${Buffer.from(`${user}:${rad.users[user]}`).toString('base64')}`;
  const f: typeof fetch = (input, init = {}) => fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), Authorization: auth } });
  const calUrl = `${rad.url}${user}/work/`;
  await propfind({ url: `${rad.url}${user}/`, props: { 'd:resourcetype': {} }, depth: '0', fetch: f });
  const made = await makeCalendar({ url: calUrl, props: { 'd:displayname': 'Work', 'ca:calendar-color': '#22C55EFF' }, fetch: f });
  if (made[0] && made[0].status >= 400) throw new Error(`MKCALENDAR failed: ${made[0].status}`);

  async function list(): Promise<Array<{ url: string; etag: string; data: string }>> {
    const res = await propfind({ url: calUrl, props: { 'd:getetag': {} }, depth: '1', fetch: f });
    const paths = res.map((r) => r.href!).filter((h) => h.endsWith('.ics'));
    if (paths.length === 0) return [];
    const objs = await calendarMultiGet({ url: calUrl, props: { 'd:getetag': {}, 'c:calendar-data': {} }, objectUrls: paths, depth: '1', fetch: f });
    return objs.map((o) => ({
      url: new URL(o.href!, calUrl).href,
      etag: String(o.props!.getetag),
      data: String(o.props!.calendarData?._cdata ?? o.props!.calendarData),
    }));
  }
  const find = async (uid: string) => (await list()).find((o) => parseCalendarFile(o.data).series.some((s) => s.uid === uid));
  return {
    calUrl,
    list,
    find,
    put: async (name: string, ics: string) => {
      const r = await createObject({ url: `${calUrl}${name}`, data: ics, headers: { 'content-type': 'text/calendar', 'If-None-Match': '*' }, fetch: f });
      if (!r.ok) throw new Error(`PUT ${name}: ${r.status} ${await r.text()}`);
    },
    update: async (uid: string, edit: (ics: string) => string) => {
      const o = (await find(uid))!;
      const r = await updateObject({ url: o.url, data: edit(o.data), etag: o.etag, headers: { 'content-type': 'text/calendar' }, fetch: f });
      if (!r.ok) throw new Error(`PUT ${o.url}: ${r.status}`);
    },
    remove: async (uid: string) => {
      const o = (await find(uid))!;
      const r = await deleteObject({ url: o.url, etag: o.etag, fetch: f });
      if (!r.ok) throw new Error(`DELETE ${o.url}: ${r.status}`);
    },
    /** Every instance on the server in the test window, recurring series expanded and overrides applied. */
    instances: async (): Promise<Instance[]> => {
      const out: Instance[] = [];
      const window = { fromMs: Date.parse(WINDOW.from), toMs: Date.parse(WINDOW.to) };
      for (const o of await list()) {
        for (const s of parseCalendarFile(o.data).series) {
          const start = s.master!.fields.start!;
          const overrides = new Map(s.overrides.map((c) => [overrideKey(c.fields.recurrenceId!, start), c.fields]));
          for (const occ of expand(toSpec(s.master!.fields), window, { viewerZone: ZONE, zones: ianaZones })) {
            const ov = overrides.get(occ.key);
            out.push({ uid: s.uid, title: ov?.summary ?? s.master!.fields.summary, start: new Date(ov ? msOf(ov.start!) : occ.startMs).toISOString() });
          }
        }
      }
      return out.sort(byStart);
    },
  };
}

/** A VCALENDAR as another client writes it. */
export const vcal = (...events: string[][]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Other Client//EN', ...events.flat(), 'END:VCALENDAR'].join('\r\n') + '\r\n';
export const vevent = (uid: string, summary: string, dtstart: string, extra: string[] = []): string[] => [
  'BEGIN:VEVENT',
  `UID:${uid}`,
  'DTSTAMP:20260101T000000Z',
  `DTSTART:${dtstart}`,
  'DURATION:PT1H',
  `SUMMARY:${summary}`,
  ...extra,
  'END:VEVENT',
];

/** Hearth: a real profile (real clock: rows' updated_at must move between edits) and the CalDAV part over its context. */
export async function hearth() {
  const core = testCore(undefined, { systemTimeZone: () => ZONE });
  await core.client.profile.create({ name: 'Sync', password: PASSWORD });
  const ctx = core.domainContext('calendar') as unknown as CalendarCtx;
  const cc = createCalendarCore(ctx);
  const series = createSeriesStore(cc);
  const caldav = createCaldav(cc, series, createCalendars(cc)).handlers;
  const cal = core.client.calendar;
  return {
    core,
    cal,
    caldav,
    ctx,
    parts: { core: cc, series },
    changeLogSize: async () => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM change_log`.execute(ctx.db())).rows[0]!.n),
    instances: async (calendarId: string): Promise<Instance[]> =>
      (await cal.occurrences({ ...WINDOW, calendarIds: [calendarId], viewerZone: ZONE }))
        .map((o) => ({ uid: o.uid, title: o.title, start: o.start }))
        .sort(byStart),
  };
}
