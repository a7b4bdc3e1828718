import { randomInt } from 'node:crypto';

/** Background sync's rhythm: a pass every minute, one shortly after a local change, and backoff after failures. */
export const SYNC_TIMING = {
  intervalMs: 60_000,
  afterChangeMs: 2_000,
  /** The first retry after a failure, doubled per failure in a row up to `maxBackoffMs`. */
  firstBackoffMs: 5_000,
  maxBackoffMs: 15 * 60_000,
} as const;

/**
 * The wait before the next attempt after `failures` failed passes in a row (≥ 1): exponential with "equal jitter"
 * (half fixed, half random), so devices that failed together do not retry together, and each wait is at least as
 * long as the longest possible previous one (the backoff never shrinks while the failures go on). Capped at 15 min.
 */
export function backoffMs(failures: number, timing: { firstBackoffMs: number; maxBackoffMs: number } = SYNC_TIMING): number {
  const exp = Math.min(timing.maxBackoffMs, timing.firstBackoffMs * 2 ** Math.min(30, Math.max(0, failures - 1)));
  const half = Math.floor(exp / 2);
  return half + randomInt(0, exp - half + 1);
}
