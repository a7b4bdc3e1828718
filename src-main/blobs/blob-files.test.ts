import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHUNK_BYTES } from '../crypto/chunked-stream';
import { errorOf } from '../test/helpers';
import { BLOB_HEADER_BYTES } from './blob-file';
import { BlobFiles } from './blob-files';

let dir: string;
const key = randomBytes(32);
const store = () => new BlobFiles(path.join(dir, 'blobs'), () => key);

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-blobs-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const readAll = async (r: Readable): Promise<Buffer> => {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(c as Buffer);
  return Buffer.concat(parts);
};

/** Splits a stored blob into its header and chunk records (u32 length ‖ ciphertext ‖ tag). */
function records(file: Buffer): { header: Buffer; chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  let off = BLOB_HEADER_BYTES;
  while (off < file.length) {
    const len = file.readUInt32BE(off);
    chunks.push(file.subarray(off, off + 4 + len));
    off += 4 + len;
  }
  return { header: file.subarray(0, BLOB_HEADER_BYTES), chunks };
}

describe('encrypted blob files', () => {
  it('round-trips empty, tiny, chunk-boundary and multi-chunk content', async () => {
    const s = store();
    for (const size of [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES + 17]) {
      const data = randomBytes(size);
      const put = await s.put(Readable.from([data]));
      expect(put.size).toBe(size);
      expect(await readAll(await s.open(put.id))).toEqual(data);
    }
  });

  it('stores identical content once under a keyed id that differs between profiles', async () => {
    const data = Buffer.from('the same attachment twice');
    const a = await store().put(Readable.from([data]));
    const b = await store().put(Readable.from([data.subarray(0, 5), data.subarray(5)]));
    expect(b).toEqual({ id: a.id, size: data.length, existed: true });
    expect([...(await fs.readdir(path.join(dir, 'blobs', a.id.slice(0, 2))))]).toEqual([a.id]);
    expect(await fs.readdir(path.join(dir, 'blobs', 'tmp'))).toEqual([]);
    const other = new BlobFiles(path.join(dir, 'other'), () => randomBytes(32));
    expect((await other.put(Readable.from([data]))).id).not.toBe(a.id);
    // Not a plain content hash either.
    const { createHash } = await import('node:crypto');
    expect(a.id).not.toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('writes no plaintext to disk and creates files 0600, folders 0700', async () => {
    const canary = 'CANARY-7f3e-plaintext-must-not-appear';
    const data = Buffer.from(canary.repeat(5000));
    const { id } = await store().put(Readable.from([data]));
    const file = await fs.readFile(store().pathOf(id));
    expect(file.includes(Buffer.from(canary))).toBe(false);
    expect(file.includes(Buffer.from('CANARY'))).toBe(false);
    if (process.platform !== 'win32') {
      expect((await fs.stat(store().pathOf(id))).mode & 0o777).toBe(0o600);
      expect((await fs.stat(path.dirname(store().pathOf(id)))).mode & 0o777).toBe(0o700);
    }
  });

  describe('detects damage as CORRUPT and never yields unauthenticated plaintext', () => {
    const data = randomBytes(4 * CHUNK_BYTES + 100);
    let id: string;
    let original: Buffer;
    beforeEach(async () => {
      ({ id } = await store().put(Readable.from([data])));
      original = await fs.readFile(store().pathOf(id));
    });
    const rewrite = (bytes: Buffer) => fs.writeFile(store().pathOf(id), bytes);
    const expectCorrupt = async () => {
      const err = await errorOf(store().open(id).then(readAll));
      expect(err.code).toBe('CORRUPT');
      expect(err.file).toBe(`blobs/${id.slice(0, 2)}/${id}`);
    };

    it('a flipped ciphertext bit', async () => {
      const bad = Buffer.from(original);
      bad[BLOB_HEADER_BYTES + 4 + 1000]! ^= 1;
      await rewrite(bad);
      await expectCorrupt();
    });
    it('a changed header', async () => {
      const bad = Buffer.from(original);
      bad[BLOB_HEADER_BYTES - 1]! ^= 1;
      await rewrite(bad);
      await expectCorrupt();
    });
    it('a truncated tail (last chunk dropped) and a cut inside a chunk', async () => {
      const { header, chunks } = records(original);
      await rewrite(Buffer.concat([header, ...chunks.slice(0, -1)]));
      await expectCorrupt();
      await rewrite(original.subarray(0, original.length - 10));
      await expectCorrupt();
    });
    it('reordered chunks', async () => {
      const { header, chunks } = records(original);
      await rewrite(Buffer.concat([header, chunks[1]!, chunks[0]!, ...chunks.slice(2)]));
      await expectCorrupt();
    });
    it('a chunk swapped in from another blob, and bytes appended', async () => {
      const other = await store().put(Readable.from([randomBytes(4 * CHUNK_BYTES + 100)]));
      const foreign = records(await fs.readFile(store().pathOf(other.id)));
      const { header, chunks } = records(original);
      await rewrite(Buffer.concat([header, chunks[0]!, foreign.chunks[1]!, ...chunks.slice(2)]));
      await expectCorrupt();
      await rewrite(Buffer.concat([original, foreign.chunks.at(-1)!]));
      await expectCorrupt();
    });
    it('exportTo leaves no partial file when the blob is damaged', async () => {
      const bad = Buffer.from(original);
      bad[bad.length - 5]! ^= 1;
      await rewrite(bad);
      const dest = path.join(dir, 'out.bin');
      expect((await errorOf(store().exportTo(id, dest))).code).toBe('CORRUPT');
      expect(await fs.readdir(dir)).toEqual(['blobs']);
    });
  });

  it('exports the plaintext atomically and reports NOT_FOUND / INVALID_INPUT for bad ids', async () => {
    const data = randomBytes(200_000);
    const { id } = await store().put(Readable.from([data]));
    const dest = path.join(dir, 'copy.bin');
    expect(await store().exportTo(id, dest)).toBe(data.length);
    expect(await fs.readFile(dest)).toEqual(data);
    expect((await errorOf(store().open('0'.repeat(64)))).code).toBe('NOT_FOUND');
    expect((await errorOf(store().open('../../etc/passwd'))).code).toBe('INVALID_INPUT');
  });

  it('a failed source stream leaves no blob and no temp file', async () => {
    async function* broken() {
      yield randomBytes(CHUNK_BYTES * 2);
      throw new Error('disk went away');
    }
    await expect(store().put(broken())).rejects.toThrow('disk went away');
    expect(await fs.readdir(path.join(dir, 'blobs', 'tmp'))).toEqual([]);
    const ids = [];
    for await (const id of store().ids()) ids.push(id);
    expect(ids).toEqual([]);
  });
});
