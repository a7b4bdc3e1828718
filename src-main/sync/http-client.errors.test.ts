import { createHash, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { caughtSyncError } from './sync-error.test-kit';
import type { Tokens } from '../../src-shared/sync/protocol';
import { freePort } from '../test/free-port';
import { createSyncHttpClient, type SyncSession } from './http-client';
import { checkBaseUrl } from './http-url';

/**
 * The client's parsing, errors, token refresh and blob handling against a tiny real HTTP server on 127.0.0.1 whose
 * answers each test scripts (including broken ones a real Hearth server never sends). The full protocol against the
 * real server is in http-client.test.ts.
 */

type Handler = (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) => void | Promise<void>;
interface Seen {
  method: string;
  path: string;
  auth: string | undefined;
  body: Buffer;
  contentType: string | undefined;
}

let server: http.Server;
let baseUrl: string;
const routes = new Map<string, Handler>();
const seen: Seen[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://x');
      seen.push({ method: req.method ?? '', path: url.pathname + url.search, auth: req.headers.authorization, body, contentType: req.headers['content-type'] });
      const h = routes.get(`${req.method} ${url.pathname}`);
      if (!h) return json(res, 404, { error: { code: 'NOT_FOUND', message: 'no route' } });
      void Promise.resolve(h(req, body, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  routes.clear();
  seen.length = 0;
});

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const tok = (n: string, expiresAt = Date.now() + 15 * 60_000): Tokens => ({
  accessToken: `access-${n}-${'a'.repeat(20)}`,
  refreshToken: `refresh-${n}-${'r'.repeat(20)}`,
  accessExpiresAt: expiresAt,
});
const session = (t: Tokens): SyncSession => ({ tokens: t, deviceId: randomUUID() });
const devicesBody = { devices: [] };

const caught = caughtSyncError;

describe('sync http client: addresses', () => {
  it('allows https anywhere and plain http only to this computer', () => {
    for (const ok of ['https://sync.example.org', 'https://sync.example.org/hearth/', 'http://127.0.0.1:8787', 'http://localhost:1', 'http://[::1]:8787/']) {
      expect(() => checkBaseUrl(ok)).not.toThrow();
    }
    for (const bad of [
      'http://sync.example.org',
      'http://10.0.0.2:8787',
      'http://127.0.0.1.nip.io',
      'ftp://127.0.0.1',
      'https://u:p@sync.example.org',
      'https://x.org/?a=1',
      'not a url',
    ]) {
      expect(() => createSyncHttpClient({ baseUrl: bad })).toThrow(expect.objectContaining({ name: 'SyncError', code: 'BAD_REQUEST' }));
    }
    expect(() => createSyncHttpClient({ baseUrl: 'http://sync.example.org' })).toThrow(/https:\/\//);
    expect(checkBaseUrl('https://x.org/hearth').href).toBe('https://x.org/hearth/');
  });
});

describe('sync http client: answers and errors', () => {
  it('maps ErrorResponse bodies to their code, message and status', async () => {
    routes.set('GET /v1/devices', (_q, _b, res) => json(res, 403, { error: { code: 'FORBIDDEN', message: 'Not yours.' } }));
    const e = await caught(createSyncHttpClient({ baseUrl, session: session(tok('1')) }).devices());
    expect(e).toMatchObject({ code: 'FORBIDDEN', message: 'Not yours.', status: 403 });
    expect(e.retryable).toBe(false);
  });

  it('falls back to the status when the body is not an ErrorResponse (a proxy page, a rate limiter)', async () => {
    const client = createSyncHttpClient({ baseUrl, session: session(tok('1')) });
    const cases: Array<[number, string]> = [
      [502, 'UNAVAILABLE'],
      [503, 'UNAVAILABLE'],
      [500, 'INTERNAL'],
      [429, 'RATE_LIMITED'],
      [423, 'LOCKED_OUT'],
      [413, 'TOO_LARGE'],
      [418, 'BAD_REQUEST'],
    ];
    for (const [status, code] of cases) {
      routes.set('GET /v1/devices', (_q, _b, res) => {
        res.writeHead(status, { 'content-type': 'text/html' });
        res.end('<html>oops</html>');
      });
      const e = await caught(client.devices());
      expect(e).toMatchObject({ code, status });
    }
    // /health answers 503 with a HealthResponse when a dependency is down; a proxy's 503 page is still UNAVAILABLE.
    routes.set('GET /health', (_q, _b, res) => json(res, 503, { ok: false, version: 1, database: false, blobs: true }));
    expect(await client.health()).toMatchObject({ ok: false, database: false });
    routes.set('GET /health', (_q, _b, res) => {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end('<html>maintenance</html>');
    });
    expect(await caught(client.health())).toMatchObject({ code: 'UNAVAILABLE', status: 503 });
    routes.set('GET /v1/devices', (_q, _b, res) => json(res, 429, { statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded' }));
    expect((await caught(client.devices())).retryable).toBe(true);
  });

  it('refuses a 2xx answer that does not match the protocol', async () => {
    const client = createSyncHttpClient({ baseUrl, session: session(tok('1')) });
    routes.set('GET /v1/devices', (_q, _b, res) => json(res, 200, { devices: [{ id: 'x' }] }));
    expect(await caught(client.devices())).toMatchObject({ code: 'BAD_REQUEST', status: 200 });
    routes.set('GET /v1/devices', (_q, _b, res) => json(res, 200, { ...devicesBody, extra: 1 }));
    expect((await caught(client.devices())).code).toBe('BAD_REQUEST');
    routes.set('GET /v1/devices', (_q, _b, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>a captive portal</html>');
    });
    expect((await caught(client.devices())).message).toMatch(/Hearth sync server/);
  });

  it('does not follow redirects (they could lead to plain http elsewhere)', async () => {
    routes.set('GET /v1/devices', (_q, _b, res) => {
      res.writeHead(302, { location: 'http://example.org/v1/devices' });
      res.end();
    });
    expect(await caught(createSyncHttpClient({ baseUrl, session: session(tok('1')) }).devices())).toMatchObject({ code: 'BAD_REQUEST', status: 302 });
    expect(seen).toHaveLength(1);
  });

  it('a refused connection and a silent server are NETWORK errors, worth retrying', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const e1 = await caught(createSyncHttpClient({ baseUrl: closed }).health());
    expect(e1.code).toBe('NETWORK');
    expect(e1.retryable).toBe(true);
    routes.set('GET /health', () => undefined); // never answers
    const t0 = Date.now();
    const e2 = await caught(createSyncHttpClient({ baseUrl, timeoutMs: 300 }).health());
    expect(e2.code).toBe('NETWORK');
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('checks requests before sending them, naming fields but never their values', async () => {
    const client = createSyncHttpClient({ baseUrl, session: session(tok('1')) });
    const secret = 'SECRET-VALUE-not-base64url!!';
    const e = await caught(client.signIn({ email: 'a@example.org', authSecret: secret, deviceName: 'Laptop' }));
    expect(e.code).toBe('BAD_REQUEST');
    expect(e.message).toContain('authSecret');
    expect(e.message).not.toContain(secret);
    expect((await caught(client.push(randomUUID(), []))).code).toBe('BAD_REQUEST');
    expect(seen).toHaveLength(0);
  });

  it('without a session, authenticated calls fail with UNAUTHORIZED and send nothing', async () => {
    expect((await caught(createSyncHttpClient({ baseUrl }).devices())).code).toBe('UNAUTHORIZED');
    expect(seen).toHaveLength(0);
  });
});

describe('sync http client: tokens', () => {
  /** A refresh endpoint that rotates: each refresh token works once. */
  function rotatingServer(opts: { lifetimeMs?: number; serverNow?: () => number } = {}) {
    const serverNow = opts.serverNow ?? Date.now;
    let n = 0;
    let valid = new Set<string>();
    let refreshes = 0;
    const issue = (): Tokens => {
      n += 1;
      const t = tok(`s${n}`, serverNow() + (opts.lifetimeMs ?? 15 * 60_000));
      valid = new Set([t.accessToken]);
      return t;
    };
    let currentRefresh = '';
    const first = issue();
    currentRefresh = first.refreshToken;
    routes.set('POST /v1/auth/refresh', (_q, body, res) => {
      refreshes += 1;
      const { refreshToken } = JSON.parse(body.toString()) as { refreshToken: string };
      if (refreshToken !== currentRefresh) return json(res, 401, { error: { code: 'UNAUTHORIZED', message: 'reused' } });
      const t = issue();
      currentRefresh = t.refreshToken;
      json(res, 200, { tokens: t }, { date: new Date(serverNow()).toUTCString() });
    });
    routes.set('GET /v1/devices', (req, _b, res) => {
      const bearer = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
      if (!valid.has(bearer)) return json(res, 401, { error: { code: 'UNAUTHORIZED', message: 'expired' } });
      json(res, 200, devicesBody);
    });
    return {
      first,
      refreshes: () => refreshes,
      expireAccess: () => (valid = new Set()),
    };
  }

  it('refreshes once on a 401, retries once, and hands the rotated tokens to onTokens', async () => {
    const srv = rotatingServer();
    const persisted: Tokens[] = [];
    const client = createSyncHttpClient({ baseUrl, session: session(srv.first), onTokens: (t) => void persisted.push(t) });
    await client.devices();
    expect(srv.refreshes()).toBe(0);
    srv.expireAccess();
    await client.devices();
    expect(srv.refreshes()).toBe(1);
    expect(persisted).toHaveLength(1);
    expect(client.session()?.tokens).toEqual(persisted[0]);
    expect(seen.filter((s) => s.path === '/v1/devices')).toHaveLength(3);
  });

  it('concurrent calls after expiry share one refresh (a second use of a rotated token would look like theft)', async () => {
    const srv = rotatingServer();
    const persisted: Tokens[] = [];
    const client = createSyncHttpClient({ baseUrl, session: session(srv.first), onTokens: (t) => void persisted.push(t) });
    srv.expireAccess();
    await Promise.all(Array.from({ length: 8 }, () => client.devices()));
    expect(srv.refreshes()).toBe(1);
    expect(persisted).toHaveLength(1);
  });

  it('refreshes before expiry instead of waiting for a 401', async () => {
    const srv = rotatingServer();
    let elapsed = 0;
    const client = createSyncHttpClient({ baseUrl, session: session(srv.first), now: () => Date.now() + elapsed });
    await client.devices();
    elapsed = 14.5 * 60_000; // the last minute of the 15-minute token
    await client.devices();
    expect(srv.refreshes()).toBe(1);
    expect(seen.map((s) => s.path)).toEqual(['/v1/devices', '/v1/auth/refresh', '/v1/devices']);
    // A short-lived token (a server configured for less) is refreshed in its last quarter, not on every call.
    const short = rotatingServer({ lifetimeMs: 20_000 });
    elapsed = 0;
    const c2 = createSyncHttpClient({ baseUrl, session: session(short.first), now: () => Date.now() + elapsed });
    await c2.devices();
    await c2.devices();
    expect(short.refreshes()).toBe(0);
    elapsed = 16_000;
    await c2.devices();
    expect(short.refreshes()).toBe(1);
  });

  it('an early refresh that fails on the network still uses the current, unexpired token', async () => {
    const t = tok('1', Date.now() + 30_000); // inside the refresh margin, not expired
    routes.set('POST /v1/auth/refresh', (req) => void req.socket.destroy());
    routes.set('GET /v1/devices', (_q, _b, res) => json(res, 200, devicesBody));
    const client = createSyncHttpClient({ baseUrl, session: session(t) });
    expect(await client.devices()).toEqual(devicesBody);
    expect(client.session()?.tokens).toEqual(t);
    expect(seen.find((s) => s.path === '/v1/devices')?.auth).toBe(`Bearer ${t.accessToken}`);
  });

  it('a 401 that survives the refresh is UNAUTHORIZED, after exactly one refresh and one retry', async () => {
    const srv = rotatingServer();
    routes.set('GET /v1/devices', (_q, _b, res) => json(res, 401, { error: { code: 'UNAUTHORIZED', message: 'revoked' } }));
    const e = await caught(createSyncHttpClient({ baseUrl, session: session(srv.first) }).devices());
    expect(e).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect(srv.refreshes()).toBe(1);
    expect(seen.filter((s) => s.path === '/v1/devices')).toHaveLength(2);
  });

  it('a refresh the server refuses ends the session: later calls fail at once without spending the auth rate limit', async () => {
    routes.set('POST /v1/auth/refresh', (_q, _b, res) => json(res, 401, { error: { code: 'UNAUTHORIZED', message: 'Session revoked' } }));
    routes.set('GET /v1/devices', (_q, _b, res) => json(res, 401, { error: { code: 'UNAUTHORIZED', message: 'expired' } }));
    const client = createSyncHttpClient({ baseUrl, session: session(tok('1')) });
    expect(await caught(client.devices())).toMatchObject({ code: 'UNAUTHORIZED', message: 'Session revoked' });
    expect(client.session()).toBeUndefined();
    const before = seen.length;
    expect((await caught(client.devices())).code).toBe('UNAUTHORIZED');
    expect(seen).toHaveLength(before);
  });

  it('a device clock two days ahead does not refresh on every call (the server’s Date header sets the lifetime)', async () => {
    const ahead = () => Date.now() + 2 * 24 * 3600_000;
    const srv = rotatingServer();
    const client = createSyncHttpClient({ baseUrl, session: session(srv.first), now: ahead });
    for (let i = 0; i < 4; i += 1) await client.devices();
    expect(srv.refreshes()).toBe(1);
  });

  it('a device clock two days behind still recovers through the 401 path', async () => {
    const behind = () => Date.now() - 2 * 24 * 3600_000;
    const srv = rotatingServer();
    const client = createSyncHttpClient({ baseUrl, session: session(srv.first), now: behind });
    await client.devices();
    srv.expireAccess();
    await client.devices();
    expect(srv.refreshes()).toBe(1);
  });

  it('sign-out forgets the session even when the server is unreachable', async () => {
    const client = createSyncHttpClient({ baseUrl: `http://127.0.0.1:${await freePort()}`, session: session(tok('1')) });
    expect((await caught(client.signOut())).code).toBe('NETWORK');
    expect(client.session()).toBeUndefined();
  });
});

describe('sync http client: blobs', () => {
  it('uploads bytes as octet-stream, checks HEAD, verifies downloads against the content address', async () => {
    const bytes = randomBytes(200_000);
    const id = createHash('sha256').update(bytes).digest('hex');
    const space = randomUUID();
    const stored = new Map<string, Buffer>();
    routes.set(`PUT /v1/blobs/${id}`, (_q, body, res) => {
      stored.set(id, body);
      res.writeHead(204);
      res.end();
    });
    routes.set(`HEAD /v1/blobs/${id}`, (_q, _b, res) => {
      res.writeHead(stored.has(id) ? 200 : 404);
      res.end();
    });
    routes.set(`GET /v1/blobs/${id}`, (_q, _b, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(stored.get(id));
    });
    const client = createSyncHttpClient({ baseUrl, session: session(tok('1')) });
    expect(await client.hasBlob(space, id)).toBe(false);
    await client.putBlob(space, id, bytes);
    expect(stored.get(id)?.equals(bytes)).toBe(true);
    expect(seen.find((s) => s.method === 'PUT')).toMatchObject({ contentType: 'application/octet-stream', path: `/v1/blobs/${id}?spaceId=${space}` });
    expect(await client.hasBlob(space, id)).toBe(true);
    expect((await client.getBlob(space, id)).equals(bytes)).toBe(true);
    const streamed: Buffer[] = [];
    for await (const c of await client.getBlobStream(space, id)) streamed.push(c as Buffer);
    expect(Buffer.concat(streamed).equals(bytes)).toBe(true);

    // A streamed upload (bounded memory on the client).
    stored.clear();
    await client.putBlobStream(space, id, Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), bytes.length);
    expect(stored.get(id)?.equals(bytes)).toBe(true);

    // A server handing back other bytes is caught, buffered or streamed.
    stored.set(id, randomBytes(100));
    expect((await caught(client.getBlob(space, id))).code).toBe('TAMPERED');
    await expect(text(await client.getBlobStream(space, id))).rejects.toMatchObject({ code: 'TAMPERED' });
    await expect(client.putBlob(space, id, randomBytes(10))).rejects.toThrow(RangeError);
    await expect(client.hasBlob(space, 'not-a-hash')).rejects.toThrow(RangeError);
  });

  it('a download cut off mid-way fails the stream with NETWORK instead of ending it early', async () => {
    const id = 'ab'.repeat(32);
    routes.set(`GET /v1/blobs/${id}`, (_q, _b, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '100000' });
      res.write(randomBytes(1000), () => res.destroy());
    });
    const client = createSyncHttpClient({ baseUrl, session: session(tok('1')) });
    await expect(text(await client.getBlobStream(randomUUID(), id))).rejects.toMatchObject({ name: 'SyncError', code: 'NETWORK' });
    expect((await caught(client.getBlob(randomUUID(), id))).code).toBe('NETWORK');
  });
});
