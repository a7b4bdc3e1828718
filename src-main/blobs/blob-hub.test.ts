import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { errorOf } from '../test/helpers';
import { blobKit } from './blob-test-kit';

const ctx = { transport: 'test' as const };

describe('blob hub: lock', () => {
  it('stops a download and an upload in flight, and every ticket, when the profile locks', async () => {
    const k = await blobKit();
    const put = await k.store.put([randomBytes(8 << 20)]);
    const t = await k.hub.handlers.ticket({ blobId: put.id, disposition: 'attachment' }, ctx);
    const down = await k.hub.download(t.ticket);
    const first = await new Promise<Buffer>((resolve) => down.stream.once('data', resolve));
    expect(first.length).toBeGreaterThan(0);

    const up = await k.hub.handlers.uploadTicket({ maxBytes: 1 << 30 }, ctx);
    const body = new Readable({ read() {} }); // a client that sends one chunk and then stalls
    body.push(randomBytes(1 << 20));
    const uploading = errorOf(k.hub.upload(up.ticket, body));
    await new Promise((resolve) => setTimeout(resolve, 50));

    k.hub.onLock();
    const failed = await new Promise<Error>((resolve) => down.stream.once('error', resolve));
    expect(failed).toMatchObject({ code: 'LOCKED' });
    expect((await uploading).code).toBe('LOCKED');
    expect((await errorOf(k.hub.download(t.ticket))).code).toBe('FORBIDDEN');
    expect(k.hub.tickets.size).toBe(0);
  });
});

describe('blob hub: lapsed hand-overs while unlocked', () => {
  it('collects an export an hour after it was handed over without waiting for the next unlock, and stops on lock', async () => {
    const timers: { fn: () => void; ms: number; cancelled: boolean }[] = [];
    const k = await blobKit({
      later: (fn, ms) => {
        const t = { fn, ms, cancelled: false };
        timers.push(t);
        return () => (t.cancelled = true);
      },
    });
    const owner = { ownerDomain: 'vault', ownerTable: 'exports', ownerId: 'e1', role: 'export' };
    const first = await k.hub.publish([randomBytes(1024)], { name: 'a.csv', owner });
    k.clock.ms += 30 * 60_000;
    const second = await k.hub.publish([randomBytes(1024)], { name: 'b.csv', owner: { ...owner, ownerId: 'e2' } });
    expect(timers).toHaveLength(1); // one timer at a time
    expect(timers[0]!.ms).toBe(61 * 60_000);

    k.clock.ms += 31 * 60_000 + 1; // the first has lapsed, the second not yet
    timers[0]!.fn();
    await vi.waitFor(() => expect(timers).toHaveLength(2)); // re-armed for the second
    expect((await errorOf(k.store.get(first.blobId))).code).toBe('NOT_FOUND');
    expect(await k.store.refCount(second.blobId)).toBe(1);
    expect(timers[1]!.ms).toBe(30 * 60_000 - 1);

    k.clock.ms += 30 * 60_000;
    timers[1]!.fn();
    await vi.waitFor(async () => expect((await errorOf(k.store.get(second.blobId))).code).toBe('NOT_FOUND'));
    expect(timers).toHaveLength(2);

    await k.hub.publish([randomBytes(1024)], { name: 'c.csv', owner: { ...owner, ownerId: 'e3' } });
    k.hub.onLock();
    expect(timers[2]!.cancelled).toBe(true);
  });
});
