import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorOf, tempRoot } from '../../test/helpers';
import { checkPublishPath } from './calendar-publish';
import { setupScheduling, vevent } from './calendar-scheduling.test-helpers';

/** A real HTTP server on 127.0.0.1 that serves whatever the test sets, honouring validators like a real one. */
async function feedServer() {
  const state = { body: '' as string | Buffer, status: 200, etag: null as string | null, lastModified: null as string | null, redirects: 0 };
  const seen: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.headers);
    const hop = /^\/hop(\d+)$/.exec(req.url ?? '');
    if (hop && Number(hop[1]) > 0) return void res.writeHead(302, { Location: `/hop${Number(hop[1]) - 1}` }).end();
    if (state.status !== 200) return void res.writeHead(state.status).end('gone');
    if (state.etag && req.headers['if-none-match'] === state.etag) return void res.writeHead(304).end();
    if (!state.etag && state.lastModified && req.headers['if-modified-since'] === state.lastModified) return void res.writeHead(304).end();
    const headers: Record<string, string> = { 'Content-Type': 'text/calendar' };
    if (state.etag) headers.ETag = state.etag;
    if (state.lastModified) headers['Last-Modified'] = state.lastModified;
    res.writeHead(200, headers).end(state.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { state, seen, base };
}

const feed = (name: string, events: Array<[string, string, string]>): string =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//Feed//EN',
    `X-WR-CALNAME:${name}`,
    'X-PUBLISHED-TTL:PT1H',
    ...events.map(([uid, summary, start]) => vevent([`UID:${uid}`, `SUMMARY:${summary}`, `DTSTART:${start}`, 'DURATION:PT1H'])),
    'END:VCALENDAR',
    '',
  ].join('\r\n');

describe('calendar subscriptions (real HTTP server on 127.0.0.1)', () => {
  it('subscribes read-only, refreshes with If-None-Match (304 → unchanged) and replaces the events on change', async () => {
    const srv = await feedServer();
    const s = await setupScheduling();
    srv.state.body = feed('Holidays', [
      ['h1@x', 'Easter', '20260405T000000Z'],
      ['h2@x', 'May Day', '20260501T000000Z'],
    ]);
    srv.state.etag = '"v1"';
    const cal = await s.c.subscribe({ url: `${srv.base}/feed.ics` });
    expect(cal).toMatchObject({
      name: 'Holidays',
      source: 'subscription',
      readOnly: true,
      refreshMinutes: 60,
      eventCount: 2,
      lastError: null,
      url: `${srv.base}/feed.ics`,
    });
    expect(
      (
        await errorOf(
          s.c.createEvent({ calendarId: cal.id, title: 'Mine', start: { kind: 'date', date: '2026-04-01' }, end: { kind: 'date', date: '2026-04-02' } }),
        )
      ).code,
    ).toBe('FORBIDDEN');

    expect(await s.c.refresh({ id: cal.id })).toMatchObject({ changed: false, events: 2 });
    expect(srv.seen.at(-1)!['if-none-match']).toBe('"v1"');
    // SECURITY: nothing identifying is sent along.
    expect(srv.seen.at(-1)!.cookie).toBeUndefined();
    expect(srv.seen.at(-1)!.authorization).toBeUndefined();

    srv.state.body = feed('Holidays', [
      ['h1@x', 'Easter Sunday', '20260405T000000Z'],
      ['h3@x', 'Whit Monday', '20260525T000000Z'],
    ]);
    srv.state.etag = '"v2"';
    const r = await s.c.refresh({ id: cal.id });
    expect(r).toMatchObject({ changed: true, events: 2 });
    const titles = (await s.c.occurrences({ from: '2026-04-01T00:00:00Z', to: '2026-06-01T00:00:00Z', calendarIds: [cal.id] })).map((o) => o.title);
    expect(titles).toEqual(['Easter Sunday', 'Whit Monday']);
  });

  it('uses If-Modified-Since when the server gives only Last-Modified, and webcal:// means https', async () => {
    const srv = await feedServer();
    const s = await setupScheduling();
    srv.state.body = feed('Team', [['t1@x', 'Standup', '20260316T090000Z']]);
    srv.state.lastModified = 'Sun, 15 Mar 2026 07:00:00 GMT';
    const cal = await s.c.subscribe({ url: `${srv.base}/team.ics`, name: 'Work team', refreshMinutes: 15 });
    expect(cal.name).toBe('Work team');
    expect(await s.c.refresh({ id: cal.id })).toMatchObject({ changed: false, events: 1 });
    expect(srv.seen.at(-1)!['if-modified-since']).toBe('Sun, 15 Mar 2026 07:00:00 GMT');
    // webcal is rewritten to https: a plain-HTTP test server cannot answer TLS, so the fetch fails rather than downgrading.
    expect((await errorOf(s.c.subscribe({ url: srv.base.replace('http://', 'webcal://') + '/team.ics' }))).code).toBe('NOT_FOUND');
    expect(srv.seen).toHaveLength(2);
  });

  it('a 404 keeps the last events and sets lastError; bad schemes, credentials, 20 MiB+ bodies and redirect loops are refused', async () => {
    const srv = await feedServer();
    const s = await setupScheduling();
    srv.state.body = feed('Feed', [['a@x', 'A', '20260316T090000Z']]);
    const cal = await s.c.subscribe({ url: `${srv.base}/f.ics` });
    srv.state.status = 404;
    expect((await errorOf(s.c.refresh({ id: cal.id }))).message).toContain('404');
    const [after] = await s.c.listCalendars();
    expect(after).toMatchObject({ id: cal.id, eventCount: 1, lastError: expect.stringContaining('404') });

    for (const url of ['file:///etc/passwd', 'ftp://example.org/x.ics', 'not a url', `http://user:pw@127.0.0.1/x.ics`]) {
      expect((await errorOf(s.c.subscribe({ url }))).code, url).toBe('INVALID_INPUT');
    }
    srv.state.status = 200;
    srv.state.body = Buffer.alloc(20 * 1024 * 1024 + 1, 'A');
    expect((await errorOf(s.c.subscribe({ url: `${srv.base}/big.ics` }))).code).toBe('TOO_LARGE');
    expect((await errorOf(s.c.subscribe({ url: `${srv.base}/hop6` }))).message).toContain('redirected more than 5');
    srv.state.body = feed('Hop', []);
    expect((await s.c.subscribe({ url: `${srv.base}/hop5` })).name).toBe('Hop');
    srv.state.body = 'this is not a calendar';
    expect((await errorOf(s.c.subscribe({ url: `${srv.base}/x.ics` }))).code).toBe('INVALID_INPUT');
    // Nothing half-made was left behind by the failed subscriptions.
    expect((await s.c.listCalendars()).map((c) => c.name)).toEqual(['Feed', 'Hop']);
  });

  it('the refresh timer refreshes only subscriptions whose period has passed', async () => {
    const srv = await feedServer();
    const s = await setupScheduling('2026-03-15T08:00:00Z');
    srv.state.body = feed('Feed', [['a@x', 'A', '20260316T090000Z']]);
    const cal = await s.c.subscribe({ url: `${srv.base}/f.ics`, refreshMinutes: 30 });
    const requests = srv.seen.length;
    s.setNow('2026-03-15T08:29:00Z');
    await s.parts().remote.refreshDue();
    expect(srv.seen.length).toBe(requests);
    s.setNow('2026-03-15T08:30:00Z');
    await s.parts().remote.refreshDue();
    expect(srv.seen.length).toBe(requests + 1);
    expect((await s.c.listCalendars())[0]!.lastSyncAt).toBe('2026-03-15T08:30:00.000Z');
    expect(cal.id).toBeTruthy();
  });
});

