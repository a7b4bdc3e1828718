import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { blobsContract } from '../../src-shared/domains/blobs/blobs.contract';
import { moduleList } from '../app/modules';
import { createCore } from '../app/bootstrap';
import { blobHubFor, blobsModuleWith } from '../blobs/blobs.module';
import type { BlobHub } from '../blobs/blob-hub';
import { KDF_FLOOR } from '../crypto/kdf';
import { defineModule } from '../platform/module';
import { PASSWORD, RESOURCES_DIR, tempRoot } from '../test/helpers';
import { startWebHost, TOKEN_HEADER } from './web';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Raw HTTP with a streamed body (`body` may be a generator of chunks), collecting the reply. */
interface Req {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | (() => Iterable<Buffer>);
}

function request(port: number, opts: Req): Promise<Reply> {
  return new Promise<Reply>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (typeof opts.body === 'function') pipeline(Readable.from(opts.body()), req).catch(() => undefined);
    else req.end(opts.body);
  });
}

/** The real core (every module plus `blobs`, real SQLCipher, real files) behind the real web host, unlocked. */
async function served() {
  const clock = { ms: Date.now() };
  let hub: BlobHub | undefined;
  const blobsModule = defineModule({ contract: blobsContract, load: async () => blobsModuleWith((ctx) => (hub ??= blobHubFor(ctx))) });
  // Until the module list and bootstrap carry `blobs` themselves, the test adds the module and the hub.
  const list = moduleList();
  const wired = list.some((m) => m.contract.name === 'blobs');
  const core = createCore({
    root: tempRoot(),
    transport: 'web',
    version: '0.0.0-test',
    kdfCost: KDF_FLOOR,
    validateOutput: true,
    resourcesDir: RESOURCES_DIR,
    modules: wired ? list : [...list, blobsModule],
    now: () => clock.ms,
  });
  if (!wired) Object.assign(core, { blobs: (): BlobHub => (hub ??= blobHubFor(core.domainContext('blobs'))) });
  const blobs = (core as unknown as { blobs(): BlobHub }).blobs;
  afterEach(() => core.shutdown());
  const web = await startWebHost({ core: core as typeof core & { blobs: typeof blobs }, rendererDir: tempRoot(), port: 0 });
  afterEach(() => web.close());
  const port = Number(new URL(web.origin).port);
  const h = { Host: `127.0.0.1:${port}` };
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const headers = { ...h, 'Content-Type': 'application/json', [TOKEN_HEADER]: web.token };
    const res = await request(port, { method: 'POST', path: `/api/call/${channel}`, headers, body: Buffer.from(JSON.stringify(input)) });
    const parsed = JSON.parse(res.body.toString()) as { ok: boolean; value: T; error?: unknown };
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    return parsed.value;
  };
  await call('profile:create', { name: 'Files', password: PASSWORD });
  const upload = async (body: Buffer | (() => Iterable<Buffer>), extra: Record<string, string> = {}, maxBytes?: number) => {
    const t = await call<{ url: string }>('blobs:uploadTicket', maxBytes ? { maxBytes } : {});
    return request(port, { method: 'POST', path: t.url, headers: { ...h, [TOKEN_HEADER]: web.token, ...extra }, body });
  };
  return { core, web, port, h, call, upload, clock, blobs };
}

interface Stored {
  id: string;
  size: number;
  mime: string;
  thumbnailId: string | null;
}
const json = (r: Reply) => JSON.parse(r.body.toString()) as { ok: boolean; value: Stored; error: { code: string } };

