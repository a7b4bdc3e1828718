import { AppError, type AppErrorCode } from '../../../src-shared/ipc/result';
import { SyncError } from '../../sync/types';

/** Errors after which background sync stops until the person signs in again (retrying cannot help). */
export function isFatal(err: unknown): boolean {
  return err instanceof SyncError && (err.code === 'UNAUTHORIZED' || err.code === 'TAMPERED');
}

/** A failure in words for the status line: what happened and what to do, never a token or a payload. */
export function describeSyncError(err: unknown): { code: string; message: string } {
  if (!(err instanceof SyncError)) {
    if (err instanceof AppError) return { code: err.code, message: err.message.slice(0, 500) };
    return { code: 'INTERNAL', message: 'Sync failed on this device; it will try again.' };
  }
  const words: Record<string, string> = {
    NETWORK: 'Cannot reach the sync server (offline, or the server is down). Your changes are kept and sync later.',
    UNAVAILABLE: 'The sync server is not available right now. Your changes are kept and sync later.',
    INTERNAL: 'The sync server had a problem. Your changes are kept and sync later.',
    RATE_LIMITED: 'The sync server asks to slow down; trying again later.',
    LOCKED_OUT: 'Too many failed sign-ins: the account is locked for a while.',
    UNAUTHORIZED: 'This device is signed out of sync: it was revoked or its session ended. Sign in again.',
    FORBIDDEN: 'The sync server refused this change.',
    TAMPERED: 'Data from the sync server failed its integrity check; sync stopped. Sign in again or check the server.',
    TOO_LARGE: 'A change is too large for the sync server.',
  };
  return { code: err.code, message: (words[err.code] ?? err.message).slice(0, 500) };
}

const APP_CODE: Record<string, AppErrorCode> = {
  BAD_REQUEST: 'INVALID_INPUT',
  UNAUTHORIZED: 'FORBIDDEN',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  LOCKED_OUT: 'BUSY',
  RATE_LIMITED: 'BUSY',
  TOO_LARGE: 'TOO_LARGE',
  UNAVAILABLE: 'BUSY',
  INTERNAL: 'INTERNAL',
  NETWORK: 'BUSY',
  TAMPERED: 'CORRUPT',
};

/**
 * The typed error an op answers with. At sign-in, UNAUTHORIZED means the email or password is wrong
 * (WRONG_PASSWORD: exit 3 in the CLI); an email already signed up is a CONFLICT.
 */
export function toAppError(err: unknown, during: 'sign-in' | 'sign-up' | 'sync'): unknown {
  if (!(err instanceof SyncError)) return err;
  if (during !== 'sync' && err.code === 'UNAUTHORIZED') return new AppError('WRONG_PASSWORD', 'Wrong email or password for that sync server.');
  if (during === 'sign-up' && err.code === 'CONFLICT') return new AppError('CONFLICT', 'That email already has a sync account. Sign in instead.');
  return new AppError(APP_CODE[err.code] ?? 'INTERNAL', describeSyncError(err).message);
}
