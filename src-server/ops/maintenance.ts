import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/database';
import { purgeExpiredTokens, purgeTombstones } from '../sync/purge';
import { safeError } from './logging';

/**
 * The periodic job: purges tombstones every device has seen (spaces that stopped pushing never trigger the
 * per-push purge) and expired tokens. Failures are logged and retried next round, never thrown.
 */
export function startMaintenance(
  db: Kysely<ServerDatabase>,
  log: FastifyBaseLogger,
  intervalMs: number,
  now: () => Date,
  /** Devices unseen this long do not hold tombstone purges back (refreshTokenSeconds: see purgeTombstones). */
  staleAfterMs: number,
): { stop(): void } {
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      const purged = await purgeTombstones(db, undefined, new Date(now().getTime() - staleAfterMs));
      await purgeExpiredTokens(db, now());
      if (purged > 0) log.info({ purged }, 'maintenance: purged seen tombstones');
    } catch (err) {
      log.warn({ err: safeError(err) }, 'maintenance round failed');
    } finally {
      running = false;
    }
  };
  const timer = intervalMs > 0 ? setInterval(() => void round(), intervalMs) : null;
  timer?.unref();
  return { stop: () => (timer ? clearInterval(timer) : undefined) };
}
