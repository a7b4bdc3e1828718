import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { BlobError } from './blob-error';

export interface SpoolOptions {
  /** Folder for the temp file (the fs driver passes the final shard folder, so a rename is atomic). */
  dir: string;
  /** Declared size in bytes, if the caller knows it (e.g. Content-Length): any other count is refused. */
  size?: number;
  /** Refuse bodies above this many bytes (checked while streaming, so a huge body never fills the disk). */
  maxBytes: number;
}

export interface Spooled {
  /** The temp file holding exactly the verified bytes; the caller renames, uploads or removes it. */
  file: string;
  bytes: number;
}

async function* chunksOf(body: AsyncIterable<Uint8Array> | Buffer): AsyncIterable<Uint8Array> {
  if (Buffer.isBuffer(body)) yield body;
  else yield* body;
}

/**
 * Streams a blob body into a new temp file while hashing it, then fsyncs: the one place both drivers verify that the
 * bytes are the ones the id names (SHA-256) before anything becomes visible. Memory stays bounded by one chunk.
 * On any failure — a body stream that errors half-way, a wrong hash, a wrong size, a full disk — the temp file is
 * removed and a BlobError is thrown, so a cut-off upload leaves nothing behind.
 */
export async function spoolVerified(id: string, body: AsyncIterable<Uint8Array> | Buffer, opts: SpoolOptions): Promise<Spooled> {
  if (opts.size !== undefined && opts.size > opts.maxBytes) throw new BlobError('TOO_LARGE', `A blob is at most ${opts.maxBytes} bytes`);
  await fs.mkdir(opts.dir, { recursive: true }).catch((e: unknown) => {
    throw new BlobError('STORAGE', 'Blob storage folder cannot be created', { cause: e });
  });
  // The random name keeps concurrent uploads of the same id apart; the leading dot keeps temp files out of listings.
  const file = path.join(opts.dir, `.tmp-${randomBytes(12).toString('hex')}`);
  const handle = await fs.open(file, 'wx', 0o600).catch((e: unknown) => {
    throw new BlobError('STORAGE', 'Blob storage is not writable', { cause: e });
  });
  let closed = false;
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    try {
      for await (const chunk of chunksOf(body)) {
        bytes += chunk.byteLength;
        if (bytes > opts.maxBytes) throw new BlobError('TOO_LARGE', `A blob is at most ${opts.maxBytes} bytes`);
        if (opts.size !== undefined && bytes > opts.size) throw new BlobError('SIZE_MISMATCH', 'The blob is longer than its declared size');
        hash.update(chunk);
        await handle.write(chunk);
      }
    } catch (e) {
      if (e instanceof BlobError) throw e;
      throw new BlobError('ABORTED', 'The blob upload stopped before its end', { cause: e });
    }
    if (opts.size !== undefined && bytes !== opts.size) throw new BlobError('SIZE_MISMATCH', 'The blob is shorter than its declared size');
    if (hash.digest('hex') !== id) throw new BlobError('HASH_MISMATCH', 'The blob bytes do not hash to its id');
    await handle.sync();
    await handle.close();
    closed = true;
    return { file, bytes };
  } catch (e) {
    if (!closed) await handle.close().catch(() => undefined);
    await fs.rm(file, { force: true });
    if (e instanceof BlobError) throw e;
    throw new BlobError('STORAGE', 'Blob storage write failed', { cause: e });
  }
}
