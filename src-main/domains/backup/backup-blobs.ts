import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobFiles } from '../../blobs/blob-files';
import { syncDir } from '../../lib/atomic-file';
import type { ManifestBlob } from './backup-format';
import { backupBlobPath, PARTIAL } from './backup-paths';

/**
 * Stored files between a profile and its backup folder, copied as they are (already encrypted with the
 * profile's files key): incremental (a file already there with the same size is not copied again), each copy
 * through `<id>.partial`, fsync, rename, and the shard folders fsynced once at the end. Hashes are SHA-256 of
 * the encrypted file, computed while copying.
 */
export interface Copied {
  sha256: string;
  size: number;
}

/** Copies `src` to `dest` through `dest.partial` (0600, fsync, rename), hashing what it wrote. */
export async function copyFileHashed(src: string, dest: string, signal?: AbortSignal): Promise<Copied> {
  await fs.mkdir(path.dirname(dest), { recursive: true, mode: 0o700 });
  const temp = `${dest}${PARTIAL}`;
  await fs.rm(temp, { force: true });
  const out = await fs.open(temp, 'wx', 0o600);
  const hash = createHash('sha256');
  let size = 0;
  let renamed = false;
  try {
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    // `flush`: fsync before the stream closes the handle.
    await pipeline(createReadStream(src, { highWaterMark: 1 << 20 }), tap, out.createWriteStream({ flush: true }), { signal });
    await fs.rename(temp, dest);
    renamed = true;
    return { sha256: hash.digest('hex'), size };
  } finally {
    await out.close().catch(() => undefined);
    if (!renamed) await fs.rm(temp, { force: true }).catch(() => undefined);
  }
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface BlobCopyResult {
  blobs: ManifestBlob[];
  copied: number;
  skipped: number;
}

/**
 * Every stored file of the profile (`profileBlobs`, blob-files.ts layout) into the backup folder `dir`.
 * `known` holds the hashes a previous backup recorded for files already in the folder (they are never
 * rewritten, so a hash stays true); a file with no known hash is hashed in place. A file that vanished from the
 * profile between the listing and the copy (its row was collected) is left out.
 */
export async function copyBlobs(
  profileBlobs: string,
  dir: string,
  known: ReadonlyMap<string, Copied>,
  progress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<BlobCopyResult> {
  const source = new BlobFiles(profileBlobs, () => Buffer.alloc(0));
  const ids: string[] = [];
  for await (const id of source.ids()) ids.push(id);
  ids.sort();
  const out: BlobCopyResult = { blobs: [], copied: 0, skipped: 0 };
  const touched = new Set<string>();
  for (const [i, id] of ids.entries()) {
    signal?.throwIfAborted();
    const src = source.pathOf(id);
    const dest = backupBlobPath(dir, id);
    const srcStat = await fs.stat(src).catch(() => null);
    if (!srcStat) continue;
    const destStat = await fs.stat(dest).catch(() => null);
    if (destStat && destStat.size === srcStat.size) {
      const sha256 = known.get(id)?.size === destStat.size ? known.get(id)!.sha256 : await sha256File(dest);
      out.blobs.push([id, destStat.size, sha256]);
      out.skipped++;
    } else {
      const copied = await copyFileHashed(src, dest, signal).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        throw err;
      });
      if (!copied) continue;
      touched.add(path.dirname(dest));
      out.blobs.push([id, copied.size, copied.sha256]);
      out.copied++;
    }
    progress(i + 1, ids.length);
  }
  for (const d of touched) await syncDir(d);
  if (touched.size > 0) await syncDir(path.join(dir, 'blobs'));
  return out;
}

/** Deletes blob files of the backup folder that no kept backup's manifest names; returns how many. */
export async function removeUnreferencedBlobs(dir: string, referenced: ReadonlySet<string>): Promise<number> {
  const files = new BlobFiles(path.join(dir, 'blobs'), () => Buffer.alloc(0));
  let removed = 0;
  for await (const id of files.ids()) {
    if (referenced.has(id)) continue;
    await files.remove(id);
    removed++;
  }
  return removed;
}
