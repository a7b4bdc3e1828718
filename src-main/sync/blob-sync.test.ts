import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_SKIP_REASON, startPostgres, type Postgres } from '../../src-server/test/postgres';
import { startTestServer, type TestServer } from '../../src-server/test/server';
import { BlobFiles } from '../blobs/blob-files';
import { startCutProxy, type CutProxy } from '../test/cut-proxy';
import { errorOf, tempRoot, uploadBlob, type TestCore } from '../test/helpers';
import { syncDevices, type SyncDevices } from '../test/sync-devices';
import { BLOB_NOT_HERE_MESSAGES } from './blob-sync';

/**
 * Stored files over sync (src-main/sync/blob-sync.ts) on real parts: two profiles of one account (the second joined
 * with the master password: same data key, so the same files key), the sync module's own sign-up/join/syncNow, a
 * real server on a real PostgreSQL with the fs blob driver, over real HTTP through a TCP proxy on 127.0.0.1 that can
 * cut a connection mid-upload or go offline.
 */
describe.skipIf(POSTGRES_SKIP_REASON)(`stored files over sync${POSTGRES_SKIP_REASON ? ` (skipped: ${POSTGRES_SKIP_REASON})` : ''}`, () => {
  let pg: Postgres;
  let server: TestServer;
  let proxy: CutProxy;
  let pair: SyncDevices;
  let a: TestCore;
  let b: TestCore;

  beforeAll(async () => {
    pg = await startPostgres();
    server = await startTestServer(pg, 'blob_sync');
    proxy = await startCutProxy(Number(new URL(server.url).port));
    pair = await syncDevices(proxy.url, 'files@example.org');
    [a, b] = pair.devices as [TestCore, TestCore];
  }, 60_000);
  afterAll(async () => {
    pair?.close();
    await proxy?.close();
    await server?.close();
    await pg?.stop();
  });

  /** Blob requests the server answered, by method (from its own JSON log lines: a real count, not a spy). */
  const blobRequests = (method: 'GET' | 'PUT' | 'HEAD'): number =>
    server.logs.filter((l) => {
      const line = JSON.parse(l) as { method?: string; route?: string; status?: number };
      return line.method === method && line.route === '/v1/blobs/:id';
    }).length;

  /** The plaintext of a file of the library, read the way the app reads it (a download ticket, the blob hub). */
  async function openFile(core: TestCore, fileId: string): Promise<Buffer> {
    const { ticket } = await core.client.files.ticket({ id: fileId });
    const parts: Buffer[] = [];
    for await (const c of (await core.blobs().download(ticket)).stream) parts.push(c as Buffer);
    return Buffer.concat(parts);
  }

  /** Every regular file under the server's blob folder (temp files included). */
  async function serverFiles(): Promise<string[]> {
    const out: string[] = [];
    for (const e of await fs.readdir(server.blobsDir, { recursive: true, withFileTypes: true })) if (e.isFile()) out.push(path.join(e.parentPath, e.name));
    return out;
  }

  it('a text file from A is found by its words on B: the search index is rebuilt on arrival, and nothing goes back', async () => {
    const words = 'Quarterly rhubarb tally for the Hearth canary shop';
    const file = (await a.client.files.add({ blobId: await uploadBlob(a, Buffer.from(words)), name: 'notes.txt' })).file;
    expect(file).toMatchObject({ mime: 'text/plain', textStatus: 'done' });
    await a.client.sync.syncNow();
    await b.client.sync.syncNow();
    // The row arrived; its text is read on B after the commit (fetched from the server), then it is searchable.
    let hits: Awaited<ReturnType<typeof b.client.files.search>>['hits'] = [];
    for (let i = 0; i < 100 && hits.length === 0; i++) {
      hits = (await b.client.files.search({ query: 'rhubarb' })).hits;
      if (hits.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(hits.map((h) => [h.file.id, h.field])).toEqual([[file.id, 'text']]);
    // Only B's own index changed: its next pass pushes nothing.
    expect((await b.client.sync.syncNow()).report.pushed).toBe(0);
  }, 30_000);

  it('a file added on A opens byte-identical on B, fetched only when opened; a second sync uploads nothing', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const blobId = await uploadBlob(a, bytes);
    const file = (await a.client.files.add({ blobId, name: 'scan.bin' })).file;
    const putsBefore = blobRequests('PUT');
    await a.client.sync.syncNow();
    expect(blobRequests('PUT')).toBe(putsBefore + 1);

    await b.client.sync.syncNow();
    expect((await b.client.files.get({ id: file.id })).name).toBe('scan.bin');
    // The row is on B, the bytes are not: nothing was downloaded yet.
    const local = path.join(b.profiles.current().dir, 'blobs', blobId.slice(0, 2), blobId);
    await expect(fs.stat(local)).rejects.toMatchObject({ code: 'ENOENT' });
    const getsBefore = blobRequests('GET');

    expect((await openFile(b, file.id)).equals(bytes)).toBe(true);
    expect(blobRequests('GET')).toBe(getsBefore + 1);
    await fs.stat(local);
    expect((await openFile(b, file.id)).equals(bytes)).toBe(true);
    expect(blobRequests('GET')).toBe(getsBefore + 1); // the second open is local

    // Nothing new: neither device uploads again (A remembers its upload; B got its copy from the server).
    const putsAfter = blobRequests('PUT');
    const headsAfter = blobRequests('HEAD');
    await a.client.sync.syncNow();
    await b.client.sync.syncNow();
    expect(blobRequests('PUT')).toBe(putsAfter);
    expect(blobRequests('HEAD')).toBe(headsAfter);

    // A file B adds goes the other way.
    const back = randomBytes(70_000);
    const fromB = (await b.client.files.add({ blobId: await uploadBlob(b, back), name: 'reply.bin' })).file;
    await b.client.sync.syncNow();
    await a.client.sync.syncNow();
    expect((await openFile(a, fromB.id)).equals(back)).toBe(true);
  }, 30_000);

  it('an upload cut off mid-way leaves nothing on the server and arrives whole on the next sync; offline says so', async () => {
    const bytes = randomBytes(4 * 1024 * 1024);
    const file = (await a.client.files.add({ blobId: await uploadBlob(a, bytes), name: 'big.bin' })).file;

    const stored = await serverFiles();
    const cut = proxy.cutAfter('PUT /v1/blobs/', 1024 * 1024);
    expect((await errorOf(a.client.sync.syncNow())).message).toMatch(/network|connect|reach/i);
    await cut;
    // The rows went (pushed before the upload); the half-sent blob did not: no file, not even a temp file, remains.
    const added = async (): Promise<string[]> => (await serverFiles()).filter((f) => !stored.includes(f));
    // The server spooled the part it got into a temp file and removes it once it sees the drop: none stays.
    for (let quiet = 0, i = 0; quiet < 25 && i < 500; i++) {
      quiet = (await added()).length === 0 ? quiet + 1 : 0;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await added()).toEqual([]);
    expect((await a.client.sync.status()).lastError).not.toBeNull();

    // B already has the row; opening it now says the file has not reached the server (typed, no partial file).
    await b.client.sync.syncNow();
    const early = await errorOf(() => openFile(b, file.id));
    expect(early).toMatchObject({ code: 'NOT_FOUND', message: BLOB_NOT_HERE_MESSAGES['not-uploaded'] });

    await a.client.sync.syncNow();
    expect(await added()).toHaveLength(1);
    expect((await a.client.sync.status()).lastError).toBeNull();

    // Offline: a typed error that says what to do; back online, the file opens whole.
    await proxy.offline();
    const offline = await errorOf(() => openFile(b, file.id));
    expect(offline).toMatchObject({ code: 'NOT_FOUND', message: BLOB_NOT_HERE_MESSAGES.offline });
    await proxy.online();
    expect((await openFile(b, file.id)).equals(bytes)).toBe(true);
  }, 30_000);
});

describe('adopting a copy from the sync server (BlobFiles.adopt)', () => {
  it('stores only a copy that hashes to its name and decrypts to the blob it claims to be; anything else is CORRUPT and leaves no file', async () => {
    // Two devices of one account: their own folders, the same files key.
    const filesKey = randomBytes(32);
    const mine = new BlobFiles(path.join(tempRoot(), 'blobs'), () => filesKey);
    const other = new BlobFiles(path.join(tempRoot(), 'blobs'), () => filesKey);
    const one = await mine.put(Readable.from([randomBytes(200_000)]));
    const two = await mine.put(Readable.from([randomBytes(1000)]));
    const raw = await fs.readFile(mine.pathOf(one.id));
    const sha = createHash('sha256').update(raw).digest('hex');
    expect(await mine.sha256Of(one.id)).toBe(sha);

    const flipped = Buffer.from(raw);
    flipped[flipped.length - 5] = flipped[flipped.length - 5]! ^ 1;
    expect(await errorOf(other.adopt(one.id, Readable.from([flipped]), sha))).toMatchObject({ code: 'CORRUPT' }); // not the bytes named
    const flippedSha = createHash('sha256').update(flipped).digest('hex');
    expect(await errorOf(other.adopt(one.id, Readable.from([flipped]), flippedSha))).toMatchObject({ code: 'CORRUPT' }); // a chunk fails
    const rawTwo = await fs.readFile(mine.pathOf(two.id));
    const shaTwo = createHash('sha256').update(rawTwo).digest('hex');
    expect(await errorOf(other.adopt(one.id, Readable.from([rawTwo]), shaTwo))).toMatchObject({ code: 'CORRUPT' }); // another file under this id
    expect(await other.has(one.id)).toBe(false);

    expect(await other.adopt(one.id, Readable.from([raw]), sha)).toEqual({ size: raw.length, existed: false });
    const back: Buffer[] = [];
    for await (const c of await other.open(one.id)) back.push(c as Buffer);
    const orig: Buffer[] = [];
    for await (const c of await mine.open(one.id)) orig.push(c as Buffer);
    expect(Buffer.concat(back).equals(Buffer.concat(orig))).toBe(true);
    expect(await fs.readdir(path.join(path.dirname(path.dirname(other.pathOf(one.id))), 'tmp'))).toEqual([]);
  });
});
