import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { handleAppRequest, isAppOrigin, registerAppProtocol, urlOrigin } from './protocol';

let root: string;
let bundle: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'hearth-protocol-'));
  bundle = path.join(root, 'renderer');
  mkdirSync(path.join(bundle, 'assets'), { recursive: true });
  writeFileSync(path.join(bundle, 'index.html'), '<!doctype html><title>Hearth</title>');
  writeFileSync(path.join(bundle, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(bundle, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(root, 'secret.txt'), 'outside the bundle');
  symlinkSync(path.join(root, 'secret.txt'), path.join(bundle, 'link.txt'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handleAppRequest({ url, method }, bundle);

describe('app:// handler', () => {
  it.each([
    ['app://bundle/index.html', 'text/html; charset=utf-8', '<!doctype html>'],
    ['app://bundle/', 'text/html; charset=utf-8', '<!doctype html>'],
    ['app://bundle/assets/app.js', 'text/javascript; charset=utf-8', 'console.log'],
    ['app://bundle/assets/app.css', 'text/css; charset=utf-8', 'body'],
  ])('serves %s as %s with the CSP header', async (url, mime, start) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(mime);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/assets%5c..%5c..%5csecret.txt',
    'app://bundle/link.txt',
    'app://bundle/index.html%00.js',
    'app://bundle/missing.js',
    'app://bundle/assets',
    'app://other/index.html',
    'app://bundle:99/index.html',
    'app://user@bundle/index.html',
    'https://bundle/index.html',
  ])('refuses %s with 404 and still sends the CSP', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).not.toContain('outside the bundle');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://bundle/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('app://bundle/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('accepts a fetch Request, as Electron passes it', async () => {
    const res = await handleAppRequest(new Request('app://bundle/index.html'), bundle);
    expect(res.status).toBe(200);
  });

  it('registers on the given session under the app scheme', async () => {
    let scheme = '';
    let handler: ((r: Request) => Promise<Response> | Response) | undefined;
    const protocol = { handle: (s: string, h: (r: Request) => Promise<Response> | Response) => ((scheme = s), (handler = h)) };
    registerAppProtocol({ protocol } as unknown as Parameters<typeof registerAppProtocol>[0], bundle);
    expect(scheme).toBe('app');
    expect((await handler!(new Request('app://bundle/index.html'))).status).toBe(200);
  });
});

describe('urlOrigin', () => {
  it('gives app://bundle for our URLs, unlike Node’s URL.origin', () => {
    expect(new URL('app://bundle/index.html').origin).toBe('null');
    expect(urlOrigin('app://bundle/index.html')).toBe('app://bundle');
    expect(isAppOrigin('app://bundle/x/y?z#w')).toBe(true);
  });

  it('keeps special-scheme origins and rejects the rest', () => {
    expect(urlOrigin('https://example.com/a')).toBe('https://example.com');
    expect(urlOrigin('about:blank')).toBeNull();
    expect(urlOrigin('garbage')).toBeNull();
    expect(urlOrigin('app://u:p@bundle/')).toBeNull();
    expect(isAppOrigin('app://bundle.evil.com/')).toBe(false);
  });
});
