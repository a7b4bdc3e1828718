import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../app/bootstrap';
import { log } from '../lib/log';
import { clipboardDigest, type MemoryClipboard } from '../lib/secret-clipboard';
import { BLOB_PATH } from '../blobs/blob-http';
import { SECURITY_HEADERS } from './csp';
import { handleBlobRequest } from './web-blobs';
import { resolveBundleFile } from './static-files';
import type { TestClock } from './test-clock';

/** Imports arrive base64-encoded inside JSON; this caps one request body. */
export const MAX_BODY_BYTES = 72 * 1024 * 1024;
export const TOKEN_HEADER = 'x-hearth-token';

export interface WebHostOptions {
  core: Core;
  rendererDir: string;
  port?: number;
  /** Per-launch secret; random when omitted. */
  token?: string;
  /**
   * Test-only (HEARTH_TEST_HOOKS=1): `GET /api/test/clipboard` returns the SHA-256 of what main last
   * copied, so end-to-end tests can observe a copy that never crossed to the renderer. Never the value.
   */
  testHooks?: boolean;
  /**
   * Test-only, with `testHooks`: the core's settable clock. `POST /api/test/clock {"nowMs": n}` moves it; schedulers
   * (calendar reminders) look at the clock at least every second while test hooks are on.
   */
  testClock?: TestClock;
}

export interface WebHost {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/**
 * Browser mode: the same router on 127.0.0.1, serving the same renderer. SECURITY: bound to loopback
 * only; Host and Origin must name this exact loopback origin (DNS rebinding, cross-site requests);
 * every API call carries the per-launch token, compared in constant time.
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const streams = new Set<http.ServerResponse>();
  let allowedHosts: Set<string> = new Set();

  const unsubscribe = opts.core.events.subscribe((channel, payload) => {
    const frame = `data: ${JSON.stringify({ channel, payload })}\n\n`;
    for (const res of streams) res.write(frame);
  });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.error('[web] request failed', err);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Hearth.' } });
      else res.end();
    });
  });

  const tokenOk = (req: http.IncomingMessage): boolean => {
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string') return false;
    const bytes = Buffer.from(given);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };

  const originOk = (req: http.IncomingMessage): boolean => {
    if (!allowedHosts.has(req.headers.host ?? '')) return false;
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) return false;
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!originOk(req)) return send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Forbidden host or origin.' } });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');

    if (url.pathname.startsWith('/api/')) {
      const blob = BLOB_PATH.exec(url.pathname);
      if (blob) return handleBlobRequest(req, res, opts.core.blobs(), blob[1]!, tokenOk(req));
      if (!tokenOk(req))
        return send(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong browser-mode token. Open the URL Hearth printed.' } });
      if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res);
      if (opts.testHooks && url.pathname === '/api/test/clipboard' && req.method === 'GET') {
        const last = 'lastCopied' in opts.core.clipboard ? (opts.core.clipboard as MemoryClipboard).lastCopied() : null;
        return send(res, 200, { ok: true, value: { sha256: last === null ? null : clipboardDigest(last).toString('hex') } });
      }
      if (opts.testHooks && opts.testClock && url.pathname === '/api/test/clock' && req.method === 'POST') return setTestClock(req, res, opts.testClock);
      const match = /^\/api\/call\/([a-zA-Z]+:[a-zA-Z]+)$/.exec(url.pathname);
      if (!match || req.method !== 'POST') return send(res, 404, { ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'Unknown API path.' } });
      const body = await readBody(req);
      if (body === 'too-large') return send(res, 413, { ok: false, error: { code: 'TOO_LARGE', message: 'Request too large.' } });
      let input: unknown;
      try {
        input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
      } catch {
        return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'The request body is not JSON.' } });
      }
      const result = await opts.core.router.dispatch(match[1]!, input, { transport: 'web' });
      return send(res, 200, result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: 'Method not allowed.' } });
    const found = await resolveBundleFile(opts.rendererDir, url.pathname);
    if (!found) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'Not found.' } });
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': found.mime, 'Cache-Control': 'no-store' });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(found.file).pipe(res);
  }

  async function setTestClock(req: http.IncomingMessage, res: http.ServerResponse, clock: TestClock): Promise<void> {
    const body = await readBody(req);
    let nowMs: unknown;
    try {
      nowMs = body === 'too-large' ? undefined : (JSON.parse(body.toString('utf8')) as { nowMs?: unknown }).nowMs;
    } catch {
      nowMs = undefined;
    }
    if (typeof nowMs !== 'number' || !Number.isSafeInteger(nowMs) || nowMs < 0)
      return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'Expected {"nowMs": <ms since the epoch>}.' } });
    clock.set(nowMs);
    return send(res, 200, { ok: true, value: { nowMs: clock.now() } });
  }

  function openEventStream(res: http.ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    close: async () => {
      unsubscribe();
      for (const res of streams) res.end();
      streams.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(json);
}

function readBody(req: http.IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      return resolve('too-large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        resolve('too-large');
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
