import { randomInt } from 'node:crypto';
import { median } from '../bench/measure';

/**
 * The soak's options (command line) and its figures: RSS over the long-lived phase, operations per second,
 * kills, cycles and checks, printed as a summary plus one `SOAK-RESULT <json>` line for scripts and the smoke test.
 */

export interface SoakOptions {
  durationMs: number;
  seed: number;
  /** Allowed RSS growth after warm-up, in percent. */
  rssLimitPct: number;
  /** Enforce the RSS limit (runs of five minutes or more; shorter runs only report it). */
  rssEnforced: boolean;
  keep: boolean;
}

export function parseArgs(argv: string[]): SoakOptions {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at > -1 ? argv[at + 1] : undefined;
  };
  const number = (flag: string): number | undefined => {
    const v = value(flag);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} takes a number, not ${v}`);
    return n;
  };
  const minutes = number('--minutes');
  const seconds = number('--seconds');
  const durationMs = seconds !== undefined ? seconds * 1000 : (minutes ?? 30) * 60_000;
  const seed = number('--seed') ?? randomInt(1_000_000);
  const enforce = argv.includes('--rss-check') ? true : argv.includes('--no-rss-check') ? false : durationMs >= 5 * 60_000;
  return { durationMs, seed, rssLimitPct: number('--rss-limit') ?? 10, rssEnforced: enforce, keep: argv.includes('--keep') };
}

export interface RssSample {
  atMs: number;
  rss: number;
  heapUsed: number;
}

export interface RssFigures {
  samples: number;
  warmupMiB: number;
  finalMiB: number;
  growthPct: number;
  /** The V8 heap in use at the same points (growth there is a JavaScript leak; the rest is native memory). */
  warmupHeapMiB: number;
  finalHeapMiB: number;
  /** Ten evenly spaced samples of the long-lived worker: [seconds into the run, RSS MiB]. */
  trace: [number, number][];
}

const MiB = 1024 * 1024;

/**
 * Warm-up RSS: the median of the long-lived worker's samples in the 5 % after warm-up ends; final RSS: the
 * median of its last 5 % of samples (at least three each).
 */
export function rssFigures(samples: RssSample[], warmupEndMs: number): RssFigures | null {
  const after = samples.filter((s) => s.atMs >= warmupEndMs);
  if (after.length < 6) return null;
  const k = Math.max(3, Math.floor(after.length * 0.05));
  const at = (xs: RssSample[], key: 'rss' | 'heapUsed') => median(xs.map((s) => s[key]));
  const warm = at(after.slice(0, k), 'rss');
  const fin = at(after.slice(-k), 'rss');
  const step = Math.max(1, Math.floor(samples.length / 10));
  return {
    samples: samples.length,
    warmupMiB: warm / MiB,
    finalMiB: fin / MiB,
    growthPct: ((fin - warm) / warm) * 100,
    warmupHeapMiB: at(after.slice(0, k), 'heapUsed') / MiB,
    finalHeapMiB: at(after.slice(-k), 'heapUsed') / MiB,
    trace: samples.filter((_, i) => i % step === 0).map((s) => [Math.round(s.atMs / 1000), Math.round(s.rss / MiB)]),
  };
}

export interface SoakResult {
  seed: number;
  seconds: number;
  ops: number;
  writes: number;
  opsPerSecond: number;
  kills: number;
  cycles: number;
  lockCycles: number;
  checksPassed: number;
  canaryScans: number;
  records: number;
  emailMessages: number;
  rss: RssFigures | null;
  rssEnforced: boolean;
  maxWorkerRssMiB: number;
  /** Bytes under the profile folder at the end (database, WAL, blobs, keyring). */
  profileMiB: number;
  /** The operations with the highest mean latency (begin to ack). */
  slowest: { name: string; n: number; meanMs: number; maxMs: number }[];
  failures: string[];
}

export function renderSummary(r: SoakResult): string {
  const rss = r.rss
    ? `RSS after warm-up ${r.rss.warmupMiB.toFixed(1)} MiB, final ${r.rss.finalMiB.toFixed(1)} MiB, growth ${r.rss.growthPct.toFixed(1)} % ` +
      `(${r.rssEnforced ? 'limit enforced' : 'not enforced: run shorter than 5 min'}, ${r.rss.samples} samples); ` +
      `V8 heap ${r.rss.warmupHeapMiB.toFixed(1)} → ${r.rss.finalHeapMiB.toFixed(1)} MiB`
    : 'RSS: too few samples after warm-up';
  return [
    `soak seed ${r.seed}: ${r.seconds.toFixed(0)} s, ${r.ops} operations (${r.writes} writes), ${r.opsPerSecond.toFixed(1)} ops/s`,
    `${r.kills} SIGKILLs, ${r.cycles} worker runs, ${r.lockCycles} lock/unlock cycles, ${r.checksPassed} invariant checks passed, ${r.canaryScans} canary scans`,
    `${r.records} live records at the end (${r.emailMessages} email messages), profile ${r.profileMiB.toFixed(1)} MiB; largest worker RSS ${r.maxWorkerRssMiB.toFixed(1)} MiB`,
    rss,
    `slowest operations (mean / worst ms): ${r.slowest.map((o) => `${o.name} ${o.meanMs}/${o.maxMs} (${o.n})`).join(', ')}`,
    r.failures.length === 0 ? 'PASS' : `FAIL:\n  ${r.failures.join('\n  ')}`,
  ].join('\n');
}
