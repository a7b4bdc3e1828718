/**
 * A speed-up for the parse worker only. postal-mime's body decoders join each part's lines with
 * `new Blob(chunks).arrayBuffer()`; Node's Blob is slow for that (about 60 % of the CPU of parsing a 9 KB
 * message, GC included: 1,500 → 3,700 messages per CPU-second with this in place). While a batch is parsed,
 * `globalThis.Blob` is a plain byte joiner with the same result for what postal-mime gives it (byte arrays and
 * strings, strings as UTF-8). Used only in the worker thread of `email.parse.batch`, which runs that one job
 * and nothing else, and put back afterwards; main (read-message.ts) parses with Node's own Blob.
 */
const NEWLINE = new Uint8Array([0x0a]);

const asBytes = (p: ArrayBufferView | ArrayBuffer | string): Uint8Array =>
  typeof p === 'string'
    ? p === '\n'
      ? NEWLINE // postal-mime's line separator: one per body line, so not re-encoded each time
      : Buffer.from(p, 'utf8')
    : p instanceof ArrayBuffer
      ? new Uint8Array(p)
      : new Uint8Array(p.buffer, p.byteOffset, p.byteLength);

class JoinedBytes {
  readonly #parts: ReadonlyArray<ArrayBufferView | ArrayBuffer | string>;

  constructor(parts: ReadonlyArray<ArrayBufferView | ArrayBuffer | string> = []) {
    this.#parts = parts;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const views = this.#parts.map(asBytes);
    const out = new Uint8Array(views.reduce((n, v) => n + v.byteLength, 0));
    let at = 0;
    for (const v of views) {
      out.set(v, at);
      at += v.byteLength;
    }
    return out.buffer;
  }
}

/** Runs `work` with the byte joiner standing in for Blob; Node's Blob is back when it settles. */
export async function withFastBlob<T>(work: () => Promise<T>): Promise<T> {
  const original = globalThis.Blob;
  globalThis.Blob = JoinedBytes as unknown as typeof Blob;
  try {
    return await work();
  } finally {
    globalThis.Blob = original;
  }
}
