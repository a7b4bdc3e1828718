/**
 * Main-process logger. Tag by domain (`log.info('[vault] unlocked')`); never log op inputs,
 * secrets or keys. By default (the Electron app) it follows the environment: quiet under tests unless
 * HEARTH_LOG is set. A front door may set the level instead: the CLI is silent unless `--verbose`,
 * because its stderr carries the JSON error object that scripts parse.
 */
export type LogLevel = 'silent' | 'error' | 'warn' | 'info';

const RANK: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3 };

/** undefined: decided by the environment on every call (the app's behaviour). */
let level: LogLevel | undefined;

/** Sets the level for this process, overriding the environment. */
export function setLogLevel(next: LogLevel): void {
  level = next;
}

const fromEnv = (): boolean => process.env.HEARTH_LOG !== undefined || (process.env.VITEST === undefined && process.env.HEARTH_QUIET === undefined);
const enabled = (at: Exclude<LogLevel, 'silent'>): boolean => (level === undefined ? fromEnv() : RANK[at] <= RANK[level]);

export const log = {
  info: (message: string): void => {
    if (enabled('info')) console.error(`${new Date().toISOString()} INFO ${message}`);
  },
  warn: (message: string): void => {
    if (enabled('warn')) console.error(`${new Date().toISOString()} WARN ${message}`);
  },
  error: (message: string, err?: unknown): void => {
    if (!enabled('error')) return;
    const detail = err instanceof Error ? `\n${err.stack ?? err.message}` : '';
    console.error(`${new Date().toISOString()} ERROR ${message}${detail}`);
  },
};
