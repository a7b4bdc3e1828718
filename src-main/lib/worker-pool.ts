import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, APP_ERROR_CODES, type AppErrorCode, type AppErrorIssue } from '../../src-shared/ipc/result';
import type { JobRequest, WorkerMessage } from '../workers/job';
import type { JobInput, JobName, JobOutput } from '../workers/jobs';
import { log } from './log';

/**
 * Runs heavy work (import parsing, label PDFs, exports, health scoring) in a worker thread with V8 heap
 * limits and a time limit, so a decompression bomb or a 5,000-label job can neither block nor kill main.
 * One fresh worker per job, terminated when the job ends: nothing leaks from one job into the next.
 * At most {@link MAX_PARALLEL} jobs run at once; later ones wait their turn.
 */
export interface JobLimits {
  /** V8 old-generation heap of the worker, MiB. Exceeding it ends the job with TOO_LARGE. */
  maxOldGenerationSizeMb?: number;
  /** Wall-clock limit, ms. Exceeding it ends the job with TOO_LARGE. */
  timeoutMs?: number;
  /**
   * V8 young generation of the worker, MiB. A job that makes many short-lived objects fills all of it between
   * scavenges, and the process's RSS stays that much higher after the worker ends; such a job may ask for less.
   */
  maxYoungGenerationSizeMb?: number;
}

export interface RunJobOptions {
  limits?: JobLimits;
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number }) => void;
}

export const DEFAULT_JOB_LIMITS: Required<JobLimits> = { maxOldGenerationSizeMb: 512, timeoutMs: 120_000, maxYoungGenerationSizeMb: 64 };
const MAX_PARALLEL = 2;

let entryOverride: string | null = null;

/** Where the built worker lives: beside the main/CLI bundle, or HEARTH_WORKER_ENTRY (tests build it). */
export function workerEntry(): string {
  if (entryOverride) return entryOverride;
  const fromEnv = process.env.HEARTH_WORKER_ENTRY;
  if (fromEnv) return fromEnv;
  // This module is bundled into dist/main/*.cjs or a chunk under dist/main/chunks/; the worker sits in dist/main.
  const here = typeof __dirname === 'string' ? __dirname : null;
  for (const candidate of here ? [path.join(here, 'worker.cjs'), path.join(here, '..', 'worker.cjs')] : []) {
    if (existsSync(candidate)) return candidate;
  }
  throw new AppError('INTERNAL', 'The worker bundle is missing: run `npm run build`.');
}

/** Points the pool at another worker bundle (Electron's packaged path). */
export function setWorkerEntry(file: string): void {
  entryOverride = file;
}

let running = 0;
const waiting: Array<() => void> = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/** Runs the job `name` on `input` in a worker and resolves with its output; errors arrive as AppError. */
export async function runJob<N extends JobName>(name: N, input: JobInput<N>, opts: RunJobOptions = {}): Promise<JobOutput<N>> {
  if (opts.signal?.aborted) throw cancelled();
  const release = await slot();
  try {
    // Cancelled while waiting for a slot: an abort listener added now would never fire.
    if (opts.signal?.aborted) throw cancelled();
    return (await runInWorker(name, input, opts)) as JobOutput<N>;
  } finally {
    release();
  }
}

function runInWorker(name: string, input: unknown, opts: RunJobOptions): Promise<unknown> {
  const limits = { ...DEFAULT_JOB_LIMITS, ...opts.limits };
  const cancelFlag = new SharedArrayBuffer(4);
  const worker = new Worker(workerEntry(), {
    resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb },
    stdout: false,
    stderr: false,
  });

  return new Promise((resolve, reject) => {
    let settled = false;
    /** Cancelled: the caller has its answer, the worker is ended once it stops (see onAbort). */
    let draining = false;
    const end = (): void => {
      clearTimeout(timer);
      void worker.terminate();
    };
    const finish = (fn: () => void, drain = false): void => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      if (drain) draining = true;
      else end();
      fn();
    };
    const timer = setTimeout(() => {
      if (draining) return end();
      finish(() =>
        reject(new AppError('TOO_LARGE', `The job took longer than ${Math.round(limits.timeoutMs / 1000)} s and was stopped; nothing was changed.`)),
      );
    }, limits.timeoutMs);
    timer.unref();
    // The caller gets CANCELLED at once; the worker sees the flag at its next check and stops, and is ended then
    // (or at its time limit). Terminating it at once could land in native async work (argon2 in a KDBX job), and
    // Node aborts the whole process when such work completes in a torn-down worker.
    const onAbort = (): void => {
      Atomics.store(new Int32Array(cancelFlag), 0, 1);
      finish(() => reject(cancelled()), true);
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (m: WorkerMessage) => {
      if (draining) {
        if (m.type !== 'progress') end();
        return;
      }
      if (m.type === 'progress') opts.onProgress?.({ done: m.done, total: m.total });
      else if (m.type === 'done') finish(() => resolve(m.value));
      else finish(() => reject(fromWorkerError(m.error, name)));
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        finish(() =>
          reject(new AppError('TOO_LARGE', `The job needed more than ${limits.maxOldGenerationSizeMb} MiB of memory and was stopped; nothing was changed.`)),
        );
      } else {
        log.error(`[worker] ${name} crashed`, err);
        finish(() => reject(new AppError('INTERNAL', 'Something went wrong inside Hearth.')));
      }
    });
    worker.on('exit', (code) => {
      if (draining) clearTimeout(timer);
      finish(() => reject(new AppError('INTERNAL', `The worker for ${name} stopped unexpectedly (exit ${code}).`)));
    });
    const req: JobRequest = { name, input, cancelFlag };
    worker.postMessage(req);
  });
}

const cancelled = (): AppError => new AppError('CANCELLED', 'Cancelled; nothing was changed.');

function fromWorkerError(e: Extract<WorkerMessage, { type: 'error' }>['error'], name: string): AppError {
  if (e.app && e.code && (APP_ERROR_CODES as readonly string[]).includes(e.code)) {
    const extra: { issues?: AppErrorIssue[]; file?: string } = {};
    if (Array.isArray(e.issues)) extra.issues = e.issues as AppErrorIssue[];
    if (e.file) extra.file = e.file;
    return new AppError(e.code as AppErrorCode, e.message, extra);
  }
  log.error(`[worker] ${name} failed: ${e.message}`);
  return new AppError('INTERNAL', 'Something went wrong inside Hearth.');
}