describe('calendar publishing', () => {
  it('rewrites the .ics file after a change (atomically, only when it changed) and refuses relative paths and folders', async () => {
    const dir = tempRoot();
    const s = await setupScheduling();
    const cal = await s.c.createCalendar({ name: 'Shared' });
    const file = path.join(dir, 'shared.ics');
    await s.c.updateCalendar({ id: cal.id, publishPath: file });
    await s.c.createEvent({ calendarId: cal.id, title: 'Picnic', start: { kind: 'date', date: '2026-06-01' }, end: { kind: 'date', date: '2026-06-02' } });
    await s.parts().publisher.flush();
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('SUMMARY:Picnic');
    expect(text).toContain('X-WR-CALNAME:Shared');
    expect(readdirSync(dir)).toEqual(['shared.ics']);

    // Unchanged text is not rewritten (a file the user replaced stays until the calendar changes).
    writeFileSync(file, 'mine');
    await s.parts().publisher.flush();
    expect(readFileSync(file, 'utf8')).toBe('mine');
    // The committed change itself schedules the rewrite (debounced ~1 s): no explicit flush here.
    await s.c.createEvent({ calendarId: cal.id, title: 'Swim', start: { kind: 'date', date: '2026-06-03' }, end: { kind: 'date', date: '2026-06-04' } });
    await vi.waitFor(() => expect(readFileSync(file, 'utf8')).toContain('SUMMARY:Swim'), { timeout: 5000, interval: 100 });

    mkdirSync(path.join(dir, 'folder.ics'));
    expect((await errorOf(checkPublishPath(path.join(dir, 'folder.ics')))).code).toBe('INVALID_INPUT');
    expect((await errorOf(checkPublishPath('relative/shared.ics'))).message).toContain('absolute');
    expect((await errorOf(checkPublishPath(path.join(dir, 'missing', 'x.ics')))).code).toBe('INVALID_INPUT');
    expect(await checkPublishPath(file)).toBe(file);
  });
});
