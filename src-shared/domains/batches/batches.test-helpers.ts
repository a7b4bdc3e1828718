import { expect } from 'vitest';
import { AppError } from '../../ipc/result';

/** Runs `fn`, expects an INVALID_INPUT AppError, and returns its message. */
export function catchInvalid(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_INPUT');
    return (error as AppError).message;
  }
  throw new Error('expected an INVALID_INPUT AppError');
}
