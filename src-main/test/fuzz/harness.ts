import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, FIXTURES_SKIP_REASON } from '../fixtures';
import type { Seed } from './mutate';
import { threadCpuMs } from './thread-cpu';
import { newStatusBlock, readCase, type FuzzRequest, type FuzzStats, type WorkerReply } from './protocol';

/**
 * Test side of the importer fuzz (issue 13, docs/security.md#t11): bundles fuzz-worker.ts once per test process,
 * runs a test file's targets in one worker thread under a 512 MiB old-space cap, and watches it: a case using over
 * 5 s of the worker's CPU (or 60 s on the clock) ends the worker and fails the test naming the case (its label and
 * the fast-check seed/path to replay it).
 * HEARTH_FUZZ_RUNS sets the cases per importer (default 5,000; `npm run fuzz` runs 50,000), HEARTH_FUZZ_SEED and
 * HEARTH_FUZZ_PATH replay one case. Prints one line per importer: cases, typed-error share, slowest case, peak RSS.
 */

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const FUZZ_RUNS = Number(process.env.HEARTH_FUZZ_RUNS ?? 5000);
/** A case may use this much CPU (the worker thread's own time, so a busy machine does not fail the test) … */
const CASE_LIMIT_MS = 5000;
/** … and take this long on the clock: a case stuck waiting uses no CPU at all. */
const STALL_LIMIT_MS = 60_000;
const MEMORY = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 32 };
/** Fixture files seed the fuzz too when present: the smallest few, each at most this big. */
const FIXTURE_SEED_MAX_BYTES = 64 * 1024;

let bundle: Promise<string> | undefined;

/** The worker's code: esbuild bundles it from source, packages resolved from the checkout's node_modules. */
function workerCode(): Promise<string> {
  bundle ??= build({
    entryPoints: [path.join(import.meta.dirname, 'fuzz-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    packages: 'external',
    write: false,
    logLevel: 'warning',
  }).then((r) => {
    const code = r.outputFiles[0]?.text ?? '';
    return `(function (require) {\n${code}\n})(require('node:module').createRequire(${JSON.stringify(path.join(ROOT, 'package.json'))}));`;
  });
  return bundle;
}

/** The smallest fixture files under `area/dir` whose names match, when the shared sample files is present. */
export function fixtureSeeds(dir: string, match: RegExp, max = 3): Seed[] {
  if (!FIXTURES_DIR) return [];
  const root = path.join(FIXTURES_DIR, dir);
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (match.test(name) && statSync(full).size <= FIXTURE_SEED_MAX_BYTES) files.push(full);
    }
  };
  walk(root);
  return files
    .sort((a, b) => statSync(a).size - statSync(b).size)
    .slice(0, max)
    .map((f) => ({ name: path.basename(f), bytes: new Uint8Array(readFileSync(f)) }));
}

export interface FuzzReport extends FuzzStats {
  peakRssMiB: number;
  wallMs: number;
  failure: string | null;
}

/**
 * Runs the targets' fuzz one after the other in one worker thread (the bundle loads once). Each target's promise
 * rejects when one of its cases hangs, the worker runs out of memory or crashes; targets after a hang are not run.
 */
