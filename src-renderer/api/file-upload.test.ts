import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/ipc/result';
import { postFile } from './file-upload';

const URL_OK = `/api/blob/${'a'.repeat(43)}`;

function recordingFetch(status: number, body: unknown) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const fetchFn = (async (url: string, init?: RequestInit) => {
    requests.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { requests, fetchFn };
}

describe('postFile', () => {
  it('posts the Blob itself (no base64) to the ticket URL with the given token header', async () => {
    const stored = { id: 'b'.repeat(64), size: 3, mime: 'text/plain', thumbnailId: null };
    const { requests, fetchFn } = recordingFetch(200, { ok: true, value: stored });
    const file = new Blob(['abc']);
    expect(await postFile(fetchFn, URL_OK, file, { 'x-hearth-token': 'tok' })).toEqual(stored);
    expect(requests[0]?.url).toBe(URL_OK);
    expect(requests[0]?.init?.method).toBe('POST');
    expect(requests[0]?.init?.body).toBe(file);
    expect((requests[0]?.init?.headers as Record<string, string>)['x-hearth-token']).toBe('tok');
  });

  it('turns a refused upload into the server AppError, and refuses a URL that is not a ticket', async () => {
    const { fetchFn } = recordingFetch(413, { ok: false, error: { code: 'TOO_LARGE', message: 'too big' } });
    await expect(postFile(fetchFn, URL_OK, new Blob(['x']), {})).rejects.toMatchObject({ code: 'TOO_LARGE' });
    await expect(postFile(fetchFn, 'https://evil.example/api/blob/x', new Blob(['x']), {})).rejects.toBeInstanceOf(AppError);
  });
});
