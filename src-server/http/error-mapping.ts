import { ZodError } from 'zod';
import type { SyncErrorCode } from '../../src-shared/sync/protocol';
import { ServerError, STATUS_OF } from './errors';

/** What the error handler answers and logs for any thrown value. */
export interface MappedError {
  code: SyncErrorCode;
  status: number;
  message: string;
  /** Unexpected: logged with its name, code and stack frames (never its message: it may quote a value). */
  unexpected: boolean;
}

// PostgreSQL SQLSTATEs and socket errors that mean "the database is not there right now": retry later.
const PG_UNAVAILABLE = /^(08|57P0|53300|53400)/;
const NET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);

/**
 * Maps any error to a protocol error: our own ServerError as is; zod failures to BAD_REQUEST (or TOO_LARGE when
 * a change or a batch is over the limits); Fastify's body errors; a missing database to UNAVAILABLE; anything
 * else to INTERNAL without detail.
 */
export function mapError(err: unknown): MappedError {
  const made = (code: SyncErrorCode, message: string, unexpected = false): MappedError => ({ code, status: STATUS_OF[code], message, unexpected });
  if (err instanceof ServerError) return made(err.code, err.message);
  if (err instanceof ZodError) return mapZod(err);
  const e = (err ?? {}) as { code?: unknown; statusCode?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return made('TOO_LARGE', 'The request body is too large');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    return made('BAD_REQUEST', 'Unsupported or empty request body');
  }
  if (code === 'FST_ERR_CTP_EMPTY_TYPE') return made('BAD_REQUEST', 'A content type is required');
  if (e.statusCode === 400 && err instanceof SyntaxError) return made('BAD_REQUEST', 'The request body is not valid JSON');
  if (e.statusCode === 429) return made('RATE_LIMITED', 'Too many requests; try again later');
  if (PG_UNAVAILABLE.test(code) || NET_UNAVAILABLE.has(code) || isPgConnectionLoss(e.message)) {
    return made('UNAVAILABLE', 'The server cannot reach its database; try again later');
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) return made('BAD_REQUEST', 'Bad request');
  return made('INTERNAL', 'Internal server error', true);
}

function mapZod(err: ZodError): MappedError {
  const tooBig = err.issues.some((i) => i.code === 'too_big' && (i.path.at(-1) === 'envelope' || (i.path.length === 1 && i.path[0] === 'changes')));
  const code: SyncErrorCode = tooBig ? 'TOO_LARGE' : 'BAD_REQUEST';
  // Paths and zod's messages only: a message never quotes the refused value.
  const where = err.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  return { code, status: STATUS_OF[code], message: `Invalid request: ${where}`.slice(0, 500), unexpected: false };
}

function isPgConnectionLoss(message: unknown): boolean {
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed/i.test(message)
  );
}
