import { expect } from 'vitest';
import { SyncError } from './types';

/** Tests only: the SyncError `p` rejects with (fails the test when it resolves or throws something else). */
export async function caughtSyncError(p: Promise<unknown>): Promise<SyncError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(SyncError);
    return err as SyncError;
  }
  throw new Error('expected a SyncError');
}

/** Tests only: `fn` throws a TAMPERED SyncError, which is never worth retrying. */
export function expectTampered(fn: () => unknown): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(SyncError);
  expect((caught as SyncError).code).toBe('TAMPERED');
  expect((caught as SyncError).retryable).toBe(false);
}
