import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSWORD, tempRoot, testCore } from '../test/helpers';
import { CONTENT_SECURITY_POLICY } from './csp';
import { createTestClock } from './test-clock';
import { MAX_BODY_BYTES, startWebHost, TOKEN_HEADER } from './web';

/** Raw HTTP so tests can send any Host and Origin header (fetch forbids changing Host). */
function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

async function host() {
  const bundle = tempRoot();
  writeFileSync(path.join(bundle, 'index.html'), '<!doctype html><title>Hearth</title>');
  mkdirSync(path.join(bundle, 'assets'));
  writeFileSync(path.join(bundle, 'assets', 'app.js'), 'console.log(1)');
  const outside = tempRoot();
  writeFileSync(path.join(outside, 'secret.txt'), 'outside');
  symlinkSync(path.join(outside, 'secret.txt'), path.join(bundle, 'assets', 'link.txt'));
  const core = testCore();
  const web = await startWebHost({ core, rendererDir: bundle, port: 0 });
  const port = Number(new URL(web.origin).port);
  const h = { Host: `127.0.0.1:${port}` };
  return {
    core,
    web,
    port,
    h,
    api: (channel: string, body: unknown, extra: Record<string, string> = {}) =>
      request(port, {
        method: 'POST',
        path: `/api/call/${channel}`,
        headers: { ...h, 'Content-Type': 'application/json', [TOKEN_HEADER]: web.token, ...extra },
        body: JSON.stringify(body),
      }),
  };
}

