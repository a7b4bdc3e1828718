/**
 * A growable window over a byte stream, addressed by absolute offsets (for the mbox reader).
 *
 * Chunks are copied once into a backing buffer; bytes already handed out (as subarrays) are never written
 * again: when the backing buffer is full a new one is allocated and only the live bytes move. So a consumer
 * may keep the zero-copy subarrays it was given while the window goes on reading.
 */

const MIN_CAPACITY = 1 << 20;

export class ByteWindow {
  private buf: Buffer = Buffer.alloc(0);
  /** Absolute offset of `buf[0]`. */
  private base: number;
  /** Index in `buf` of the first live byte, and past the last one. */
  private head = 0;
  private tail = 0;

  constructor(start: number) {
    this.base = start;
  }

  /** Absolute offset of the first live byte. */
  get start(): number {
    return this.base + this.head;
  }

  /** Absolute offset just past the last byte read so far. */
  get end(): number {
    return this.base + this.tail;
  }

  append(chunk: Uint8Array): void {
    if (this.tail + chunk.length <= this.buf.length) {
      this.buf.set(chunk, this.tail);
      this.tail += chunk.length;
      return;
    }
    const live = this.tail - this.head;
    const next = Buffer.allocUnsafe(Math.max(MIN_CAPACITY, live + chunk.length + (live >> 1)));
    this.buf.copy(next, 0, this.head, this.tail);
    next.set(chunk, live);
    this.base += this.head;
    this.head = 0;
    this.tail = live + chunk.length;
    this.buf = next;
  }

  /** Forgets the bytes before absolute offset `at`. */
  drop(at: number): void {
    this.head = Math.min(this.tail, Math.max(this.head, at - this.base));
  }

  /** The byte at absolute offset `at` (must be live). */
  byte(at: number): number {
    return this.buf[at - this.base] ?? -1;
  }

  /** Zero-copy view of the live bytes [from, to). */
  view(from: number, to: number): Buffer {
    return this.buf.subarray(from - this.base, to - this.base);
  }

  /** Absolute offset of `needle` at or after `from` and before `to` (default: the end), or -1. */
  indexOf(needle: string | number | Buffer, from: number, to = this.end): number {
    const hay = to === this.end ? this.buf.subarray(0, this.tail) : this.buf.subarray(0, to - this.base);
    const i = hay.indexOf(needle, Math.max(from, this.start) - this.base, 'latin1');
    return i < 0 ? -1 : i + this.base;
  }
}
