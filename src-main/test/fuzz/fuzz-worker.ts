import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { AppError } from '../../../src-shared/ipc/result';
import { mutants, type Mutant, type Seed } from './mutate';
import { TARGETS } from './targets';
import { publishCase, publishThread, type FuzzRequest, type FuzzStats, type WorkerReply } from './protocol';
import { ownThreadId, threadCpuMs } from './thread-cpu';

/**
 * The fuzz worker thread (bundled by harness.ts): runs each requested importer's fast-check property over mutated
 * seeds, one importer after the other.
 * Before each case it publishes the case number, start time and label in shared memory, so the parent's watchdog
 * can name a case that hangs even while this thread is stuck in it. A case passes when the importer returns a
 * result its target accepts, or throws an AppError with one of the typed codes below; anything else fails the run.
 */

/** What a damaged or hostile file may produce. INTERNAL (a bug wrapped), or a raw TypeError, RangeError… never. */
export const TYPED_CODES = new Set(['INVALID_INPUT', 'TOO_LARGE', 'CORRUPT', 'WRONG_PASSWORD', 'UNSUPPORTED']);

const req = workerData as FuzzRequest;
const port = parentPort;
if (!port) throw new Error('fuzz-worker must run in a worker thread');
const reply = (m: WorkerReply): void => port.postMessage(m);

const describeError = (err: unknown): string =>
  err instanceof Error ? `${err.name}: ${err.message}\n${err.stack?.split('\n').slice(1, 6).join('\n') ?? ''}` : String(err);

async function fuzzTarget(name: string, fixtureSeeds: Seed[]): Promise<void> {
  const target = TARGETS.find((t) => t.name === name);
  if (!target) throw new Error(`no fuzz target ${name}`);
  reply({ type: 'start', target: name });
  const generated = await target.seeds();
  const seeds: Seed[] = [...generated, ...fixtureSeeds];
  const stats: FuzzStats = {
    target: target.name,
    entry: target.entry,
    seeds: seeds.length,
    seedsRejected: [],
    cases: 0,
    ok: 0,
    typed: {},
    slowestMs: 0,
    slowestCpuMs: 0,
    slowestLabel: '',
    peakHeapMiB: 0,
    fcSeed: req.fcSeed,
  };
  // The generated seeds are valid files: each must import as it is, or the fuzz would only ever mutate garbage.
  for (const s of generated) {
    try {
      await target.parse(s.bytes, s.name);
    } catch (err) {
      stats.seedsRejected.push(`${s.name}: ${describeError(err)}`);
    }
  }
  let failure: string | null = null;
  const property = fc.asyncProperty(mutants(seeds), async (m: Mutant) => {
    const started = performance.now();
    const cpu = threadCpuMs();
    publishCase(req.status, stats.cases, Date.now(), cpu, m.label);
    stats.cases++;
    try {
      await target.parse(m.bytes, m.label.slice(0, m.label.indexOf(':')));
      stats.ok++;
    } catch (err) {
      if (!(err instanceof AppError) || !TYPED_CODES.has(err.code)) {
        failure ??= `${m.label}\n${describeError(err)}`;
        throw err;
      }
      stats.typed[err.code] = (stats.typed[err.code] ?? 0) + 1;
    } finally {
      publishCase(req.status, stats.cases, 0, 0, '');
      const ms = performance.now() - started;
      if (ms > stats.slowestMs) {
        stats.slowestMs = ms;
        stats.slowestCpuMs = threadCpuMs() - cpu;
        stats.slowestLabel = m.label;
      }
      if (stats.cases % 16 === 0 || m.bytes.byteLength > 1 << 20) {
        stats.peakHeapMiB = Math.max(stats.peakHeapMiB, getHeapStatistics().used_heap_size / 2 ** 20);
      }
    }
  });
  const details = await fc.check(property, { numRuns: req.runs, seed: req.fcSeed, path: req.path, endOnFailure: req.path !== undefined });
  const shrunk = details.counterexample?.[0];
  reply({
    type: 'done',
    stats,
    failure: details.failed
      ? `${failure ?? 'property failed'}\nshrunk to: ${shrunk?.label ?? '?'}\nreplay: HEARTH_FUZZ_SEED=${details.seed} HEARTH_FUZZ_PATH=${details.counterexamplePath ?? ''}`
      : null,
  });
}

void (async () => {
  publishThread(req.status, ownThreadId());
  for (const { name, fixtureSeeds } of req.targets) {
    try {
      await fuzzTarget(name, fixtureSeeds);
    } catch (err) {
      reply({ type: 'crash', target: name, message: describeError(err) });
    }
  }
})();
