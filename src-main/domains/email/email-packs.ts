import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import type { Kysely } from 'kysely';
import { AppError } from '../../../src-shared/ipc/result';
import type { BlobStore } from '../../blobs/blob-store';
import type { Database } from '../../db/database';

const inflate = promisify(inflateRaw);

/** A pack's target size: records are written together until a pack holds this much (one large record makes a pack of its own). */
export const PACK_BYTES = 1024 * 1024;
/** How many decrypted packs reads keep (exports and threads read neighbours from the same pack). */
const CACHE_PACKS = 8;

export const PACK_REF = { ownerDomain: 'email', ownerTable: 'email_packs', role: 'pack' } as const;

export interface PackLocation {
  packId: string;
  offset: number;
  length: number;
}

export interface StoredRecord {
  record: Uint8Array;
  compression: 'deflate-raw' | 'none';
}

/**
 * Messages' original bytes in the encrypted file store, several to a blob ("pack"): a small message as a
 * file of its own would cost a file, a key derivation and a database row each, and 100,000 of them a
 * folder of 100,000 files. A record is found again by (pack, offset, length) in the pack's plaintext.
 */
export function createPacks(store: () => BlobStore) {
  const cache = new Map<string, Buffer>();

  async function packBytes(packId: string): Promise<Buffer> {
    const hit = cache.get(packId);
    if (hit) {
      cache.delete(packId);
      cache.set(packId, hit);
      return hit;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of await store().open(packId)) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    cache.set(packId, bytes);
    while (cache.size > CACHE_PACKS) cache.delete(cache.keys().next().value as string);
    return bytes;
  }

  return {
    /**
     * Writes records into packs of about {@link PACK_BYTES} (outside any transaction: a pack no row refers to
     * is collected like any unreferenced blob). Returns each record's location, in order.
     */
    async write(records: readonly Uint8Array[]): Promise<PackLocation[]> {
      const out: PackLocation[] = [];
      let group: Uint8Array[] = [];
      let size = 0;
      const flush = async () => {
        if (group.length === 0) return;
        const { id } = await store().put(
          group.map((r) => Buffer.from(r.buffer, r.byteOffset, r.byteLength)),
          { mime: 'application/octet-stream' },
        );
        let offset = 0;
        for (const r of group) {
          out.push({ packId: id, offset, length: r.byteLength });
          offset += r.byteLength;
        }
        group = [];
        size = 0;
      };
      for (const r of records) {
        if (size > 0 && size + r.byteLength > PACK_BYTES) await flush();
        group.push(r);
        size += r.byteLength;
      }
      await flush();
      return out;
    },

    /** Inside the write that stores rows pointing at a pack: keeps the pack alive. */
    async claim(trx: Kysely<Database>, packId: string): Promise<void> {
      await store().addRef(trx, { ...PACK_REF, ownerId: packId, blobId: packId });
    },

    /** A record's stored bytes (still compressed). */
    async record(loc: PackLocation): Promise<Buffer> {
      const pack = await packBytes(loc.packId);
      if (loc.offset + loc.length > pack.length) throw new AppError('CORRUPT', 'A stored message is shorter than its record says.');
      return pack.subarray(loc.offset, loc.offset + loc.length);
    },

    /** A message's original bytes, checked against its SHA-256 (CORRUPT when they differ). */
    async raw(loc: PackLocation & { compression: 'deflate-raw' | 'none'; sha256: string }): Promise<Buffer> {
      const stored = await this.record(loc);
      const raw = loc.compression === 'deflate-raw' ? await inflate(stored) : Buffer.from(stored);
      if (createHash('sha256').update(raw).digest('hex') !== loc.sha256) {
        throw new AppError('CORRUPT', 'A stored message does not match its SHA-256: the archive is damaged.');
      }
      return raw;
    },

    /** Forgets decrypted packs (on lock). */
    clear(): void {
      cache.clear();
    },
  };
}
export type Packs = ReturnType<typeof createPacks>;
