import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../test/helpers';
import { blobKit, DAY_MS } from './blob-test-kit';

const owner = (ownerId: string, role = 'attachment') => ({ ownerDomain: 'vault', ownerTable: 'vault_items', ownerId, role });
const fileCount = async (dir: string): Promise<number> => {
  let n = 0;
  for (const shard of await fs.readdir(path.join(dir, 'blobs'))) {
    if (/^[0-9a-f]{2}$/.test(shard)) n += (await fs.readdir(path.join(dir, 'blobs', shard))).length;
  }
  return n;
};

describe('BlobStore refcounts and garbage collection', () => {
  it('stores identical content once: one file, one row, two refs', async () => {
    const k = await blobKit();
    const bytes = randomBytes(200_000);
    const a = await k.store.put(Readable.from([bytes]));
    const b = await k.store.put(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]));
    expect(b).toEqual(a);
    expect(a.size).toBe(200_000);
    await k.write(async (trx) => {
      await k.store.addRef(trx, { ...owner('01JA0000000000000000000001'), blobId: a.id });
      await k.store.addRef(trx, { ...owner('01JA0000000000000000000002'), blobId: a.id });
    });
    expect(await k.store.refCount(a.id)).toBe(2);
    expect(await fileCount(k.dir)).toBe(1);
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM blobs`.execute(k.db)).rows[0]!.n).toBe(1);
    // Every row change went through the write path and is in the change log: the row (put), then both refs
    // and the row's cleared `unreferenced_since` (one write).
    const logged = await sql<{ table_name: string; op: string }>`SELECT table_name, op FROM change_log
      WHERE table_name IN ('blobs', 'blob_refs') ORDER BY seq`.execute(k.db);
    expect(logged.rows.map((r) => `${r.table_name}:${r.op}`)).toEqual(['blobs:insert', 'blob_refs:insert', 'blobs:update', 'blob_refs:insert']);
  });

  it('keeps a blob while any ref lives, collects it (row and file) a trash period after the last ref goes', async () => {
    const k = await blobKit();
    const kept = await k.store.put(Readable.from([Buffer.from('still used')]));
    const dropped = await k.store.put(Readable.from([Buffer.from('no longer used')]));
    await k.write(async (trx) => {
      await k.store.addRef(trx, { ...owner('01JA0000000000000000000001'), blobId: kept.id });
      await k.store.addRef(trx, { ...owner('01JA0000000000000000000002'), blobId: dropped.id });
      await k.store.addRef(trx, { ...owner('01JA0000000000000000000003'), blobId: dropped.id });
    });
    await k.write((trx) => k.store.removeRef(trx, owner('01JA0000000000000000000002')));
    expect((await k.store.get(dropped.id)).unreferenced_since).toBeNull(); // one ref left
    await k.write((trx) => k.store.removeRef(trx, { ...owner('01JA0000000000000000000003'), blobId: dropped.id }));
    expect((await k.store.get(dropped.id)).unreferenced_since).toBe(new Date(k.clock.ms).toISOString());

    k.clock.ms += 29 * DAY_MS;
    expect(await k.store.gc()).toEqual({ blobs: 0, orphans: 0 });
    expect(await k.files.has(dropped.id)).toBe(true);

    k.clock.ms += 2 * DAY_MS;
    expect(await k.store.gc()).toEqual({ blobs: 1, orphans: 0 });
    expect(await k.files.has(dropped.id)).toBe(false);
    expect((await errorOf(k.store.get(dropped.id))).code).toBe('NOT_FOUND');
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM blob_refs WHERE blob_id = ${dropped.id}`.execute(k.db)).rows[0]!.n).toBe(0);
    // The referenced one survives with its bytes intact.
    expect(await k.files.has(kept.id)).toBe(true);
    const back: Buffer[] = [];
    for await (const c of await k.store.open(kept.id)) back.push(c as Buffer);
    expect(Buffer.concat(back).toString()).toBe('still used');
  });

  it('a ref added back during the trash period saves the blob', async () => {
    const k = await blobKit();
    const put = await k.store.put(Readable.from([Buffer.from('comes back')]));
    k.clock.ms += 20 * DAY_MS;
    await k.write((trx) => k.store.addRef(trx, { ...owner('01JA0000000000000000000009'), blobId: put.id }));
    k.clock.ms += 40 * DAY_MS;
    expect((await k.store.gc()).blobs).toBe(0);
    expect(await k.files.has(put.id)).toBe(true);
  });

  it('lets a label PDF lapse after an hour and collects it without a trash period', async () => {
    const k = await blobKit();
    const pdf = await k.hub.publish(Readable.from([Buffer.from('%PDF-1.7 labels')]), {
      name: 'labels.pdf',
      owner: { ownerDomain: 'batches', ownerTable: 'label_prints', ownerId: '01JA0000000000000000000010', role: 'label-pdf' },
    });
    k.clock.ms += 30 * 60 * 1000;
    expect((await k.store.gc()).blobs).toBe(0);
    k.clock.ms += 31 * 60 * 1000;
    expect((await k.store.gc()).blobs).toBe(1);
    expect(await k.files.has(pdf.blobId)).toBe(false);
  });

  it('sweeps orphan files (a crash between file and row) once they are older than the grace period', async () => {
    const k = await blobKit();
    const orphan = await k.files.put(Readable.from([Buffer.from('written, then the process died')]));
    expect((await k.store.gc()).orphans).toBe(0); // fresh: another process may be about to write its row
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await fs.utimes(k.files.pathOf(orphan.id), old, old);
    k.clock.ms = Date.now();
    expect(await k.store.gc()).toEqual({ blobs: 0, orphans: 1 });
    expect(await k.files.has(orphan.id)).toBe(false);
  });

  it('refuses a ref to a blob that does not exist and changes nothing', async () => {
    const k = await blobKit();
    const err = await errorOf(k.write((trx) => k.store.addRef(trx, { ...owner('01JA0000000000000000000001'), blobId: 'a'.repeat(64) })));
    expect(err.code).toBe('NOT_FOUND');
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM blob_refs`.execute(k.db)).rows[0]!.n).toBe(0);
  });

  it('refuses an upload past its cap (TOO_LARGE) and stores nothing', async () => {
    const k = await blobKit();
    const err = await errorOf(k.store.put(Readable.from([randomBytes(40_000), randomBytes(40_000)]), { maxBytes: 50_000 }));
    expect(err.code).toBe('TOO_LARGE');
    expect(await fileCount(k.dir).catch(() => 0)).toBe(0);
    expect(await fs.readdir(path.join(k.dir, 'blobs', 'tmp'))).toEqual([]);
  });

  it('streams from a file path', async () => {
    const k = await blobKit();
    const src = path.join(k.dir, 'in.bin');
    const bytes = randomBytes(3 * 65536 + 17);
    await fs.writeFile(src, bytes);
    const put = await k.store.put(src);
    const out = path.join(k.dir, 'out.bin');
    expect(await k.store.exportTo(put.id, out)).toBe(bytes.length);
    expect((await fs.readFile(out)).equals(bytes)).toBe(true);
  });
});
