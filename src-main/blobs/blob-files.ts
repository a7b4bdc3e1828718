import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, Writable, type Readable } from 'node:stream';
import { AppError } from '../../src-shared/ipc/result';
import { syncDir } from '../lib/atomic-file';
import { BLOB_HEADER_BYTES, blobDecryptor, blobIdKey, damagedBlob, measurePlaintext, newBlobEncryptor } from './blob-file';

/**
 * The encrypted files of a profile, content-addressed: `blobs/<first two hex>/<id>`. Writes stream
 * through a temp file in `blobs/tmp/` (0600), fsync, then an atomic rename; a crash leaves at most a
 * stale temp file, which {@link BlobFiles.removeTemp} deletes on unlock. Reads stream and authenticate
 * chunk by chunk. Memory stays at a few chunks whatever the file size. Which blobs are still referenced
 * is the database's business (blob-store.ts); this layer only stores bytes.
 */
export interface PutResult {
  id: string;
  size: number;
  /** True when the same content was already stored (nothing new written). */
  existed: boolean;
}

const ID = /^[0-9a-f]{64}$/;

export class BlobFiles {
  readonly #dir: string;
  readonly #filesKey: () => Buffer;

  constructor(dir: string, filesKey: () => Buffer) {
    this.#dir = dir;
    this.#filesKey = filesKey;
  }

