/**
 * Main-process logger. Tag by domain (`log.info('[vault] unlocked')`); never log op inputs,
 * secrets or keys. Quiet under tests unless HEARTH_LOG is set.
 */
const enabled = (): boolean => process.env.HEARTH_LOG !== undefined || (process.env.VITEST === undefined && process.env.HEARTH_QUIET === undefined);

export const log = {
  info: (message: string): void => {
    if (enabled()) console.error(`${new Date().toISOString()} INFO ${message}`);
  },
  warn: (message: string): void => {
    if (enabled()) console.error(`${new Date().toISOString()} WARN ${message}`);
  },
  error: (message: string, err?: unknown): void => {
    if (!enabled()) return;
    const detail = err instanceof Error ? `\n${err.stack ?? err.message}` : '';
    console.error(`${new Date().toISOString()} ERROR ${message}${detail}`);
  },
};
