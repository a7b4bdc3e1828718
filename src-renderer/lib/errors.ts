import { AppError } from '../../src-shared/ipc/result';

/** What a failed unlock attempt was made with; the wording differs. */
export type SecretKind = 'password' | 'recovery-key';

/**
 * A calm, specific sentence for an error thrown by the api client. CORRUPT and most other codes
 * carry a message written for people (it names the damaged file); only a few are reworded here.
 */
export function describeError(err: unknown, secret: SecretKind = 'password'): string {
  if (!(err instanceof AppError)) return 'Something went wrong. Please try again.';
  switch (err.code) {
    case 'WRONG_PASSWORD':
      return secret === 'password' ? 'Wrong password' : err.message.replace(/\.$/, '');
    case 'LOCKED':
      return 'Hearth is locked. Unlock your profile to continue.';
    case 'INVALID_INPUT':
      return err.issues?.length ? err.issues.map((i) => i.message).join(' · ') : err.message;
    case 'INTERNAL':
      return err.message || 'Something went wrong inside Hearth.';
    default:
      return err.message;
  }
}

/** The error code, when the error came from Hearth. */
export const errorCode = (err: unknown): string | null => (err instanceof AppError ? err.code : null);
