import type { CallTransport } from '../../src-shared/ipc/client';
import type { Result } from '../../src-shared/ipc/result';

/**
 * How the renderer reaches main. Two implementations exist (Electron preload bridge, browser-mode
 * HTTP); `client.ts` picks one at start and nothing outside `api/` knows which.
 */
export interface Transport extends CallTransport {
  /**
   * Drops everything the page holds after the profile locks. Browser mode reloads the page;
   * under Electron main reloads the window itself (docs/security.md#locking).
   */
  resetAfterLock(): void;
}

/** A Result for a failure that happened before main could answer. */
export const transportFailure = (message: string): Result<never> => ({ ok: false, error: { code: 'INTERNAL', message } });

/** True when `value` has the shape of a Result (anything else from the wire is a transport failure). */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}
