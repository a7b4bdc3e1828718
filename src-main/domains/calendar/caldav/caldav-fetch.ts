import { AppError } from '../../../../src-shared/ipc/result';

/** One CalDAV request may take this long (a big calendar's first REPORT included) before it counts as unreachable. */
export const CALDAV_TIMEOUT_MS = 60_000;

/** SECURITY: the most one CalDAV response may hold (a whole calendar's multiget included); more is refused, not buffered. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

const isTimeout = (err: unknown): boolean => err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
const tooLarge = (max: number) => new AppError('TOO_LARGE', `The CalDAV server's answer is larger than ${max / 1024 / 1024} MiB.`);

/**
 * The body, read through a counter that stops past `max` bytes (a hostile server cannot make main buffer gigabytes);
 * a timeout or a broken connection while reading becomes a typed BUSY like one before the headers.
 */
function capped(res: Response, max: number, timeoutMs: number): Response {
  if (Number(res.headers.get('content-length') ?? '0') > max) throw tooLarge(max);
  if (!res.body || [204, 205, 304].includes(res.status)) return res;
  const reader = res.body.getReader();
  let seen = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        seen += value.byteLength;
        if (seen <= max) return controller.enqueue(value);
        await reader.cancel();
        controller.error(tooLarge(max));
      } catch (err) {
        controller.error(
          new AppError(
            'BUSY',
            isTimeout(err) ? `The CalDAV server did not answer within ${timeoutMs / 1000} s.` : 'The connection to the CalDAV server broke.',
          ),
        );
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

/** The server URL a person typed, checked: http(s) only, no credentials inside it, no fragment. */
export function checkServerUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('INVALID_INPUT', 'That is not a web address (expected https://…).', { issues: [{ path: 'serverUrl', message: 'Not a URL' }] });
  }
  // SECURITY: only http(s); file:, data:, javascript: and the like never reach fetch.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('INVALID_INPUT', 'A CalDAV server address starts with https:// (or http://).');
  // SECURITY: credentials belong in the vault and the Authorization header, never in a stored URL.
  if (url.username || url.password) throw new AppError('INVALID_INPUT', 'Put the user name and password in their own fields, not in the address.');
  url.hash = '';
  return url;
}

const urlOf = (input: string | URL | Request): URL => new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

/**
 * The fetch every tsdav call gets: same origin only, no redirects followed, a timeout, and the credentials added here.
 * SECURITY: tsdav never sees the password; a server (or a redirect it answers with, even during /.well-known
 * discovery) can never make Hearth send the Authorization header, or any request, to another origin.
 */
export function guardedFetch(server: URL, username: string, password: string, timeoutMs = CALDAV_TIMEOUT_MS, maxBytes = MAX_RESPONSE_BYTES): typeof fetch {
  const origin = server.origin;
  // SECURITY: Basic credentials live only in this closure and the Authorization header of same-origin requests.
  const authorization = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
  return async (input, init = {}) => {
    const url = urlOf(input as string | URL | Request);
    if (url.origin !== origin) {
      throw new AppError('FORBIDDEN', `The CalDAV server sent Hearth to another address (${url.origin}); Hearth only talks to ${origin}.`);
    }
    const headers = new Headers(init.headers);
    headers.set('Authorization', authorization);
    let res: Response;
    try {
      // SECURITY: redirect 'manual': a 3xx comes back as a response and is never followed with our credentials.
      res = await fetch(url, { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      const timeout = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      throw new AppError(
        'BUSY',
        timeout ? `The CalDAV server did not answer within ${timeoutMs / 1000} s.` : `Could not reach the CalDAV server at ${origin}.`,
      );
    }
    if (res.status === 401) {
      await res.body?.cancel();
      throw new AppError('WRONG_PASSWORD', 'The CalDAV server refused the user name or password.');
    }
    return capped(res, maxBytes, timeoutMs);
  };
}

/** tsdav reports some failures as plain Errors; ours (AppError) pass through, the rest become a typed UNSUPPORTED. */
export function asAppError(err: unknown, what: string): AppError {
  if (err instanceof AppError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new AppError('UNSUPPORTED', `${what}: ${detail.slice(0, 300)}`);
}