describe('host.web', () => {
  it('serves the renderer with the strict CSP header and prints a URL holding the token in the fragment', async () => {
    const { web, port, h } = await host();
    expect(web.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/#token=[A-Za-z0-9_-]{40,}$`));
    const res = await request(port, { path: '/', headers: h });
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect((await request(port, { path: '/assets/app.js', headers: h })).headers['content-type']).toContain('javascript');
    await web.close();
  });

  it('refuses paths that escape the bundle, including through symlinks', async () => {
    const { web, port, h } = await host();
    for (const p of ['/../secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fsecret.txt', '/assets/link.txt', '/assets/%00.js', '/assets\\..\\x']) {
      expect((await request(port, { path: p, headers: h })).status, p).toBe(404);
    }
    await web.close();
  });

  it('rejects foreign Host and Origin headers (DNS rebinding, cross-site calls)', async () => {
    const { web, port, api } = await host();
    expect((await request(port, { path: '/', headers: { Host: `evil.example:${port}` } })).status).toBe(403);
    expect((await api('profile:list', {}, { Host: 'attacker.test' })).status).toBe(403);
    expect((await api('profile:list', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('profile:list', {}, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await api('profile:list', {}, { Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    await web.close();
  });

  it('requires the per-launch token on every API call', async () => {
    const { web, port, h, api } = await host();
    expect((await request(port, { method: 'POST', path: '/api/call/profile:list', headers: h, body: '{}' })).status).toBe(401);
    expect((await api('profile:list', {}, { [TOKEN_HEADER]: 'x'.repeat(web.token.length) })).status).toBe(401);
    const ok = await api('profile:list', {});
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: [] });
    await web.close();
  });

  it('requires the per-launch token on the event stream too: no token or a wrong one gets 401 and no stream', async () => {
    const { web, port, h } = await host();
    /** Status and content type of GET /api/events; the stream itself never ends, so stop after the headers. */
    const events = (extra: Record<string, string>) =>
      new Promise<{ status: number; type: string }>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port, path: '/api/events', headers: { ...h, ...extra } }, (res) => {
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']) });
          req.destroy();
        });
        req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' ? undefined : reject(err)));
      });
    expect(await events({})).toEqual({ status: 401, type: expect.stringContaining('application/json') });
    expect(await events({ [TOKEN_HEADER]: 'x'.repeat(web.token.length) })).toEqual({ status: 401, type: expect.stringContaining('application/json') });
    expect(await events({ [TOKEN_HEADER]: web.token.slice(1) })).toEqual({ status: 401, type: expect.stringContaining('application/json') });
    expect(await events({ [TOKEN_HEADER]: web.token })).toEqual({ status: 200, type: 'text/event-stream' });
    await web.close();
  });

  it('accepts the fetch metadata a same-origin page sends and refuses same-site; localhost names the same origin', async () => {
    const { web, port, api } = await host();
    for (const site of ['same-origin', 'none']) expect((await api('profile:list', {}, { 'Sec-Fetch-Site': site })).status, site).toBe(200);
    // Another port on the same machine is "same-site": a different origin, so refused.
    expect((await api('profile:list', {}, { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await api('profile:list', {}, { Host: `localhost:${port}`, Origin: `http://localhost:${port}` })).status).toBe(200);
    expect((await api('profile:list', {}, { Origin: `https://127.0.0.1:${port}` })).status).toBe(403);
    await web.close();
  });

  it('routes only exact API paths and methods: no event stream, test hook or call through a look-alike', async () => {
    const { web, port, h } = await host();
    const t = { ...h, [TOKEN_HEADER]: web.token };
    const status = async (method: string, p: string) =>
      (await request(port, { method, path: p, headers: t, body: method === 'POST' ? '{}' : undefined })).status;
    expect(await status('GET', '/api/call/profile:list')).toBe(404);
    expect(await status('POST', '/api/events')).toBe(404);
    // Test hooks are off unless asked for.
    expect(await status('GET', '/api/test/clipboard')).toBe(404);
    expect(await status('POST', '/api/test/clock')).toBe(404);
    expect(await status('POST', '/api/x/api/call/profile:list')).toBe(404);
    expect(await status('POST', '/api/call/profile:list/extra')).toBe(404);
    // An empty body is "no input", not bad JSON.
    const empty = await request(port, { method: 'POST', path: '/api/call/profile:list', headers: t });
    expect({ status: empty.status, body: JSON.parse(empty.body) }).toEqual({ status: 200, body: { ok: true, value: [] } });
    // A declared body over the cap is refused before it is read.
    const big = await request(port, { method: 'POST', path: '/api/call/profile:list', headers: { ...t, 'Content-Length': String(MAX_BODY_BYTES + 1) } });
    expect(big.status).toBe(413);
    await web.close();
  });

  it('moves the core clock through POST /api/test/clock only with test hooks and a test clock', async () => {
    const bundle = tempRoot();
    writeFileSync(path.join(bundle, 'index.html'), '<!doctype html>');
    const clock = createTestClock();
    const core = testCore(undefined, { now: clock.now });
    const hooked = await startWebHost({ core, rendererDir: bundle, port: 0, testHooks: true, testClock: clock });
    const noClock = await startWebHost({ core, rendererDir: bundle, port: 0, testHooks: true });
    const post = async (web: typeof hooked, body: string, token = web.token) => {
      const port = Number(new URL(web.origin).port);
      const r = await request(port, { method: 'POST', path: '/api/test/clock', headers: { Host: `127.0.0.1:${port}`, [TOKEN_HEADER]: token }, body });
      return { status: r.status, body: JSON.parse(r.body) as unknown };
    };
    const at = Date.parse('2030-01-02T03:04:05Z');
    expect(await post(hooked, JSON.stringify({ nowMs: at }), 'wrong')).toMatchObject({ status: 401 });
    expect(await post(noClock, JSON.stringify({ nowMs: at }))).toMatchObject({ status: 404 });
    for (const bad of ['{}', '{"nowMs":"soon"}', '{"nowMs":-1}', 'not json']) expect((await post(hooked, bad)).status, bad).toBe(400);
    const moved = await post(hooked, JSON.stringify({ nowMs: at }));
    expect(moved.status).toBe(200);
    // The modules' clock moved with it (and keeps running from there).
    const seen = core.domainContext('app').now();
    expect(seen >= at && seen < at + 60_000).toBe(true);
    await hooked.close();
    await noClock.close();
  });

  it('answers HEAD with headers only, and marks files and API answers no-store', async () => {
    const { web, port, h, api } = await host();
    const head = await request(port, { method: 'HEAD', path: '/', headers: h });
    const get = await request(port, { path: '/', headers: h });
    expect([head.status, head.body]).toEqual([200, '']);
    expect(get.body).toContain('<title>Hearth</title>');
    for (const res of [head, get, await api('profile:list', {})]) expect(res.headers['cache-control']).toBe('no-store');
    await web.close();
  });

  it('answers every call with a typed Result: unknown op, bad JSON, bad input, locked', async () => {
    const { web, port, h, api } = await host();
    expect(JSON.parse((await api('nope:thing', {})).body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    const badJson = await request(port, { method: 'POST', path: '/api/call/profile:list', headers: { ...h, [TOKEN_HEADER]: web.token }, body: '{oops' });
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.parse((await api('profile:create', { name: '' })).body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.parse((await api('settings:get', {})).body)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    const created = JSON.parse((await api('profile:create', { name: 'Web', password: PASSWORD })).body) as { ok: boolean };
    expect(created.ok).toBe(true);
    expect(JSON.parse((await api('settings:get', {})).body)).toMatchObject({ ok: true, value: { theme: 'system' } });
    await web.close();
  });
});
