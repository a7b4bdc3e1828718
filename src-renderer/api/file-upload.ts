import type { UploadedBlob } from '../../src-shared/domains/blobs/blobs.schemas';
import { AppError } from '../../src-shared/ipc/result';
import { isResult } from './transport';

/** An upload ticket's URL, as `blobs.uploadTicket` returns it (the same path on app://bundle and in browser mode). */
const UPLOAD_URL = /^\/api\/blob\/[A-Za-z0-9_-]{43}$/;

/**
 * Streams a file to an upload ticket (docs/security.md#blob-tickets). The `File`/`Blob` is the request body
 * as is: Chromium streams it from disk, so the bytes never become base64, JSON or a copy in this page's heap.
 * `headers` carries the browser-mode token (empty under Electron). Errors arrive as the server's AppError.
 */
export async function postFile(fetchFn: typeof fetch, url: string, file: Blob, headers: Record<string, string>): Promise<UploadedBlob> {
  if (!UPLOAD_URL.test(url)) throw new AppError('INVALID_INPUT', 'Not an upload link from Hearth.');
  let response: Response;
  try {
    response = await fetchFn(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/octet-stream' }, body: file, cache: 'no-store' });
  } catch {
    throw new AppError('INTERNAL', 'Hearth is not reachable; the file was not uploaded.');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new AppError('INTERNAL', `Hearth answered the upload with an unreadable response (HTTP ${response.status}).`);
  }
  if (!isResult(body)) throw new AppError('INTERNAL', `Hearth answered the upload with an unexpected response (HTTP ${response.status}).`);
  if (!body.ok) throw AppError.fromData(body.error);
  return body.value as UploadedBlob;
}
