/**
 * Timing and statistics helpers shared by the bench files. Wall-clock time from
 * `process.hrtime.bigint()`; nothing here runs under vitest (speed targets live only in `npm run bench`).
 */

export type Unit = 'ms' | 'ms/op' | 'ops/s' | 'MiB' | 'MiB/s';

/** One row of the results table (and of dist/bench-results.json). */
export interface Measurement {
  /** Section heading the row is printed under. */
  group: string;
  name: string;
  value: number;
  unit: Unit;
  /** The same measurement without encryption, taken in the same run. */
  baseline?: number;
  /** Encrypted throughput / plain throughput (1.0 = no cost; higher is better). */
  ratio?: number;
  /** Human-readable target, e.g. "≥ 0.90×" or "< 5 ms". */
  target?: string;
  /** undefined when the row is informational. */
  pass?: boolean;
}

/** Milliseconds since `start` (a `process.hrtime.bigint()` reading). */
export const msSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

export function timeSync(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return msSince(start);
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return msSince(start);
}

/** Nearest-rank percentile (p in 0..100) of a non-empty sample. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of an empty sample');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/**
 * Ratio of encrypted to plain *throughput*, whichever unit the pair is in:
 * for ops/s and MiB/s that is enc/plain, for ms/op it is plain/enc.
 */
export function throughputRatio(value: number, baseline: number, unit: Unit): number {
  return unit === 'ops/s' || unit === 'MiB/s' ? value / baseline : baseline / value;
}

/** A row comparing an encrypted measurement with its plain baseline against a minimum ratio. */
export function compared(group: string, name: string, enc: number, plain: number, unit: Unit, minRatio: number): Measurement {
  const ratio = throughputRatio(enc, plain, unit);
  return { group, name, value: enc, unit, baseline: plain, ratio, target: `≥ ${minRatio.toFixed(2)}×`, pass: ratio >= minRatio };
}

/** Deterministic PRNG (mulberry32), so every run benches the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** Prints a progress line to stderr so stdout carries only the table. */
export const progress = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};
