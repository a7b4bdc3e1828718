import { log } from '../lib/log';

/** Runs `fn` after `ms`; returns a cancel. Tests pass their own to fire it when they choose. */
export type Later = (fn: () => void, ms: number) => () => void;

const realLater: Later = (fn, ms) => {
  const t = setTimeout(fn, ms);
  t.unref(); // never keeps a CLI or test process alive
  return () => clearTimeout(t);
};

/**
 * Collection while the profile stays unlocked. It otherwise runs only after unlock, so in a long session a
 * lapsed hand-over (label PDF, export, unclaimed upload) would stay on disk for days. SECURITY: an 'export'
 * blob may be a whole plaintext vault export (encrypted at rest, but still a copy nobody needs any more).
 * One timer at a time, due when the latest hand-over lapses; it re-arms if another was made meanwhile.
 */
export function handOverSweeper(collect: () => Promise<unknown>, opts: { delayMs: number; now: () => number; later?: Later }) {
  const later = opts.later ?? realLater;
  let dueAt = 0;
  let cancel: (() => void) | null = null;
  const arm = (): void => {
    cancel = later(
      () => {
        cancel = null;
        void collect()
          .catch((err: unknown) => log.warn(`[blobs] collecting lapsed hand-overs failed: ${err instanceof Error ? err.message : String(err)}`))
          .finally(() => {
            if (!cancel && dueAt > opts.now()) arm();
          });
      },
      Math.max(0, dueAt - opts.now()),
    );
  };
  return {
    /** A hand-over was just made: collect once it has lapsed. */
    handedOver(): void {
      dueAt = opts.now() + opts.delayMs;
      if (!cancel) arm();
    },
    /** On lock: nothing to collect until the next unlock (which collects anyway). */
    stop(): void {
      cancel?.();
      cancel = null;
      dueAt = 0;
    },
  };
}
