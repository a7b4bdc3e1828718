import type { Model, WriteOp } from './soak-model';

/**
 * The soak's driver ↔ worker messages. The worker writes one `@soak <json>` line per message to stdout (a pipe:
 * synchronous on Linux, so a line written before an operation's next step is in the driver's hands even if a
 * SIGKILL lands right after); the driver writes JSON lines to the worker's stdin.
 */
export const LINE_PREFIX = '@soak ';
/** argv flag that makes the soak entry run as a worker. */
export const WORKER_FLAG = '--soak-worker';

/** The first line the driver sends. */
export interface WorkerInit {
  root: string;
  /** Where the worker may write input files (sample mboxes): outside the profile root. */
  scratch: string;
  password: string;
  /** A word put into every secret and body; it must never appear in a file under the root. */
  canary: string;
  seed: number;
  cycle: number;
  model: Model;
  /** The write that was running when the previous worker was killed. */
  inflight: WriteOp | null;
  /** 'run': verify, then random operations until killed; 'verify': verify, lock, exit. */
  mode: 'run' | 'verify';
  /** Report RSS every this many milliseconds. */
  rssEveryMs: number;
  /** Lock/unlock after a random number of operations in [min, max]. */
  lockEvery: [number, number];
}

export interface Checks {
  integrity: string;
  fts: string[];
  emailChecked: number;
  revealed: number;
  filesHashed: number;
  ms: number;
}

export type WorkerMessage =
  | { t: 'ready'; failures: string[]; model: Model; checks: Checks; startMs: number }
  | { t: 'begin'; n: number; name: string; op: WriteOp | null }
  | { t: 'ack'; n: number; name: string; op: WriteOp | null }
  | { t: 'rss'; rss: number; heapUsed: number; ops: number }
  | { t: 'locked'; ops: number }
  | { t: 'cycle'; failures: string[]; checks: Checks }
  | { t: 'fail'; message: string };

export type DriverMessage = WorkerInit | { t: 'go' };

/** Writes one protocol line (synchronously on a pipe). */
export function send(message: WorkerMessage): void {
  process.stdout.write(`${LINE_PREFIX}${JSON.stringify(message)}\n`);
}
