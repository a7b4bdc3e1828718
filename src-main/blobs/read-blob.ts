import { AppError } from '../../src-shared/ipc/result';
import type { BlobStore } from './blob-store';

/**
 * A stored file's plaintext in one array of the stored size, filled as chunks decrypt: a chunk list and its
 * concatenation would hold it twice (peak RSS). Its own ArrayBuffer, so a worker job gets exactly these bytes.
 * For imports, whose parsers need the whole file; everything else streams.
 */
export async function readBlobBytes(store: BlobStore, blobId: string): Promise<Uint8Array> {
  const out = new Uint8Array((await store.get(blobId)).size);
  let at = 0;
  for await (const c of await store.open(blobId)) {
    const chunk = c as Buffer;
    if (at + chunk.length > out.length) throw new AppError('CORRUPT', 'A stored file is longer than its record says.');
    out.set(chunk, at);
    at += chunk.length;
  }
  if (at !== out.length) throw new AppError('CORRUPT', 'A stored file is shorter than its record says.');
  return out;
}