describe('browser mode file streaming (/api/blob)', () => {
  it('uploads and downloads a file through real HTTP with the token; no token is refused', async () => {
    const { port, h, web, call, upload } = await served();
    const bytes = randomBytes(300_000);
    const up = await upload(bytes);
    expect(up.status).toBe(200);
    const stored = json(up).value;
    expect(stored).toMatchObject({ size: 300_000, mime: 'application/octet-stream', thumbnailId: null });

    const t = await call<{ url: string; ticket: string }>('blobs:ticket', { blobId: stored.id, name: 'données.bin' });
    expect(t.url).toBe(`/api/blob/${t.ticket}`);
    const down = await request(port, { path: t.url, headers: { ...h, [TOKEN_HEADER]: web.token } });
    expect(down.status).toBe(200);
    expect(down.body.equals(bytes)).toBe(true);
    expect(down.headers['content-type']).toBe('application/octet-stream');
    expect(down.headers['content-length']).toBe('300000');
    expect(down.headers['content-disposition']).toBe(`attachment; filename="donn_es.bin"; filename*=UTF-8''donn%C3%A9es.bin`);
    expect(down.headers['x-content-type-options']).toBe('nosniff');

    // No token: 401 for a plain client; the browser's own page (Sec-Fetch-Site: same-origin) may use the ticket alone.
    expect((await request(port, { path: t.url, headers: h })).status).toBe(401);
    expect((await request(port, { path: t.url, headers: { ...h, [TOKEN_HEADER]: 'x'.repeat(web.token.length) } })).status).toBe(401);
    expect((await request(port, { path: t.url, headers: { ...h, 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    expect((await request(port, { path: t.url, headers: { ...h, 'Sec-Fetch-Site': 'same-origin' } })).body.equals(bytes)).toBe(true);
    // Upload without the token: 401, and the ticket is not used up by the refused attempt.
    const ut = await call<{ url: string }>('blobs:uploadTicket', {});
    expect((await request(port, { method: 'POST', path: ut.url, headers: { ...h, 'Sec-Fetch-Site': 'same-origin' }, body: bytes })).status).toBe(401);
    expect((await request(port, { method: 'POST', path: ut.url, headers: { ...h, [TOKEN_HEADER]: web.token }, body: bytes })).status).toBe(200);
  });

  it('sniffs an upload by content and makes its thumbnail; the thumbnail is served inline', async () => {
    const sharp = (await import('sharp')).default;
    const { port, h, web, call, upload } = await served();
    const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#246' } })
      .png()
      .toBuffer();
    const stored = json(await upload(png, { 'Content-Type': 'text/plain' })).value;
    expect(stored.mime).toBe('image/png');
    expect(stored.thumbnailId).toMatch(/^[0-9a-f]{64}$/);
    const t = await call<{ url: string }>('blobs:ticket', { blobId: stored.thumbnailId, name: 'preview.webp', disposition: 'inline' });
    const thumb = await request(port, { path: t.url, headers: { ...h, [TOKEN_HEADER]: web.token } });
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.headers['content-disposition']).toMatch(/^inline;/);
    const meta = await sharp(thumb.body).metadata();
    expect([meta.width, meta.height]).toEqual([256, 171]);
  });

  it('refuses misuse: a used upload ticket, an unknown or expired ticket, a download ticket for upload, tickets after lock', async () => {
    const { port, h, web, call, upload, clock } = await served();
    const auth = { ...h, [TOKEN_HEADER]: web.token };
    const ut = await call<{ url: string }>('blobs:uploadTicket', {});
    expect((await request(port, { method: 'POST', path: ut.url, headers: auth, body: Buffer.from('once') })).status).toBe(200);
    const again = await request(port, { method: 'POST', path: ut.url, headers: auth, body: Buffer.from('twice') });
    expect(again.status).toBe(403);
    expect(json(again).error.code).toBe('FORBIDDEN');

    const stored = json(await upload(Buffer.from('hello'))).value;
    const t = await call<{ url: string }>('blobs:ticket', { blobId: stored.id });
    expect((await request(port, { path: `/api/blob/${'A'.repeat(43)}`, headers: auth })).status).toBe(403);
    // A download ticket cannot upload (and a wrong-kind attempt does not burn it).
    expect((await request(port, { method: 'POST', path: t.url, headers: auth, body: Buffer.from('x') })).status).toBe(403);
    expect((await request(port, { path: t.url, headers: auth })).status).toBe(200);
    clock.ms += 11 * 60 * 1000;
    expect((await request(port, { path: t.url, headers: auth })).status).toBe(403);

    const fresh = await call<{ url: string }>('blobs:ticket', { blobId: stored.id });
    await call('session:lock', {});
    expect((await request(port, { path: fresh.url, headers: auth })).status).toBe(403);
    expect((await call<{ unlocked: boolean }>('session:status', {})).unlocked).toBe(false);
  });

  it('caps an upload at its ticket: a declared oversize body gets 413 and nothing is stored', async () => {
    const { upload, core } = await served();
    const declared = await upload(randomBytes(2000), {}, 1000);
    expect(declared.status).toBe(413);
    expect(json(declared).error.code).toBe('TOO_LARGE');
    // A chunked body (no Content-Length) is cut off when it passes the cap.
    const parts = function* () {
      for (let i = 0; i < 20; i++) yield randomBytes(1000);
    };
    const chunked = await upload(parts, { 'Transfer-Encoding': 'chunked' }, 5000).catch((err: Error) => err);
    if (!(chunked instanceof Error)) expect(chunked.status).toBe(413);
    const rows = await core.profiles.current().db.selectFrom('blobs').select('id').execute();
    expect(rows).toEqual([]);
  });

  it('streams a 256 MiB upload and download with bounded memory (RSS growth < 128 MiB)', async () => {
    const { port, h, web, call, upload } = await served();
    const MIB = 256;
    const inHash = createHash('sha256');
    const block = Buffer.alloc(1 << 20);
    let peak = 0;
    const base = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - base)), 20);
    const started = performance.now();
    const up = await upload(
      function* () {
        for (let i = 0; i < MIB; i++) {
          block.fill(i & 0xff);
          block.writeUInt32BE(i, 0);
          inHash.update(block);
          yield Buffer.from(block);
        }
      },
      { 'Content-Length': String(MIB << 20) },
      MIB << 20,
    );
    const upMs = performance.now() - started;
    expect(up.status).toBe(200);
    const stored = json(up).value;
    expect(stored.size).toBe(MIB << 20);

    const t = await call<{ url: string }>('blobs:ticket', { blobId: stored.id });
    const outHash = createHash('sha256');
    let received = 0;
    const downStarted = performance.now();
    await new Promise<void>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: t.url, headers: { ...h, [TOKEN_HEADER]: web.token } }, (res) => {
          res.on('data', (c: Buffer) => {
            outHash.update(c);
            received += c.length;
          });
          res.on('end', resolve);
          res.on('error', reject);
        })
        .on('error', reject);
    });
    const downMs = performance.now() - downStarted;
    clearInterval(sampler);
    const rate = (ms: number): string => (MIB / (ms / 1000)).toFixed(0);
    console.log(`[web-blobs] ${MIB} MiB up ${rate(upMs)} MiB/s, down ${rate(downMs)} MiB/s, RSS growth peak ${(peak / 2 ** 20).toFixed(0)} MiB`);
    expect(received).toBe(MIB << 20);
    expect(outHash.digest('hex')).toBe(inHash.digest('hex'));
    expect(peak).toBeLessThan(128 * 2 ** 20);
  }, 180_000);
});
