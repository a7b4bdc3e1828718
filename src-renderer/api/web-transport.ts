import { channelOf } from '../../src-shared/ipc/define';
import type { Result } from '../../src-shared/ipc/result';
import { isResult, transportFailure, type Transport } from './transport';

/** Header the browser-mode server checks on every /api request (src-main/host/web.ts). */
export const TOKEN_HEADER = 'x-hearth-token';
/** sessionStorage key: the token survives reloads of this tab (needed after lock) but not the tab. */
export const TOKEN_STORAGE_KEY = 'hearth.token';

export interface WebTransportOptions {
  token: string;
  fetch: typeof fetch;
  /** Origin of the server; '' means the page's own origin. */
  baseUrl?: string;
  /** Called after lock; the browser reloads the page so no state survives in memory. */
  reload?: () => void;
  /** First and maximum delay between event-stream reconnects. */
  reconnectMs?: { initial: number; max: number };
  sleep?: (ms: number) => Promise<void>;
}

type Listener = (payload: unknown) => void;

interface TokenSource {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * SECURITY: takes the per-launch token from `#token=` once, keeps it in sessionStorage (this tab
 * only) and removes it from the address bar so it does not linger in history or screenshots.
 */
export function takeToken(win: TokenSource): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(win.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    win.sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
    win.history.replaceState(win.history.state, '', `${win.location.pathname}${win.location.search}`);
    return token;
  }
  return win.sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Browser mode: `POST /api/call/<domain>:<op>` for calls, one shared `GET /api/events` stream for pushes. */
export function createWebTransport(opts: WebTransportOptions): Transport {
  const base = opts.baseUrl ?? '';
  const headers = { [TOKEN_HEADER]: opts.token };
  const stream = createEventStream(opts, `${base}/api/events`, headers);

  return {
    async call(domain, op, input) {
      let response: Response;
      try {
        response = await opts.fetch(`${base}/api/call/${channelOf(domain, op)}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          cache: 'no-store',
        });
      } catch {
        return transportFailure('Hearth is not reachable. Is `hearth serve` still running?');
      }
      return readResult(response);
    },
    listen: stream.listen,
    resetAfterLock: () => opts.reload?.(),
  };
}

async function readResult(response: Response): Promise<Result<unknown>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return transportFailure(`Hearth answered with an unreadable response (HTTP ${response.status}).`);
  }
  return isResult(body) ? body : transportFailure(`Hearth answered with an unexpected response (HTTP ${response.status}).`);
}

/**
 * One fetch-based event stream shared by all listeners (EventSource cannot send the token header).
 * Opens on the first listener, closes with the last one, and reconnects with backoff when dropped.
 */
function createEventStream(opts: WebTransportOptions, url: string, headers: Record<string, string>) {
  const listeners = new Map<string, Set<Listener>>();
  const sleep = opts.sleep ?? defaultSleep;
  const delays = opts.reconnectMs ?? { initial: 500, max: 10_000 };
  let controller: AbortController | null = null;

  const dispatch = (frame: string): void => {
    const data = frame
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart())
      .join('\n');
    if (!data) return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null || !('channel' in message) || typeof message.channel !== 'string') return;
    const payload = 'payload' in message ? message.payload : undefined;
    for (const listener of listeners.get(message.channel) ?? []) listener(payload);
  };

  const readOnce = async (signal: AbortSignal): Promise<boolean> => {
    const response = await opts.fetch(url, { headers, signal, cache: 'no-store' });
    if (!response.ok || !response.body) return false;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return true;
      buffer += value.replace(/\r\n/g, '\n');
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
  };

  const run = async (own: AbortController): Promise<void> => {
    let delay = delays.initial;
    while (!own.signal.aborted) {
      try {
        if (await readOnce(own.signal)) delay = delays.initial;
      } catch {
        // Dropped or refused: fall through to the backoff below.
      }
      if (own.signal.aborted) return;
      await sleep(delay);
      delay = Math.min(delay * 2, delays.max);
    }
  };

  return {
    listen(domain: string, event: string, listener: Listener): () => void {
      const channel = channelOf(domain, event);
      const set = listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(channel, set);
      if (!controller) {
        controller = new AbortController();
        void run(controller);
      }
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(channel);
        if (listeners.size === 0 && controller) {
          controller.abort();
          controller = null;
        }
      };
    },
  };
}
