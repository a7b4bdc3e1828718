import type { Seed } from './mutate';

/**
 * What the fuzz harness (test side) and the fuzz worker exchange: the request (workerData), the reply, and the
 * shared-memory status block the worker writes before and after every case so the watchdog can read it while
 * the worker is stuck. Layout: Float64 [0] case start (ms since epoch, 0 = idle), [1] the worker thread's CPU ms at
 * that start; Int32 at byte 16: case number, label length, thread id; bytes 32.. the label (UTF-8, truncated).
 */

export interface FuzzRequest {
  /** Targets run one after the other in the same worker, each with its fixture seeds. */
  targets: Array<{ name: string; fixtureSeeds: Seed[] }>;
  runs: number;
  fcSeed: number;
  /** fast-check replay path (HEARTH_FUZZ_PATH): runs that one case, no shrinking. */
  path?: string;
  status: SharedArrayBuffer;
}

export interface FuzzStats {
  target: string;
  entry: string;
  seeds: number;
  /** Generated seeds the importer refused as they are (each should import): name and error. */
  seedsRejected: string[];
  cases: number;
  ok: number;
  /** Typed AppError codes thrown, by code. */
  typed: Record<string, number>;
  /** Wall time of the slowest case, and the CPU time the worker thread spent on it (10 ms ticks; NaN without /proc). */
  slowestMs: number;
  slowestCpuMs: number;
  slowestLabel: string;
  peakHeapMiB: number;
  fcSeed: number;
}

export type WorkerReply =
  { type: 'start'; target: string } | { type: 'done'; stats: FuzzStats; failure: string | null } | { type: 'crash'; target: string; message: string };

const LABEL_BYTES = 1024;
const LABEL_AT = 32;

export function newStatusBlock(): SharedArrayBuffer {
  return new SharedArrayBuffer(LABEL_AT + LABEL_BYTES);
}

/** The worker thread's Linux thread id (so the parent can read its CPU time), or 0 where /proc is not there. */
export function publishThread(status: SharedArrayBuffer, tid: number): void {
  new Int32Array(status, 16, 4)[2] = tid;
}

/** Called by the worker before (with the label) and after (startedAt 0) every case. */
export function publishCase(status: SharedArrayBuffer, index: number, startedAt: number, cpuMs: number, label: string): void {
  const ints = new Int32Array(status, 16, 4);
  if (label) ints[1] = new TextEncoder().encodeInto(label, new Uint8Array(status, LABEL_AT, LABEL_BYTES)).written;
  ints[0] = index;
  new Float64Array(status, 0, 2).set([startedAt, cpuMs]);
}

export interface CaseStatus {
  index: number;
  /** Wall-clock start (ms since epoch), 0 between cases. */
  startedAt: number;
  /** The worker thread's CPU time at the start, ms (NaN without /proc). */
  cpuAtStart: number;
  tid: number;
  label: string;
}

export function readCase(status: SharedArrayBuffer): CaseStatus {
  const ints = new Int32Array(status, 16, 4);
  const [startedAt = 0, cpuAtStart = Number.NaN] = new Float64Array(status, 0, 2);
  const label = new TextDecoder().decode(new Uint8Array(status, LABEL_AT, LABEL_BYTES).slice(0, ints[1] ?? 0));
  return { index: ints[0] ?? 0, startedAt, cpuAtStart, tid: ints[2] ?? 0, label };
}
