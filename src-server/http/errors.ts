import type { SyncErrorCode } from '../../src-shared/sync/protocol';

/** HTTP status of each protocol error code (one place; the client maps back by the code, not the status). */
export const STATUS_OF: Record<SyncErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED_OUT: 423,
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/**
 * The one error type route code throws: a protocol error code and a message safe to show the client (never a
 * value from the request, a token, an email or SQL). The error handler turns it into an `ErrorResponse`.
 */
export class ServerError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServerError';
    this.statusCode = STATUS_OF[code];
  }
}

export const badRequest = (message: string) => new ServerError('BAD_REQUEST', message);
export const unauthorized = (message = 'Sign in again') => new ServerError('UNAUTHORIZED', message);
export const forbidden = (message = 'Not allowed in this space') => new ServerError('FORBIDDEN', message);
export const notFound = (message = 'Not found') => new ServerError('NOT_FOUND', message);
export const conflict = (message: string) => new ServerError('CONFLICT', message);
