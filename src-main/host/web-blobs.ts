import type http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../src-shared/ipc/result';
import { downloadHeaders, statusOf } from '../blobs/blob-http';
import type { BlobHub } from '../blobs/blob-hub';
import { toAppError } from '../ipc/router';
import { SECURITY_HEADERS } from './csp';

export type BlobGateway = Pick<BlobHub, 'download' | 'upload'>;

/**
 * Browser mode's file door: `GET /api/blob/<ticket>` streams a stored file out, `POST /api/blob/<ticket>`
 * streams one in (raw bytes, capped by the ticket). SECURITY: Host/Origin were checked before this runs.
 * POST needs the per-launch token like /api/call. GET needs the token too, except when the browser itself
 * says the request comes from our own page (`Sec-Fetch-Site: same-origin`, which no web page can forge),
 * so `<img src>` and `<a download>` work without putting the token in a URL; the 256-bit, short-lived,
 * single-blob ticket is then the capability (docs/security.md#blob-tickets).
 */
export async function handleBlobRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  blobs: BlobGateway,
  ticket: string,
  tokenOk: boolean,
): Promise<void> {
  const sameOrigin = req.headers['sec-fetch-site'] === 'same-origin';
  try {
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (!tokenOk && !sameOrigin) throw new AppError('FORBIDDEN', 'Missing or wrong browser-mode token. Open the URL Hearth printed.');
      const download = await blobs.download(ticket);
      res.writeHead(200, downloadHeaders(download));
      if (req.method === 'HEAD') {
        download.stream.destroy();
        return void res.end();
      }
      // A damaged chunk mid-file destroys the response: the client sees a short, failed transfer, never a silently cut file.
      await pipeline(download.stream, res).catch(() => res.destroy());
      return;
    }
    if (req.method === 'POST') {
      if (!tokenOk) throw new AppError('FORBIDDEN', 'Missing or wrong browser-mode token. Open the URL Hearth printed.');
      const declared = Number(req.headers['content-length'] ?? NaN);
      const uploaded = await blobs.upload(ticket, req, Number.isFinite(declared) ? declared : undefined);
      return sendJson(res, 200, { ok: true, value: uploaded });
    }
    return sendJson(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: 'Method not allowed.' } });
  } catch (err) {
    const error = toAppError(err, 'blob request');
    // 401 for a missing token (as /api/call answers), 403 for a bad ticket.
    const status = error.code === 'FORBIDDEN' && !tokenOk && !(req.method === 'GET' && sameOrigin) ? 401 : statusOf(error);
    if (res.headersSent) return void res.destroy();
    sendJson(res, status, { ok: false, error: error.toJSON() }, req.method === 'POST');
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, close = false): void {
  const headers: Record<string, string> = { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
  // An upload refused before its end: close the connection rather than read the rest of a large body.
  if (close && status !== 200) headers.Connection = 'close';
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
}
