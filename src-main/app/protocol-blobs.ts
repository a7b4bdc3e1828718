import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { downloadHeaders, statusOf } from '../blobs/blob-http';
import { SECURITY_HEADERS } from '../host/csp';
import type { BlobGateway } from '../host/web-blobs';
import { toAppError } from '../ipc/router';

/** A protocol request with the parts a file upload needs (Electron passes a fetch `Request`). */
export interface AppBlobRequest {
  readonly url: string;
  readonly method: string;
  readonly headers?: { get(name: string): string | null };
  readonly body?: ReadableStream<Uint8Array> | null;
}

/**
 * The desktop app's file door: `app://bundle/api/blob/<ticket>`, the same path and tickets as browser mode.
 * GET streams the decrypted file out as the response body; POST streams the request body in. SECURITY:
 * only pages on app://bundle (our renderer) can reach this scheme, and the ticket (minted by an op through
 * the sender-checked IPC) is the capability; no bytes cross IPC.
 */
export async function handleBlobProtocol(request: AppBlobRequest, ticket: string, blobs: BlobGateway): Promise<Response> {
  try {
    if (request.method === 'GET' || request.method === 'HEAD') {
      const download = await blobs.download(ticket);
      if (request.method === 'HEAD') {
        download.stream.destroy();
        return new Response(null, { status: 200, headers: downloadHeaders(download) });
      }
      return new Response(Readable.toWeb(download.stream) as ReadableStream<Uint8Array>, { status: 200, headers: downloadHeaders(download) });
    }
    if (request.method === 'POST') {
      if (!request.body) return json(400, { ok: false, error: { code: 'INVALID_INPUT', message: 'The upload has no body.' } });
      const declared = Number(request.headers?.get('content-length') ?? NaN);
      const body = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
      const uploaded = await blobs.upload(ticket, body, Number.isFinite(declared) ? declared : undefined);
      return json(200, { ok: true, value: uploaded });
    }
    return json(405, { ok: false, error: { code: 'FORBIDDEN', message: 'Method not allowed.' } });
  } catch (err) {
    const error = toAppError(err, 'app:// blob request');
    return json(statusOf(error), { ok: false, error: error.toJSON() });
  }
}

function json(status: number, body: unknown): Response {
  const headers = { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
  return new Response(JSON.stringify(body), { status, headers });
}
