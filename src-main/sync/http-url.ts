import { SyncError } from './types';

/**
 * Which sync server addresses Hearth talks to: https anywhere, plain http only to this machine (tokens and
 * envelopes would otherwise cross the network readable by anyone on the path).
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Parses and checks a server URL; the result always ends in '/' so paths join below it. */
export function checkBaseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new SyncError('BAD_REQUEST', 'The sync server address is not a valid URL.');
  }
  if (url.username || url.password) throw new SyncError('BAD_REQUEST', 'The sync server address must not contain a user name or password.');
  if (url.search || url.hash) throw new SyncError('BAD_REQUEST', 'The sync server address must not contain a query or fragment.');
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new SyncError(
      'BAD_REQUEST',
      'Plain http is only allowed to this computer (127.0.0.1 or localhost); use an https:// address for a remote sync server.',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SyncError('BAD_REQUEST', 'The sync server address must start with https://.');
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** `base` + an absolute API path ('/v1/…') + query parameters (undefined ones left out). */
export function joinUrl(base: URL, path: string, query?: Record<string, string | number | undefined>): URL {
  const url = new URL(path.replace(/^\//, ''), base);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url;
}
