import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/ipc/result';
import { createClient } from '../../src-shared/ipc/client';
import { createWebTransport, takeToken, TOKEN_HEADER, TOKEN_STORAGE_KEY } from './web-transport';

interface Recorded {
  url: string;
  init: RequestInit | undefined;
}

/** A fetch that answers from a table of `<path>` → JSON body (HTTP status 200 unless given). */
function fakeFetch(routes: Record<string, { status?: number; body: unknown } | (() => Response)>) {
  const requests: Recorded[] = [];
  const impl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    requests.push({ url, init });
    const route = routes[url];
    if (!route) throw new TypeError('Failed to fetch');
    if (typeof route === 'function') return route();
    return new Response(JSON.stringify(route.body), { status: route.status ?? 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: impl as typeof fetch, requests };
}

const headerOf = (init: RequestInit | undefined, name: string): string | undefined => (init?.headers as Record<string, string> | undefined)?.[name];

const profile = { id: '01JD0000000000000000000000', name: 'Home', createdAt: '2026-11-21T10:00:00.000Z' };

describe('api client over the web transport', () => {
  it('posts to /api/call/<domain>:<op> with the token header and returns the unwrapped value', async () => {
    const { fetch, requests } = fakeFetch({ '/api/call/profile:list': { body: { ok: true, value: [profile] } } });
    const api = createClient(createWebTransport({ token: 'secret-token', fetch }));

    await expect(api.profile.list()).resolves.toEqual([profile]);

    expect(requests).toHaveLength(1);
    expect(requests[0]?.init?.method).toBe('POST');
    expect(headerOf(requests[0]?.init, TOKEN_HEADER)).toBe('secret-token');
    expect(requests[0]?.init?.body).toBe('{}');
  });

  it('sends the input as the JSON body', async () => {
    const { fetch, requests } = fakeFetch({ '/api/call/profile:unlock': { body: { ok: true, value: profile } } });
    const api = createClient(createWebTransport({ token: 't', fetch }));

    await api.profile.unlock({ profileId: profile.id, password: 'correct horse' });

    expect(JSON.parse(String(requests[0]?.init?.body))).toEqual({ profileId: profile.id, password: 'correct horse' });
  });

  it('throws an AppError carrying the code, message and file of a failed Result', async () => {
    const error = { code: 'CORRUPT', message: 'keyring.json is damaged.', file: 'keyring.json' };
    const { fetch } = fakeFetch({ '/api/call/profile:unlock': { body: { ok: false, error } } });
    const api = createClient(createWebTransport({ token: 't', fetch }));

    const thrown = await api.profile.unlock({ profileId: profile.id, password: 'x' }).catch((e: unknown) => e);

    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'CORRUPT', message: 'keyring.json is damaged.', file: 'keyring.json' });
  });

  it('turns a 401 Result into a FORBIDDEN AppError', async () => {
    const { fetch } = fakeFetch({
      '/api/call/session:status': { status: 401, body: { ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong browser-mode token.' } } },
    });
    const api = createClient(createWebTransport({ token: '', fetch }));

    await expect(api.session.status()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reports an unreachable server or a non-Result body as INTERNAL', async () => {
    const { fetch } = fakeFetch({ '/api/call/session:status': () => new Response('<html>', { status: 502 }) });
    const api = createClient(createWebTransport({ token: 't', fetch }));

    await expect(api.session.status()).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(api.session.lock()).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('not reachable') });
  });

  it('delivers events from the shared stream to the matching onX listeners', async () => {
    const frames = [
      ': connected\n\n',
      'data: {"channel":"session:autoLockWarning","payload":{"secondsLeft":30}}\n\n',
      'data: {"channel":"session:locked",',
      '"payload":{"reason":"idle"}}\n\n',
    ];
    const encoder = new TextEncoder();
    const { fetch, requests } = fakeFetch({
      '/api/events': () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              for (const f of frames) controller.enqueue(encoder.encode(f));
            },
          }),
          { status: 200, headers: { 'content-type': 'text/event-stream' } },
        ),
    });
    const api = createClient(createWebTransport({ token: 'tok', fetch, sleep: () => new Promise(() => undefined) }));
    const locked: unknown[] = [];
    const warnings: unknown[] = [];

    const stopLocked = api.session.onLocked((p) => locked.push(p));
    const stopWarning = api.session.onAutoLockWarning((p) => warnings.push(p));
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(requests.filter((r) => r.url === '/api/events')).toHaveLength(1);
    expect(headerOf(requests[0]?.init, TOKEN_HEADER)).toBe('tok');
    expect(warnings).toEqual([{ secondsLeft: 30 }]);
    expect(locked).toEqual([{ reason: 'idle' }]);
    stopLocked();
    stopWarning();
  });

  it('reconnects the event stream after it drops', async () => {
    let opened = 0;
    const { fetch } = fakeFetch({
      '/api/events': () => {
        opened += 1;
        return new Response(`data: {"channel":"session:locked","payload":{"reason":"user"}}\n\n`, { status: 200 });
      },
    });
    const api = createClient(createWebTransport({ token: 't', fetch, reconnectMs: { initial: 1, max: 2 } }));
    const seen: unknown[] = [];
    const stop = api.session.onLocked((p) => seen.push(p));
    await new Promise((resolve) => setTimeout(resolve, 40));
    stop();

    expect(opened).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBe(opened);
  });
});

describe('takeToken', () => {
  it('reads #token= once, keeps it for this tab and removes it from the address bar', () => {
    const stored = new Map<string, string>();
    let replaced: string | null = null;
    const win = {
      location: { hash: '#token=abc%2Ddef', pathname: '/', search: '' },
      history: { state: null, replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void (replaced = String(url)) },
      sessionStorage: { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) },
    };

    expect(takeToken(win)).toBe('abc-def');
    expect(stored.get(TOKEN_STORAGE_KEY)).toBe('abc-def');
    expect(replaced).toBe('/');

    win.location.hash = '';
    expect(takeToken(win)).toBe('abc-def');
  });
});