export function runFuzz(targets: Array<{ name: string; fixtureSeeds: Seed[] }>, runs = FUZZ_RUNS): Map<string, Promise<FuzzReport>> {
  const status = newStatusBlock();
  const fcSeed = Number(process.env.HEARTH_FUZZ_SEED ?? randomInt(2 ** 31 - 1));
  const request: FuzzRequest = { targets, runs, fcSeed, path: process.env.HEARTH_FUZZ_PATH, status };
  const pending = new Map(targets.map((t) => [t.name, deferred<FuzzReport>()]));
  let current = { name: '', started: Date.now(), peakRss: 0 };
  const replay = (index: number): string => `replay: HEARTH_FUZZ_SEED=${fcSeed} HEARTH_FUZZ_PATH=${request.path ?? index}`;
  void workerCode().then((code) => {
    const worker = new Worker(code, { eval: true, workerData: request, resourceLimits: MEMORY });
    const stop = (why: string): void => {
      clearInterval(watchdog);
      const c = readCase(status);
      void worker.terminate();
      pending.get(current.name)?.reject(new Error(`${current.name}: ${why} in case #${c.index} (${c.label}); ${replay(c.index)}`));
      for (const [name, p] of pending) if (name !== current.name) p.reject(new Error(`${name}: not run, the fuzz worker ended in ${current.name}`));
      pending.clear();
    };
    let overCase = -1;
    const watchdog = setInterval(() => {
      current.peakRss = Math.max(current.peakRss, process.memoryUsage.rss());
      const c = readCase(status);
      if (c.startedAt === 0) return;
      const cpu = c.tid ? threadCpuMs(c.tid) - c.cpuAtStart : Number.NaN;
      const wall = Date.now() - c.startedAt;
      // The status block is read while the worker writes it: a read torn between two cases pairs one case's start
      // with another's CPU reading. Only the same case over the limit on two ticks in a row counts.
      const over = cpu > CASE_LIMIT_MS;
      const confirmed = over && overCase === c.index;
      overCase = over ? c.index : -1;
      if (confirmed) stop(`a case used over ${CASE_LIMIT_MS / 1000} s of CPU`);
      // Without /proc, or for a case that waits rather than works (a promise that never settles): wall time.
      else if (wall > (Number.isNaN(cpu) ? CASE_LIMIT_MS : STALL_LIMIT_MS)) stop(`a case ran over ${Math.round(wall / 1000)} s`);
    }, 100);
    worker.on('error', (err) => stop(`the worker failed (${err.message})`));
    worker.on('message', (m: WorkerReply) => {
      if (m.type === 'start') current = { name: m.target, started: Date.now(), peakRss: process.memoryUsage.rss() };
      else if (m.type === 'crash') pending.get(m.target)?.reject(new Error(`${m.target}: the fuzz could not run: ${m.message}`));
      else {
        const report = {
          ...m.stats,
          failure: m.failure,
          peakRssMiB: Math.max(current.peakRss, process.memoryUsage.rss()) / 2 ** 20,
          wallMs: Date.now() - current.started,
        };
        pending.get(m.stats.target)?.resolve(report);
      }
      if (m.type !== 'start') pending.delete(m.type === 'crash' ? m.target : m.stats.target);
      if (pending.size === 0) {
        clearInterval(watchdog);
        void worker.terminate();
      }
    });
  });
  return new Map([...pending].map(([name, p]) => [name, p.promise]));
}

/** A promise with its settle functions; a rejection before a test awaits it is not reported as unhandled. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: Error) => void } {
  let resolve: (v: T) => void = () => undefined;
  let reject: (e: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** One table row: cases, share of typed errors, slowest case, peak heap and RSS. */
export function formatReport(r: FuzzReport): string {
  const typed = Object.values(r.typed).reduce((a, b) => a + b, 0);
  const codes = Object.entries(r.typed)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  return (
    `fuzz ${r.target.padEnd(26)} ${String(r.cases).padStart(6)} cases, ${((typed / Math.max(1, r.cases)) * 100).toFixed(1).padStart(5)}% typed errors ` +
    `(${codes}), slowest ${r.slowestMs.toFixed(0)} ms (CPU ${r.slowestCpuMs.toFixed(0)} ms) [${r.slowestLabel.slice(0, 80).replace(/\s+/g, ' ')}], heap ${r.peakHeapMiB.toFixed(0)} MiB, ` +
    `RSS ${r.peakRssMiB.toFixed(0)} MiB, ${(r.wallMs / 1000).toFixed(1)} s, seeds ${r.seeds}, fc seed ${r.fcSeed}`
  );
}

/** A fixture-seed source for a target: a folder of the shared sample files and the file names to take from it. */
export type FixtureSpec = [dir: string, match: RegExp, max?: number];

/** Declares one test per target; each asserts no untyped error, no rejected seed, and every case run. One worker runs them all. */
export function fuzzSuite(name: string, targets: Record<string, FixtureSpec[]>): void {
  describe(name, () => {
    if (!FIXTURES_DIR) console.warn(`fuzz: fixture seeds skipped (${FIXTURES_SKIP_REASON}); generated seeds only`);
    let reports: Map<string, Promise<FuzzReport>> | undefined;
    const report = (target: string): Promise<FuzzReport> => {
      reports ??= runFuzz(
        Object.entries(targets).map(([t, specs]) => ({ name: t, fixtureSeeds: specs.flatMap(([dir, match, max]) => fixtureSeeds(dir, match, max)) })),
      );
      return reports.get(target) ?? Promise.reject(new Error(`no fuzz run for ${target}`));
    };
    for (const target of Object.keys(targets)) {
      it(`${target}: ${FUZZ_RUNS} mutated files give a result or a typed AppError, no case over 5 s`, async () => {
        const r = await report(target);
        console.log(formatReport(r));
        expect(r.seedsRejected).toEqual([]);
        expect(r.failure).toBeNull();
        expect(r.cases).toBeGreaterThanOrEqual(process.env.HEARTH_FUZZ_PATH ? 1 : FUZZ_RUNS);
      }, 900_000);
    }
  });
}
