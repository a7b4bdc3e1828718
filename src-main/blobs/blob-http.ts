import { AppError } from '../../src-shared/ipc/result';
import { SECURITY_HEADERS } from '../host/csp';
import type { Download } from './blob-hub';

/** `/api/blob/<ticket>` on both front doors; the ticket is 43 base64url characters. */
export const BLOB_PATH = /^\/api\/blob\/([A-Za-z0-9_-]{43})$/;

/**
 * SECURITY: types a browser would run or render as a document are served as opaque bytes, so a stored
 * HTML or SVG file can never execute in the app's origin (with nosniff and the CSP on every response).
 */
const PASSIVE_PICTURES = /^image\/(png|jpeg|gif|webp|avif|bmp|tiff)$/;
const PASSIVE_OTHER = /^(application\/(pdf|json|zip)|text\/(plain|csv)|audio\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+)$/;
export const servedMime = (mime: string): string => (PASSIVE_PICTURES.test(mime) || PASSIVE_OTHER.test(mime) ? mime : 'application/octet-stream');

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 8187). */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline'): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function downloadHeaders(d: Download): Record<string, string> {
  const type = servedMime(d.mime);
  // An inline download is only honoured for pictures; anything else is an attachment whatever was asked.
  const disposition = d.disposition === 'inline' && type.startsWith('image/') ? 'inline' : 'attachment';
  return {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': String(d.size),
    'Content-Disposition': contentDisposition(d.name, disposition),
    'Cache-Control': 'no-store',
  };
}

/** HTTP status for a typed error on a blob request. */
export function statusOf(err: unknown): number {
  if (!(err instanceof AppError)) return 500;
  switch (err.code) {
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'TOO_LARGE':
      return 413;
    case 'LOCKED':
      return 423;
    case 'INVALID_INPUT':
      return 400;
    case 'DISK_FULL':
      return 507;
    default:
      return 500;
  }
}
