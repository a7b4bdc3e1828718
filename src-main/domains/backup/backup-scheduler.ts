/**
 * The automatic backup: while a profile is unlocked, it looks at unlock and every ten minutes whether a backup
 * is due (backup-settings.ts `isDue`) and runs one in the background. Failures are the runner's business (kept
 * as `lastError`); the timer never throws and never keeps the process alive.
 */
export const CHECK_EVERY_MS = 10 * 60_000;

export interface Scheduler {
  start(): void;
  stop(): void;
}

export function createScheduler(due: () => Promise<boolean>, run: () => Promise<unknown>, everyMs = CHECK_EVERY_MS): Scheduler {
  let timer: NodeJS.Timeout | null = null;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      if (await due()) await run();
    } catch {
      // Recorded as lastError by the runner; a locked profile simply ends the check.
    } finally {
      busy = false;
    }
  };
  return {
    start() {
      if (timer) return;
      timer = setInterval(() => void tick(), everyMs);
      timer.unref();
      setTimeout(() => void tick(), 0).unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
