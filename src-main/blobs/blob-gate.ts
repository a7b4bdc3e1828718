/**
 * Puts share the gate; garbage collection takes it alone. A put's file lands on disk before its row is
 * written, so a collection running in between would see an orphan file and sweep it: in this process the
 * gate rules that out (other processes are covered by the sweep's age grace, blob-gc.ts).
 */
export class BlobGate {
  #shared = 0;
  #exclusive: Promise<void> | null = null;
  #drained: (() => void) | null = null;

  async shared<T>(fn: () => Promise<T>): Promise<T> {
    while (this.#exclusive) await this.#exclusive;
    this.#shared++;
    try {
      return await fn();
    } finally {
      this.#shared--;
      if (this.#shared === 0) this.#drained?.();
    }
  }

  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (this.#exclusive) await this.#exclusive;
    let release!: () => void;
    this.#exclusive = new Promise<void>((resolve) => (release = resolve));
    try {
      if (this.#shared > 0) await new Promise<void>((resolve) => (this.#drained = resolve));
      this.#drained = null;
      return await fn();
    } finally {
      this.#exclusive = null;
      release();
    }
  }
}
