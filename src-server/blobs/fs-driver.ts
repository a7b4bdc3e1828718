import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { SYNC_LIMITS } from '../../src-shared/sync/protocol';
import type { BlobDriver } from './blob-driver';
import { assertBlobId, BlobError } from './blob-error';
import { spoolVerified } from './spool';

export interface FsBlobDriverOptions {
  /** The folder that holds the blobs (created on first use). */
  root: string;
  /** Largest accepted blob (default SYNC_LIMITS.blobBytes). */
  maxBytes?: number;
}

function isMissing(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/** Makes a rename durable: fsync the folder that holds the new name (a no-op where folders cannot be synced). */
async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Some platforms (Windows) refuse to open or sync a folder; the rename is still atomic there.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * The embedded default blob store: one file per blob under `<root>/<first 2 hex>/<id>` (256 shards keep folders
 * small). A put streams into a temp file in the same shard folder while hashing, fsyncs it, then renames it into
 * place and fsyncs the folder: a reader sees the whole verified blob or nothing, and a cut-off upload leaves no file.
 * Re-putting an existing id replaces it with identical bytes (content addressing makes puts idempotent).
 */
export class FsBlobDriver implements BlobDriver {
  readonly root: string;
  private readonly maxBytes: number;

  constructor(opts: FsBlobDriverOptions) {
    this.root = path.resolve(opts.root);
    this.maxBytes = opts.maxBytes ?? SYNC_LIMITS.blobBytes;
  }

  private pathOf(id: string): string {
    assertBlobId(id);
    return path.join(this.root, id.slice(0, 2), id);
  }

  async put(id: string, body: AsyncIterable<Uint8Array> | Buffer, size?: number): Promise<void> {
    const final = this.pathOf(id);
    const dir = path.dirname(final);
    const { file } = await spoolVerified(id, body, { dir, maxBytes: this.maxBytes, ...(size === undefined ? {} : { size }) });
    try {
      await fs.rename(file, final);
    } catch (e) {
      await fs.rm(file, { force: true });
      throw new BlobError('STORAGE', 'Blob storage write failed', { cause: e });
    }
    await syncDir(dir);
  }

  async get(id: string): Promise<Readable | null> {
    const file = this.pathOf(id);
    try {
      // Opening first (not stat then stream) means a blob deleted in between is either served whole or reported absent.
      const handle = await fs.open(file, 'r');
      return handle.createReadStream();
    } catch (e) {
      if (isMissing(e)) return null;
      throw new BlobError('STORAGE', 'Blob storage read failed', { cause: e });
    }
  }

  async has(id: string): Promise<boolean> {
    try {
      return (await fs.stat(this.pathOf(id))).isFile();
    } catch (e) {
      if (e instanceof BlobError) throw e;
      if (isMissing(e)) return false;
      throw new BlobError('STORAGE', 'Blob storage read failed', { cause: e });
    }
  }

  async delete(id: string): Promise<void> {
    try {
      await fs.unlink(this.pathOf(id));
    } catch (e) {
      if (e instanceof BlobError) throw e;
      if (!isMissing(e)) throw new BlobError('STORAGE', 'Blob storage delete failed', { cause: e });
    }
  }

  /** Writable root: creates it if needed, then writes and removes a small probe file. */
  async ping(): Promise<boolean> {
    const probe = path.join(this.root, `.ping-${randomBytes(8).toString('hex')}`);
    try {
      await fs.mkdir(this.root, { recursive: true });
      await fs.writeFile(probe, 'ok', { mode: 0o600 });
      await fs.rm(probe, { force: true });
      return true;
    } catch {
      return false;
    }
  }
}
