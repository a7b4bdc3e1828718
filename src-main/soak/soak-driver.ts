import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { seededRandom } from '../bench/measure';
import { filesContaining } from '../test/canary';
import { applyAck, emptyModel, recordCount, type Model, type WriteOp } from './soak-model';
import { LINE_PREFIX, WORKER_FLAG, type WorkerInit, type WorkerMessage } from './soak-protocol';
import { parseArgs, renderSummary, rssFigures, type RssSample, type SoakResult } from './soak-report';

/**
 * `npm run soak -- --minutes 30 --seed 42`: drives the core through random operations of every module in worker
 * processes on one temp profile. The first worker lives for half the run (its RSS, sampled every few hundred
 * operations, must not grow more than 10 % after the warm-up: the first 10 % of the run); after it, each worker
 * is SIGKILLed at a random moment and the next one reopens the profile and checks every acknowledged write
 * (soak-model.ts), integrity_check, the FTS indexes and the stored mail. The profile folder is scanned for the
 * canary after every kill and every lock. Exit code 1 on any failure, with the seed and the last operations.
 */
const LOG_TAIL = 40;
const STALL_MS = 180_000;

export async function runDriver(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-soak-'));
  const root = path.join(tmp, 'profiles');
  const scratch = path.join(tmp, 'scratch');
  mkdirSync(root);
  mkdirSync(scratch);
  const canary = `SOAKCANARY${randomBytes(6).toString('hex')}`;
  const password = randomBytes(18).toString('base64url');
  const rand = seededRandom(opts.seed);
  const D = opts.durationMs;
  const start = Date.now();
  const end = start + D;
  const lifeMin = Math.max(1500, D / 360);
  const lifeMax = Math.max(3000, D / 60);
  const log: string[] = [];
  const note = (line: string) => {
    log.push(`${((Date.now() - start) / 1000).toFixed(2)}s ${line}`);
    if (log.length > LOG_TAIL) log.shift();
  };
  const progress = (line: string) => process.stderr.write(`[soak] ${line}\n`);
  const failures: string[] = [];
  const rss: RssSample[] = [];
  let model: Model = emptyModel();
  let inflight: WriteOp | null = null;
  let profileBytes = 0;
  const stats = { ops: 0, writes: 0, kills: 0, cycles: 0, lockCycles: 0, checksPassed: 0, canaryScans: 0, maxRss: 0 };
  /** Per operation name: count, total and worst milliseconds from begin to ack (as the driver sees them). */
  const latency = new Map<string, { n: number; totalMs: number; maxMs: number }>();
  let begunAt = 0;
  let readyMs = 0;
  let checksMs = 0;

  const scan = async (when: string) => {
    let hits: string[] = [];
    for (let attempt = 0; ; attempt++) {
      try {
        hits = await filesContaining(root, canary);
        break;
      } catch (err) {
        if (attempt < 2 && (err as NodeJS.ErrnoException).code === 'ENOENT') continue; // a file went away mid-scan
        throw err;
      }
    }
    stats.canaryScans++;
    if (hits.length > 0) failures.push(`canary plaintext ${when} in: ${hits.join(', ')}`);
  };

  /** One worker from spawn to exit; resolves once it has exited. */
  const runWorker = (cycle: number, mode: WorkerInit['mode'], killAt: (firstAckAt: number) => number) =>
    new Promise<void>((resolve) => {
      const spawnedAt = Date.now();
      const child = spawn(process.execPath, [__filename, WORKER_FLAG], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, HEARTH_QUIET: '1' } });
      const init: WorkerInit = { root, scratch, password, canary, seed: opts.seed, cycle, model, inflight, mode, rssEveryMs: 1000, lockEvery: [40, 200] };
      child.stdin.write(`${JSON.stringify(init)}\n`);
      let killed = false;
      let timer: NodeJS.Timeout | undefined;
      let lastBegin: WriteOp | null = null;
      let stderr = '';
      const kill = () => {
        killed = true;
        child.kill('SIGKILL');
      };
      let stall = setTimeout(kill, STALL_MS);
      const fail = (message: string) => {
        failures.push(`worker ${cycle}: ${message}`);
        kill();
      };
      const handle = async (m: WorkerMessage) => {
        clearTimeout(stall);
        stall = setTimeout(() => fail(`no message for ${STALL_MS / 1000} s`), STALL_MS);
        if (m.t === 'ready') {
          readyMs = Date.now() - spawnedAt;
          checksMs = m.checks.ms;
          if (m.failures.length > 0) return fail(`after reopening: ${m.failures.join('; ')}`);
          model = m.model;
          inflight = null;
          stats.checksPassed++;
        } else if (m.t === 'begin') {
          lastBegin = m.op;
          begunAt = Date.now();
          note(`w${cycle} #${m.n} begin ${m.name}${m.op?.id ? ` ${m.op.id}` : ''}`);
        } else if (m.t === 'ack') {
          stats.ops++;
          lastBegin = null;
          const l = latency.get(m.name) ?? { n: 0, totalMs: 0, maxMs: 0 };
          const ms = Date.now() - begunAt;
          latency.set(m.name, { n: l.n + 1, totalMs: l.totalMs + ms, maxMs: Math.max(l.maxMs, ms) });
          note(`w${cycle} #${m.n} ack   ${m.name}${m.op?.id ? ` ${m.op.id}` : ''}`);
          if (m.op) {
            stats.writes++;
            applyAck(model, m.op);
          }
          if (mode === 'run') timer ??= setTimeout(kill, Math.max(0, killAt(Date.now()) - Date.now()));
        } else if (m.t === 'rss') {
          stats.maxRss = Math.max(stats.maxRss, m.rss);
          if (cycle === 0) rss.push({ atMs: Date.now() - start, rss: m.rss, heapUsed: m.heapUsed });
        } else if (m.t === 'locked') {
          stats.lockCycles++;
          await scan(`while locked (worker ${cycle}, after ${m.ops} operations)`);
          if (!killed) child.stdin.write(`${JSON.stringify({ t: 'go' })}\n`);
        } else if (m.t === 'cycle') {
          if (m.failures.length > 0) return fail(`after unlock: ${m.failures.join('; ')}`);
          stats.checksPassed++;
        } else if (m.t === 'fail') {
          fail(m.message);
        }
      };
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith(LINE_PREFIX)) handle(JSON.parse(line.slice(LINE_PREFIX.length)) as WorkerMessage).catch((err: unknown) => fail(String(err)));
      });
      child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
      child.stdin.on('error', () => undefined); // the worker may be gone before it reads
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        clearTimeout(stall);
        stats.cycles++;
        if (killed && signal === 'SIGKILL') {
          stats.kills++;
          inflight = lastBegin;
          if (lastBegin) model.nextRev = Math.max(model.nextRev, lastBegin.rev + 1);
        } else if (!(mode === 'verify' && code === 0)) {
          failures.push(`worker ${cycle} exited on its own (code ${code}, signal ${signal}): ${stderr.trim().split('\n').slice(-8).join(' | ')}`);
        }
        resolve();
      });
    });

  progress(`seed ${opts.seed}, ${(D / 60_000).toFixed(1)} min, profile under ${tmp}`);
  try {
    for (let cycle = 0; failures.length === 0 && Date.now() < end; cycle++) {
      // The long-lived first worker until about half-time, then random lifetimes; counted from the first
      // acknowledged write, so a slow start on a busy machine cannot make the kill land before any work.
      const life = lifeMin + rand() * (lifeMax - lifeMin);
      const killAt = (firstAck: number) => (cycle === 0 ? Math.max(start + D * (0.45 + 0.05 * rand()), firstAck + life) : Math.min(end, firstAck + life));
      const before = stats.ops;
      await runWorker(cycle, 'run', killAt);
      if (failures.length === 0) await scan(`after the kill of worker ${cycle}`);
      const status = failures.length === 0 ? 'ok' : 'FAILED';
      progress(`worker ${cycle}: ready in ${readyMs} ms (checks ${checksMs} ms), ${stats.ops - before} operations, ${status}, ${recordCount(model)} records`);
    }
    if (failures.length === 0) {
      await runWorker(stats.cycles, 'verify', () => end);
      await scan('at the end');
    }
    profileBytes = sizeOf(root);
  } catch (err) {
    failures.push(`driver: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  } finally {
    if (!opts.keep) rmSync(tmp, { recursive: true, force: true });
  }
  const seconds = (Date.now() - start) / 1000;
  const figures = rssFigures(rss, D * 0.1);
  if (opts.rssEnforced && figures === null) failures.push('RSS: too few samples after warm-up to check growth');
  if (opts.rssEnforced && figures && figures.growthPct > opts.rssLimitPct) {
    failures.push(`RSS grew ${figures.growthPct.toFixed(1)} % after warm-up (limit ${opts.rssLimitPct} %)`);
  }
  const result: SoakResult = {
    seed: opts.seed,
    seconds,
    ops: stats.ops,
    writes: stats.writes,
    opsPerSecond: stats.ops / seconds,
    kills: stats.kills,
    cycles: stats.cycles,
    lockCycles: stats.lockCycles,
    checksPassed: stats.checksPassed,
    canaryScans: stats.canaryScans,
    records: recordCount(model),
    emailMessages: model.emailMessages,
    rss: figures,
    rssEnforced: opts.rssEnforced,
    maxWorkerRssMiB: stats.maxRss / 1024 / 1024,
    profileMiB: profileBytes / 1024 / 1024,
    slowest: [...latency]
      .map(([name, l]) => ({ name, n: l.n, meanMs: Math.round(l.totalMs / l.n), maxMs: l.maxMs }))
      .sort((a, b) => b.meanMs - a.meanMs)
      .slice(0, 5),
    failures,
  };
  process.stdout.write(`${renderSummary(result)}\n`);
  if (failures.length > 0) {
    process.stdout.write(`\nTo reproduce: npm run soak -- --seconds ${Math.ceil(D / 1000)} --seed ${opts.seed}\nLast operations:\n  ${log.join('\n  ')}\n`);
  }
  process.stdout.write(`SOAK-RESULT ${JSON.stringify(result)}\n`);
  return failures.length > 0 ? 1 : 0;
}

/** Total bytes of the files under `dir`. */
function sizeOf(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(path.join(e.parentPath, e.name)).size, 0);
}
