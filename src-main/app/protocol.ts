import { promises as fs } from 'node:fs';
import type { Session } from 'electron';
import { BLOB_PATH } from '../blobs/blob-http';
import { SECURITY_HEADERS } from '../host/csp';
import type { BlobGateway } from '../host/web-blobs';
import { resolveBundleFile } from '../host/static-files';
import { log } from '../lib/log';
import { handleBlobProtocol, type AppBlobRequest } from './protocol-blobs';

/** The renderer is served from `app://bundle/…`, never from file:// (docs/security.md#electron-hardening). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The origin of a URL as a string, or null if it does not parse. SECURITY: Node's URL (used in main)
 * gives every non-special scheme an opaque origin, so `new URL('app://bundle/').origin === 'null'`
 * (checked on Node 20). For app: we build `scheme://host` from the parsed parts ourselves, as Chromium
 * does for a registered standard scheme; credentials make the URL suspect and yield null. Never compare
 * URLs with startsWith.
 */
export function urlOrigin(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === `${APP_SCHEME}:`) return url.host === '' ? null : `${APP_SCHEME}://${url.host}`;
  return url.origin === 'null' ? null : url.origin;
}

/** True only for URLs on our own `app://bundle` origin (exact host, no port, no credentials). */
export const isAppOrigin = (raw: string): boolean => urlOrigin(raw) === APP_ORIGIN;

/** The parts of a protocol request the handler reads (Electron passes a fetch `Request`). */
export interface AppRequest extends AppBlobRequest {
  readonly url: string;
  readonly method: string;
}

function respond(status: number, body: Uint8Array | string | null, contentType: string): Response {
  // SECURITY: CSP and the other security headers go on every response, errors included.
  const headers = { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-store' };
  const payload = typeof body === 'string' || body === null ? body : new Uint8Array(body);
  return new Response(payload, { status, headers });
}

const notFound = (): Response => respond(404, 'Not found', 'text/plain; charset=utf-8');

/**
 * Serves one app:// request from the renderer bundle (or a stored file for `/api/blob/<ticket>`, protocol-blobs.ts).
 * Anything that is not GET/HEAD on app://bundle, or that resolves outside `bundleDir` (`..`, encoded
 * separators, symlinks), is refused.
 */
export async function handleAppRequest(request: AppRequest, bundleDir: string, blobs?: () => BlobGateway | undefined): Promise<Response> {
  // SECURITY: only our own host; app://other/… is a different origin and gets nothing.
  if (!isAppOrigin(request.url)) return notFound();
  const blob = BLOB_PATH.exec(new URL(request.url).pathname);
  const gateway = blob ? blobs?.() : undefined;
  if (blob && gateway) return handleBlobProtocol(request, blob[1]!, gateway);
  if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method not allowed', 'text/plain; charset=utf-8');
  try {
    const found = await resolveBundleFile(bundleDir, new URL(request.url).pathname);
    if (!found) return notFound();
    if (request.method === 'HEAD') return respond(200, null, found.mime);
    return respond(200, await fs.readFile(found.file), found.mime);
  } catch (err) {
    log.error('[protocol] app:// request failed', err);
    return respond(500, 'Internal error', 'text/plain; charset=utf-8');
  }
}

/**
 * Registers the app:// handler on a session. The scheme itself must already be registered as privileged
 * (standard, secure, supportFetchAPI; never bypassCSP or corsEnabled) before `ready`, in main.ts.
 */
export function registerAppProtocol(session: Pick<Session, 'protocol'>, bundleDir: string, blobs?: () => BlobGateway | undefined): void {
  session.protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, bundleDir, blobs));
}
