import { createCipheriv, createDecipheriv } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Streaming AES-256-GCM in fixed-size chunks, for data too large to hold in memory (the file store).
 *
 *   chunk = u32 length ‖ ciphertext ‖ 16-byte tag
 *
 * Chunk i's nonce is prefix(7) ‖ i as u32 ‖ last-flag(1), and every chunk authenticates `aad` (the
 * container's header). So a changed header, a reordered, dropped or duplicated chunk, a chunk moved in from
 * another file (different prefix/key), a cut-off tail (no chunk carries the last flag) or appended bytes
 * all fail authentication. Memory stays at about two chunks whatever the size of the stream.
 */
export const CHUNK_BYTES = 64 * 1024;
const TAG = 16;
const MAX_CHUNKS = 0xffffffff;

export class ChunkAuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChunkAuthError';
  }
}

function nonce(prefix: Buffer, index: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0, 0, 7);
  n.writeUInt32BE(index, 7);
  n[11] = last ? 1 : 0;
  return n;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** Plaintext in, chunk records out. An empty input still gives one (empty, last) chunk. */
export function createChunkEncryptor(key: Buffer, noncePrefix: Buffer, aad: Buffer): Transform {
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  const sealChunk = (plain: Buffer, last: boolean): Buffer => {
    if (index >= MAX_CHUNKS) throw new Error('stream too long for one container');
    const c = createCipheriv('aes-256-gcm', key, nonce(noncePrefix, index++, last), { authTagLength: TAG });
    c.setAAD(aad);
    const ct = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
    return Buffer.concat([u32(ct.length), ct]);
  };
  return new Transform({
    transform(data: Buffer, _enc, done: TransformCallback) {
      pending = pending.length ? Buffer.concat([pending, data]) : data;
      // Keep at least one byte back: the last chunk is only known at the end of the input.
      while (pending.length > CHUNK_BYTES) {
        this.push(sealChunk(pending.subarray(0, CHUNK_BYTES), false));
        pending = pending.subarray(CHUNK_BYTES);
      }
      done();
    },
    flush(done: TransformCallback) {
      this.push(sealChunk(pending, true));
      pending = Buffer.alloc(0);
      done();
    },
  });
}

/**
 * Chunk records in, plaintext out. Each chunk is authenticated before its plaintext is pushed; the
 * stream errors with `fail(reason)` (default {@link ChunkAuthError}) on any tampering, and at the end when the last chunk is missing.
 * A consumer must treat output as final only once the stream ended without error.
 */
export function createChunkDecryptor(key: Buffer, noncePrefix: Buffer, aad: Buffer, fail: (reason: string) => Error = (r) => new ChunkAuthError(r)): Transform {
  let buf: Buffer = Buffer.alloc(0);
  let index = 0;
  let held: Buffer | null = null; // one complete record, decrypted once we know whether it is the last
  let ended = false;
  const openChunk = (record: Buffer, last: boolean): Buffer => {
    const ct = record.subarray(0, record.length - TAG);
    const d = createDecipheriv('aes-256-gcm', key, nonce(noncePrefix, index, last), { authTagLength: TAG });
    d.setAAD(aad);
    d.setAuthTag(record.subarray(record.length - TAG));
    try {
      const out = Buffer.concat([d.update(ct), d.final()]);
      index++;
      return out;
    } catch {
      throw fail(`chunk ${index} failed authentication`);
    }
  };
  return new Transform({
    transform(data: Buffer, _enc, done: TransformCallback) {
      try {
        if (ended) throw fail('data after the last chunk');
        buf = buf.length ? Buffer.concat([buf, data]) : data;
        while (buf.length >= 4) {
          const len = buf.readUInt32BE(0);
          if (len < TAG || len > CHUNK_BYTES + TAG) throw fail(`chunk ${index} has an impossible length`);
          if (buf.length < 4 + len) break;
          const record = Buffer.from(buf.subarray(4, 4 + len));
          buf = buf.subarray(4 + len);
          if (held) this.push(openChunk(held, false));
          held = record;
        }
        done();
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        if (buf.length > 0 || !held) throw fail('the data ends inside a chunk or has no chunks');
        this.push(openChunk(held, true));
        ended = true;
        held = null;
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });
}
