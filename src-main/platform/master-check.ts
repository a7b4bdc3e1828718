import { AppError } from '../../src-shared/ipc/result';
import { log } from '../lib/log';

const FAILURES_BEFORE_LOCK = 5;
const FAILURE_WINDOW_MS = 5 * 60_000;

/**
 * The master-password check behind re-prompt vault items, the TOTP seed, locked journals and other sensitive ops:
 * no password → REPROMPT_REQUIRED (the renderer shows its dialog); a wrong one → WRONG_PASSWORD, and
 * five wrong ones within five minutes lock the profile.
 */
export function createMasterCheck(deps: { verifyPassword(password: string): Promise<void>; lock(): void; clock: () => number }) {
  let failures: number[] = [];
  return {
    async check(password: string | undefined, ask: string): Promise<void> {
      if (password === undefined) throw new AppError('REPROMPT_REQUIRED', ask);
      try {
        await deps.verifyPassword(password);
        failures = [];
      } catch (err) {
        const now = deps.clock();
        failures = [...failures.filter((t) => now - t < FAILURE_WINDOW_MS), now];
        if (failures.length >= FAILURES_BEFORE_LOCK) {
          failures = [];
          log.warn('[master] too many failed re-prompts; locking');
          deps.lock();
        }
        throw err;
      }
    },
    reset(): void {
      failures = [];
    },
  };
}
