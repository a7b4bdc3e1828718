import type { Writable } from 'node:stream';
import { LogController, type FastifyServerOptions } from 'fastify';

/** Where the server's JSON log lines go (tests capture them to look for leaks), or false for none. */
export type ServerLogOptions = false | { level?: string; stream?: Writable | { write(line: string): void } };

/**
 * Fastify's pino logger configured so that no payload can reach a log line: the default request logs are off
 * (the server writes one line per request itself: method, route pattern, status, ms, account and device ids),
 * request and response serializers keep only metadata (the route pattern, never the URL: a query may hold an
 * email), errors are logged by name, code and stack frames only (a message may quote a value), and the
 * Authorization and Cookie headers are redacted in case anything logs headers anyway.
 */
export function loggerOptions(log: ServerLogOptions | undefined): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  const logController = new LogController({ disableRequestLogging: true });
  if (log === false) return { logger: false, logController };
  return {
    logController,
    logger: {
      level: log?.level ?? 'info',
      ...(log?.stream ? { stream: log.stream } : {}),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'authorization'], censor: '[redacted]' },
      serializers: {
        req: (req: { method?: string; routeOptions?: { url?: string } }) => ({ method: req.method, route: req.routeOptions?.url ?? 'unmatched' }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: safeError,
      },
    },
  };
}

/** An error as a log may show it: its type, code and where it was thrown — not its message. */
export function safeError(err: unknown): { type: string; message: string; stack: string; code?: string } {
  if (!(err instanceof Error)) return { type: typeof err, message: '[not logged]', stack: '' };
  const code = (err as { code?: unknown }).code;
  const frames = err.stack
    ?.split('\n')
    .filter((l) => l.trimStart().startsWith('at '))
    .slice(0, 8)
    .join('\n');
  return { type: err.name, message: '[not logged]', stack: frames ?? '', ...(typeof code === 'string' ? { code } : {}) };
}
