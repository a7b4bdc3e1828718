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
const EMPTY = Buffer.alloc(0);

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
  // Up to one chunk of plaintext not yet sealed: the last chunk is only known at the end of the input.
  let pending: Buffer = EMPTY;
  let index = 0;
  /** The record's three parts, pushed as they are: the writer gathers them (writev), nothing is copied twice. */
  const sealChunk = (plain: Buffer, last: boolean): Buffer[] => {
    if (index >= MAX_CHUNKS) throw new Error('stream too long for one container');
    const c = createCipheriv('aes-256-gcm', key, nonce(noncePrefix, index++, last), { authTagLength: TAG });
    c.setAAD(aad);
    const ct = c.update(plain);
    c.final();
    return [u32(ct.length + TAG), ct, c.getAuthTag()];
  };
  return new Transform({
    transform(data: Buffer, _enc, done: TransformCallback) {
      let off = 0;
      while (off < data.length) {
        if (pending.length === CHUNK_BYTES) {
          for (const part of sealChunk(pending, false)) this.push(part);
          pending = EMPTY;
        }
        const take = Math.min(CHUNK_BYTES - pending.length, data.length - off);
        const piece = data.subarray(off, off + take);
        pending = pending.length === 0 ? piece : Buffer.concat([pending, piece]);
        off += take;
      }
      done();
    },
    flush(done: TransformCallback) {
      for (const part of sealChunk(pending, true)) this.push(part);
      pending = EMPTY;
      done();
    },
  });
}

/**
 * Chunk records in, plaintext out. Each chunk is authenticated before its plaintext is pushed; the
 * stream errors with `fail(reason)` (default {@link ChunkAuthError}) on any tampering, and at the end when
 * the last chunk is missing. A consumer must treat output as final only once the stream ended without error.
 */
export function createChunkDecryptor(key: Buffer, noncePrefix: Buffer, aad: Buffer, fail: (reason: string) => Error = (r) => new ChunkAuthError(r)): Transform {
  let rest: Buffer = EMPTY; // bytes of a record not yet complete
  let index = 0;
  let held: Buffer | null = null; // one complete record, opened once we know whether it is the last
  let ended = false;
  const checkedLength = (len: number): number => {
    if (len < TAG || len > CHUNK_BYTES + TAG) throw fail(`chunk ${index} has an impossible length`);
    return len;
  };
  /** A complete record arrived: the one held before it was not the last, so open and release that one. */
  const take = (out: Transform, record: Buffer): void => {
    if (held) out.push(openChunk(held, false));
    held = record;
  };
  const openChunk = (record: Buffer, last: boolean): Buffer => {
    const d = createDecipheriv('aes-256-gcm', key, nonce(noncePrefix, index, last), { authTagLength: TAG });
    d.setAAD(aad);
    d.setAuthTag(record.subarray(record.length - TAG));
    try {
      const plain = d.update(record.subarray(0, record.length - TAG));
      d.final(); // throws on a bad tag: the plaintext above is only released after this
      index++;
      return plain;
    } catch {
      throw fail(`chunk ${index} failed authentication`);
    }
  };
  return new Transform({
    transform(data: Buffer, _enc, done: TransformCallback) {
      try {
        if (ended) throw fail('data after the last chunk');
        let off = 0;
        // Finish a record that began in an earlier block, copying only that record's bytes.
        if (rest.length > 0) {
          if (rest.length < 4) {
            off = Math.min(4 - rest.length, data.length);
            rest = Buffer.concat([rest, data.subarray(0, off)]);
            if (rest.length < 4) return done();
          }
          const total = 4 + checkedLength(rest.readUInt32BE(0));
          const need = total - rest.length;
          if (data.length - off < need) {
            rest = Buffer.concat([rest, data.subarray(off)]);
            return done();
          }
          take(this, Buffer.concat([rest, data.subarray(off, off + need)]).subarray(4));
          off += need;
          rest = EMPTY;
        }
        while (data.length - off >= 4) {
          const len = checkedLength(data.readUInt32BE(off));
          if (data.length - off < 4 + len) break;
          take(this, data.subarray(off + 4, off + 4 + len));
          off += 4 + len;
        }
        rest = off === data.length ? EMPTY : Buffer.from(data.subarray(off));
        done();
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        if (rest.length > 0 || !held) throw fail('the data ends inside a chunk or has no chunks');
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
