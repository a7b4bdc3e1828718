import { isLongEnough, meetsMasterPasswordPolicy, WEAK_MASTER_PASSWORD } from '../../src-shared/domains/profile/password-policy';
import { AppError } from '../../src-shared/ipc/result';
import { passwordStrength } from '../lib/password-strength';
import { log } from '../lib/log';

/**
 * Main enforces the master-password rule on create, change and the new password after recovery, whatever
 * the client checked. Only the CLI may pass `allowWeak` (an explicit --allow-weak-password), which is logged.
 */
export function assertMasterPasswordPolicy(password: string, opts: { allowWeak?: boolean; field?: string } = {}): void {
  // Long passwords pass without zxcvbn (which also keeps its cost off very long inputs).
  if (isLongEnough(password)) return;
  if (meetsMasterPasswordPolicy(password, passwordStrength(password).score)) return;
  if (opts.allowWeak) {
    log.warn('[profile] a weak master password was accepted because the caller asked for it (--allow-weak-password)');
    return;
  }
  const field = opts.field ?? 'password';
  throw new AppError('INVALID_INPUT', WEAK_MASTER_PASSWORD, { issues: [{ path: field, message: WEAK_MASTER_PASSWORD }] });
}
