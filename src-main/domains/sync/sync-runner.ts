import { backoffMs, SYNC_TIMING } from './sync-backoff';

export interface SyncRunnerOptions<T> {
  now: () => number;
  /** One sync pass (throws on failure). */
  pass: () => Promise<T>;
  /** An error retrying cannot fix: background sync stops instead of backing off. */
  fatal: (err: unknown) => boolean;
  /** Called whenever running / next attempt changes, so the status event can go out. */
  changed: () => void;
  timing?: Partial<typeof SYNC_TIMING>;
}

export interface SyncRunner<T> {
  /** Runs a pass now; passes never overlap (a second call waits for the running one, then runs its own). */
  run(): Promise<T>;
  /** Background on: a pass every minute, 2 s after a local change, backoff after failures. */
  start(): void;
  /** Background off (lock, sign-out, switch off, fatal error); a running pass finishes. */
  stop(): void;
  /** A local change happened: sync soon (ignored while backing off, so a busy editor does not hammer a dead server). */
  poke(): void;
  readonly running: boolean;
  /** ms since the epoch of the next background attempt, or null. */
  readonly nextAttemptAt: number | null;
  /** Failed passes in a row. */
  readonly failures: number;
}

/**
 * Background sync's scheduler: one timer, serialized passes, exponential backoff with jitter after retryable
 * failures (sync-backoff.ts). A failing server never blocks anything else: passes run beside the app's writes,
 * and their errors land in the status, not in a caller.
 */
export function createSyncRunner<T>(opts: SyncRunnerOptions<T>): SyncRunner<T> {
  const timing = { ...SYNC_TIMING, ...opts.timing };
  let timer: NodeJS.Timeout | null = null;
  let nextAt: number | null = null;
  let background = false;
  let running = 0;
  let failures = 0;
  let chain: Promise<unknown> = Promise.resolve();

  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    nextAt = null;
  };
  const schedule = (delay: number, onlyIfSooner = false) => {
    if (!background) return;
    const at = opts.now() + delay;
    if (onlyIfSooner && nextAt !== null && nextAt <= at) return;
    clear();
    nextAt = at;
    timer = setTimeout(() => {
      timer = null;
      nextAt = null;
      runner.run().catch(() => undefined); // the error is in the status already
    }, delay);
    timer.unref?.();
    opts.changed();
  };

  const runner: SyncRunner<T> = {
    run() {
      const mine = chain.then(async () => {
        running += 1;
        clear();
        opts.changed();
        try {
          const out = await opts.pass();
          failures = 0;
          schedule(timing.intervalMs);
          return out;
        } catch (err) {
          failures += 1;
          if (opts.fatal(err)) runner.stop();
          else schedule(backoffMs(failures, timing));
          throw err;
        } finally {
          running -= 1;
          opts.changed();
        }
      });
      chain = mine.catch(() => undefined);
      return mine;
    },
    start() {
      if (background) return;
      background = true;
      schedule(timing.afterChangeMs);
    },
    stop() {
      background = false;
      clear();
    },
    poke() {
      if (failures > 0 || running > 0) return;
      schedule(timing.afterChangeMs, true);
    },
    get running() {
      return running > 0;
    },
    get nextAttemptAt() {
      return nextAt;
    },
    get failures() {
      return failures;
    },
  };
  return runner;
}
