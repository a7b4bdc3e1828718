import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blobKit } from '../blobs/blob-test-kit';
import { handleAppRequest } from './protocol';

const post = (url: string, body: Buffer): Request => new Request(url, { method: 'POST', body, duplex: 'half' } as RequestInit);

/** The desktop app's file door, driven with real fetch Requests as Electron's protocol.handle passes them. */
describe('app://bundle/api/blob/<ticket>', () => {
  it('streams an upload in and the file back out with the same tickets as browser mode', async () => {
    const k = await blobKit();
    const gateway = () => k.hub;
    const bytes = randomBytes(200_000);
    const up = await k.hub.handlers.uploadTicket({ maxBytes: 1 << 20 }, { transport: 'electron' });
    const posted = await handleAppRequest(post(`app://bundle${up.url}`, bytes), '/nonexistent', gateway);
    expect(posted.status).toBe(200);
    const { value } = (await posted.json()) as { value: { id: string; size: number; mime: string } };
    expect(value.size).toBe(bytes.length);

    const t = await k.hub.handlers.ticket({ blobId: value.id, name: 'x.bin', disposition: 'attachment' }, { transport: 'electron' });
    const got = await handleAppRequest(new Request(`app://bundle${t.url}`), '/nonexistent', gateway);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="x.bin"/);
    expect(got.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);

    // Misuse: a used upload ticket, an unknown ticket, another host, an oversize upload.
    expect((await handleAppRequest(post(`app://bundle${up.url}`, bytes), '/x', gateway)).status).toBe(403);
    expect((await handleAppRequest(new Request(`app://bundle/api/blob/${'B'.repeat(43)}`), '/x', gateway)).status).toBe(403);
    expect((await handleAppRequest(new Request(`app://other${t.url}`), '/x', gateway)).status).toBe(404);
    const small = await k.hub.handlers.uploadTicket({ maxBytes: 1000 }, { transport: 'electron' });
    const big = await handleAppRequest(post(`app://bundle${small.url}`, bytes), '/x', gateway);
    expect(big.status).toBe(413);
  });

  it('serves a stored HTML file as opaque bytes, never as a page', async () => {
    const k = await blobKit();
    const put = await k.store.put([Buffer.from('<!doctype html><script>alert(1)</script>')]);
    const t = await k.hub.handlers.ticket({ blobId: put.id, disposition: 'inline' }, { transport: 'electron' });
    const got = await handleAppRequest(new Request(`app://bundle${t.url}`), '/x', () => k.hub);
    expect(got.headers.get('content-type')).toBe('text/plain');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
  });
});
