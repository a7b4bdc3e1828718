import { calendarMultiGet, createAccount, createObject, deleteObject, fetchCalendars, propfind, syncCollection, updateObject } from 'tsdav';
import { AppError } from '../../../../src-shared/ipc/result';
import { asAppError, guardedFetch } from './caldav-fetch';

export interface RemoteCalendar {
  /** The collection URL (absolute). */
  url: string;
  displayName: string;
  /** The server's colour (#RRGGBB or #RRGGBBAA), if it has one. */
  color: string | null;
  ctag: string | null;
  syncToken: string | null;
  supportsSync: boolean;
}
export interface RemoteObject {
  href: string;
  etag: string | null;
  data: string;
}
/** What changed on the server since the last sync: absolute hrefs. `full`: every resource is listed (no usable token). */
export interface RemoteChanges {
  changed: Map<string, string | null>;
  deleted: string[];
  syncToken: string | null;
  full: boolean;
}
/** A conditional write's outcome: a 412 Precondition Failed means the server's copy changed (a conflict, not an error). */
export type WriteOutcome = { ok: true; etag: string | null } | { ok: false; conflict: true };

const str = (v: unknown): string | null => (v === undefined || v === null || v === '' ? null : typeof v === 'object' ? null : String(v));
const cdata = (v: unknown): string | null => (v && typeof v === 'object' && '_cdata' in v ? str((v as { _cdata: unknown })._cdata) : str(v));

/** A thin layer over tsdav for one account. Every request goes through `guardedFetch` (same origin, no redirects, timeout). */
export function createCaldavClient(server: URL, username: string, password: string) {
  const f = guardedFetch(server, username, password);
  const rootUrl = `${server.origin}/`;
  const abs = (href: string, base: string): string => new URL(href, base).href;

  /** Well-known → principal → calendar-home-set. */
  async function discover(): Promise<{ homeUrl: string }> {
    try {
      const account = await createAccount({ account: { accountType: 'caldav', serverUrl: server.href }, fetch: f });
      if (!account.homeUrl) throw new AppError('UNSUPPORTED', 'The server did not say where the calendars are (no calendar-home-set).');
      return { homeUrl: account.homeUrl };
    } catch (err) {
      throw asAppError(err, 'No CalDAV account found at this address');
    }
  }

  async function calendars(homeUrl: string): Promise<RemoteCalendar[]> {
    try {
      const list = await fetchCalendars({ account: { accountType: 'caldav', serverUrl: server.href, homeUrl, rootUrl }, fetch: f });
      return list
        .filter((c) => !c.components?.length || c.components.some((k) => k === 'VEVENT' || k === 'VTODO'))
        .map((c) => ({
          url: abs(c.url, homeUrl),
          displayName: typeof c.displayName === 'string' && c.displayName.trim() ? c.displayName.trim() : 'CalDAV calendar',
          color: typeof c.calendarColor === 'string' ? c.calendarColor : null,
          ctag: str(c.ctag),
          syncToken: str(c.syncToken),
          supportsSync: Array.isArray(c.reports) && c.reports.includes('syncCollection'),
        }));
    } catch (err) {
      throw asAppError(err, 'Could not list the calendars');
    }
  }

  /** Every resource's ETag (the fallback when sync-collection is not there or the token expired). */
  async function listEtags(url: string): Promise<Map<string, string | null>> {
    const res = await propfind({ url, props: { 'd:getetag': {}, 'd:resourcetype': {} }, depth: '1', fetch: f });
    const failed = res.find((r) => r.status && r.status >= 400 && r.status !== 404);
    if (failed) throw new AppError('UNSUPPORTED', `Listing ${url} failed: HTTP ${failed.status}.`);
    const out = new Map<string, string | null>();
    for (const r of res) {
      if (!r.href || abs(r.href, url) === abs('', url) || r.status === 404) continue;
      out.set(abs(r.href, url), str(r.props?.getetag));
    }
    return out;
  }

  /** sync-collection REPORT from `token` (RFC 6578); an expired or refused token falls back to a full listing. */
  async function changes(cal: { url: string; syncToken: string | null; supportsSync: boolean }): Promise<RemoteChanges> {
    if (cal.supportsSync) {
      const res = await syncCollection({ url: cal.url, props: { 'd:getetag': {} }, syncLevel: 1, syncToken: cal.syncToken ?? '', fetch: f });
      // An empty multistatus (nothing changed) comes back as one entry without href.
      const failed = res.find((r) => !r.ok && r.status !== 404);
      if (!failed || !cal.syncToken) {
        if (failed) throw new AppError('UNSUPPORTED', `sync-collection on ${cal.url} failed: HTTP ${failed.status}.`);
        const changed = new Map<string, string | null>();
        const deleted: string[] = [];
        for (const r of res) {
          if (!r.href) continue;
          const href = abs(r.href, cal.url);
          if (href === abs('', cal.url)) continue;
          if (r.status === 404) deleted.push(href);
          else changed.set(href, str(r.props?.getetag));
        }
        const token = str((res[0]?.raw as { multistatus?: { syncToken?: unknown } } | undefined)?.multistatus?.syncToken);
        return { changed, deleted, syncToken: token, full: !cal.syncToken };
      }
    }
    return { changed: await listEtags(cal.url), deleted: [], syncToken: null, full: true };
  }

  /** calendar-multiget of these resources: their text and ETag. */
  async function fetchObjects(calendarUrl: string, hrefs: string[]): Promise<RemoteObject[]> {
    const out: RemoteObject[] = [];
    for (let i = 0; i < hrefs.length; i += 100) {
      const paths = hrefs.slice(i, i + 100).map((h) => new URL(h).pathname);
      const res = await calendarMultiGet({ url: calendarUrl, props: { 'd:getetag': {}, 'c:calendar-data': {} }, objectUrls: paths, depth: '1', fetch: f });
      for (const r of res) {
        const data = cdata(r.props?.calendarData);
        if (r.href && r.ok && data) out.push({ href: abs(r.href, calendarUrl), etag: str(r.props?.getetag), data });
      }
    }
    return out;
  }

  async function outcome(res: Response, what: string): Promise<WriteOutcome> {
    await res.body?.cancel();
    if (res.status === 412) return { ok: false, conflict: true };
    if (!res.ok && !(what === 'DELETE' && res.status === 404)) throw new AppError('UNSUPPORTED', `The CalDAV server refused ${what} (HTTP ${res.status}).`);
    return { ok: true, etag: res.headers.get('etag') };
  }

  /** PUT with If-None-Match: * (etag null: a new resource) or If-Match: etag (an update). */
  async function put(href: string, ics: string, etag: string | null): Promise<WriteOutcome> {
    const headers = { 'content-type': 'text/calendar; charset=utf-8' };
    const res = etag
      ? await updateObject({ url: href, data: ics, etag, headers, fetch: f })
      : await createObject({ url: href, data: ics, headers: { ...headers, 'If-None-Match': '*' }, fetch: f });
    return outcome(res, 'PUT');
  }

  async function remove(href: string, etag: string | null): Promise<WriteOutcome> {
    return outcome(await deleteObject({ url: href, etag: etag ?? undefined, fetch: f }), 'DELETE');
  }

  return { discover, calendars, changes, listEtags, fetchObjects, put, remove };
}
export type CaldavClient = ReturnType<typeof createCaldavClient>;