  pathOf(id: string): string {
    if (!ID.test(id)) throw new AppError('INVALID_INPUT', 'Not a stored file id.');
    return path.join(this.#dir, id.slice(0, 2), id);
  }

  /** A new private temp file in `blobs/tmp/` (same file system as the final place, so the rename is atomic). */
  async #openTemp(): Promise<{ tmp: string; fh: fs.FileHandle }> {
    const tmpDir = path.join(this.#dir, 'tmp');
    await fs.mkdir(tmpDir, { recursive: true, mode: 0o700 });
    const tmp = path.join(tmpDir, `${randomBytes(12).toString('hex')}.part`);
    return { tmp, fh: await fs.open(tmp, 'wx', 0o600) };
  }

  async put(source: Readable | AsyncIterable<Uint8Array>): Promise<PutResult> {
    const filesKey = this.#filesKey();
    const idKey = blobIdKey(filesKey);
    const { tmp, fh } = await this.#openTemp();
    let moved = false;
    try {
      const measure = measurePlaintext(idKey);
      const { header, encryptor } = newBlobEncryptor(filesKey);
      const out = fh.createWriteStream({ flush: true, highWaterMark: 1 << 20 }); // fsync before the handle closes
      out.write(header);
      await pipeline(source, measure, encryptor, out);
      const { id, size } = measure.result();
      const dest = this.pathOf(id);
      if (await exists(dest)) return { id, size, existed: true };
      await fs.mkdir(path.dirname(dest), { recursive: true, mode: 0o700 });
      await fs.rename(tmp, dest);
      moved = true;
      await syncDir(path.dirname(dest));
      return { id, size, existed: false };
    } finally {
      idKey.fill(0);
      await fh.close().catch(() => undefined);
      if (!moved) await fs.rm(tmp, { force: true });
    }
  }

  /** The plaintext of blob `id` as a stream; it errors with CORRUPT on any damage (and NOT_FOUND up front). */
  async open(id: string): Promise<Readable> {
    return this.#decrypting(this.pathOf(id), id);
  }

  async #decrypting(file: string, id: string): Promise<Readable> {
    const fh = await fs.open(file, 'r').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT')
        throw new AppError('NOT_FOUND', 'That stored file is missing from the profile folder.', { file: `blobs/${id.slice(0, 2)}/${id}` });
      throw err;
    });
    const header = Buffer.alloc(BLOB_HEADER_BYTES);
    const { bytesRead } = await fh.read(header, 0, BLOB_HEADER_BYTES, 0);
    if (bytesRead !== BLOB_HEADER_BYTES) {
      await fh.close();
      throw damagedBlob(id);
    }
    const decryptor = blobDecryptor(this.#filesKey(), header, id);
    const raw = createReadStream('', { fd: fh, start: BLOB_HEADER_BYTES, highWaterMark: 1 << 20 });
    raw.on('error', (err) => decryptor.destroy(err));
    decryptor.on('close', () => raw.destroy());
    return raw.pipe(decryptor);
  }

  /** Writes blob `id`'s plaintext to `dest` atomically (temp + rename): a damaged blob leaves no partial file. */
  async exportTo(id: string, dest: string): Promise<number> {
    const tmp = `${dest}.${randomBytes(6).toString('hex')}.part`;
    const out = await fs.open(tmp, 'wx', 0o600);
    let size = 0;
    try {
      const plain = await this.open(id);
      plain.on('data', (c: Buffer) => (size += c.length));
      await pipeline(plain, out.createWriteStream({ flush: true }));
      await fs.rename(tmp, dest);
      await syncDir(path.dirname(dest));
      return size;
    } finally {
      await out.close().catch(() => undefined);
      await fs.rm(tmp, { force: true });
    }
  }

  /**
   * Stores an encrypted file made by another device of the same account (same files key), as the sync server handed
   * it back (src-main/sync/blob-sync.ts): streamed to a temp file while hashing, then checked twice before it becomes
   * `blobs/<xx>/<id>` — the SHA-256 of the bytes must be `sha256` (the server's name for them), and the file must
   * decrypt chunk by chunk to a plaintext whose keyed id is `id`. Anything else is CORRUPT and leaves no file.
   */
  async adopt(id: string, source: Readable | AsyncIterable<Uint8Array>, sha256: string): Promise<{ size: number; existed: boolean }> {
    const dest = this.pathOf(id);
    const { tmp, fh } = await this.#openTemp();
    let moved = false;
    try {
      const hash = createHash('sha256');
      let size = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(source, tap, fh.createWriteStream({ flush: true, highWaterMark: 1 << 20 }));
      if (hash.digest('hex') !== sha256) throw damagedCopy(id);
      const idKey = blobIdKey(this.#filesKey());
      try {
        const measure = measurePlaintext(idKey);
        await pipeline(await this.#decrypting(tmp, id), measure, new Writable({ write: (_c, _e, done) => done() }));
        if (measure.result().id !== id) throw damagedCopy(id);
      } catch (err) {
        throw err instanceof AppError && err.code === 'CORRUPT' ? damagedCopy(id) : err;
      } finally {
        idKey.fill(0);
      }
      if (await exists(dest)) return { size, existed: true };
      await fs.mkdir(path.dirname(dest), { recursive: true, mode: 0o700 });
      await fs.rename(tmp, dest);
      moved = true;
      await syncDir(path.dirname(dest));
      return { size, existed: false };
    } finally {
      await fh.close().catch(() => undefined);
      if (!moved) await fs.rm(tmp, { force: true });
    }
  }

  /** SHA-256 (hex) of blob `id`'s encrypted file as stored: its name on a sync server. */
  async sha256Of(id: string): Promise<string> {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(this.pathOf(id), { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }

  async has(id: string): Promise<boolean> {
    return exists(this.pathOf(id));
  }

  async remove(id: string): Promise<void> {
    await fs.rm(this.pathOf(id), { force: true });
  }

  /** Every stored id (for garbage collection and checks). */
  async *ids(): AsyncIterable<string> {
    const shards = await fs.readdir(this.#dir).catch(() => [] as string[]);
    for (const shard of shards) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const name of await fs.readdir(path.join(this.#dir, shard))) if (ID.test(name) && name.startsWith(shard)) yield name;
    }
  }

  /** Deletes temp files left by a crash mid-write. */
  async removeTemp(): Promise<number> {
    const tmpDir = path.join(this.#dir, 'tmp');
    const names = await fs.readdir(tmpDir).catch(() => [] as string[]);
    await Promise.all(names.map((n) => fs.rm(path.join(tmpDir, n), { force: true })));
    return names.length;
  }
}

const exists = (file: string): Promise<boolean> =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

const damagedCopy = (id: string): AppError =>
  new AppError('CORRUPT', `The copy of a stored file from the sync server is damaged or is not this file (${id.slice(0, 12)}…); nothing was stored.`);
