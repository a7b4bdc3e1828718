import { formatMiB, MiB } from '../../../src-shared/lib/limits';
import { AppError } from '../../../src-shared/ipc/result';

/** SECURITY: what one subscription download may cost: 20 MiB of (decoded) body, 30 s in all, 5 redirects. */
export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
}
export const SUBSCRIPTION_LIMITS: Readonly<FetchLimits> = { maxBytes: 20 * MiB, timeoutMs: 30_000, maxRedirects: 5 };

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}
export type FetchResult = { status: 'unchanged' } | { status: 'ok'; text: Uint8Array; etag: string | null; lastModified: string | null };

/**
 * A subscription URL as Hearth fetches it: webcal(s):// is https (the scheme only says "open in a calendar app"),
 * http(s) pass; anything else (file:, data:, ftp:) is refused, as is a URL carrying a user name or password.
 */
export function subscriptionUrl(raw: string): URL {
  const trimmed = raw.trim().replace(/^webcals?:\/\//i, 'https://');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new AppError('INVALID_INPUT', 'That is not a web address. Use an http, https or webcal URL.');
  }
  // SECURITY: only the web; never a local file or another scheme a fetch implementation might support.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('INVALID_INPUT', 'Only http, https and webcal addresses can be subscribed to.');
  // SECURITY: credentials in a URL would be stored in clear and sent along; a subscription is a public feed.
  if (url.username || url.password) throw new AppError('INVALID_INPUT', 'A subscription address must not contain a user name or password.');
  url.hash = '';
  return url;
}

/** Reads the body, stopping as soon as it passes the cap (a declared Content-Length over it is refused before reading). */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  const tooLarge = () => new AppError('TOO_LARGE', `The calendar at this address is larger than ${formatMiB(maxBytes)}.`);
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw tooLarge();
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  if (res.body) {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      if (total > maxBytes) throw tooLarge();
      parts.push(chunk);
    }
  }
  return Buffer.concat(parts, total);
}

/**
 * GET with the stored validators (If-None-Match, If-Modified-Since): 304 → unchanged. Redirects are followed by hand so
 * each hop is checked like the first. SECURITY: no cookies, no credentials, no referrer; one overall deadline.
 */
export async function fetchCalendar(url: URL, validators: Validators, limits: Readonly<FetchLimits> = SUBSCRIPTION_LIMITS): Promise<FetchResult> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = { Accept: 'text/calendar, */*;q=0.5', 'User-Agent': 'Hearth calendar' };
      if (validators.etag) headers['If-None-Match'] = validators.etag;
      if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
      const res = await fetch(current, { headers, redirect: 'manual', credentials: 'omit', referrerPolicy: 'no-referrer', signal });
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        await res.body?.cancel();
        const location = res.headers.get('location');
        if (!location) throw new AppError('INVALID_INPUT', `The server answered ${res.status} without saying where to go.`);
        if (hop >= limits.maxRedirects) throw new AppError('INVALID_INPUT', `The address redirected more than ${limits.maxRedirects} times.`);
        current = subscriptionUrl(new URL(location, current).toString());
        continue;
      }
      if (res.status === 304) {
        await res.body?.cancel();
        return { status: 'unchanged' };
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new AppError('NOT_FOUND', `The server answered ${res.status} ${res.statusText}`.trim() + '.');
      }
      const text = await readCapped(res, limits.maxBytes);
      return { status: 'ok', text, etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (signal.aborted) throw new AppError('BUSY', `The server did not answer within ${limits.timeoutMs / 1000} s.`);
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    throw new AppError('NOT_FOUND', `Could not reach the server${cause ? ` (${cause})` : ''}.`);
  }
}
