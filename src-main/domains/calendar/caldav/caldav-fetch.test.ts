import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/helpers';
import { checkServerUrl, guardedFetch } from './caldav-fetch';

/** The guard every CalDAV request goes through, against a real local HTTP server that misbehaves on purpose. */
describe('guardedFetch', () => {
  const seen: Array<{ url: string; auth: string | undefined }> = [];
  let server: http.Server;
  let base: URL;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push({ url: req.url!, auth: req.headers.authorization });
      if (req.url === '/401') return void res.writeHead(401).end();
      if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2000);
      if (req.url === '/redirect') return void res.writeHead(302, { location: '/elsewhere' }).end();
      if (req.url === '/huge') {
        res.writeHead(200, { 'content-type': 'text/xml' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < 4 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        return pump();
      }
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('adds Basic credentials itself and talks only to the server origin', async () => {
    const f = guardedFetch(base, 'ana', 'pä ss', 5000);
    expect(await (await f(new URL('/ok', base))).text()).toBe('ok');
    expect(seen.at(-1)).toEqual({ url: '/ok', auth: `Basic ${Buffer.from('ana:pä ss').toString('base64')}` });
    const before = seen.length;
    expect((await errorOf(f(`http://localhost:${base.port}/ok`))).code).toBe('FORBIDDEN');
    expect(seen.length).toBe(before);
  });

  it('does not follow redirects, maps 401 to WRONG_PASSWORD, times out, and refuses oversized answers', async () => {
    const f = guardedFetch(base, 'ana', 'x', 30_000, 1024 * 1024);
    const redirect = await f(new URL('/redirect', base));
    expect(redirect.status).toBe(302);
    expect(seen.some((s) => s.url === '/elsewhere')).toBe(false);
    expect((await errorOf(f(new URL('/401', base)))).code).toBe('WRONG_PASSWORD');
    expect((await errorOf(guardedFetch(base, 'ana', 'x', 300)(new URL('/slow', base)))).code).toBe('BUSY');
    const huge = await f(new URL('/huge', base));
    expect((await errorOf(huge.text())).code).toBe('TOO_LARGE');
  });

  it('accepts only http(s) server addresses without credentials in them', () => {
    expect(checkServerUrl(' https://dav.example.org/cal#x ').href).toBe('https://dav.example.org/cal');
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'https://ana:pw@dav.example.org/', 'not a url']) {
      expect(() => checkServerUrl(bad)).toThrow();
    }
  });
});
