import { useState } from 'react';
import { meetsMasterPasswordPolicy } from '../../../../src-shared/domains/profile/password-policy';
import { SCORE_LABELS, type Strength, type StrengthVerdict } from '../../../lib/password-strength';
import { usePasswordStrength } from '../../../lib/usePasswordStrength';

export interface NewPasswordState {
  password: string;
  confirm: string;
  strength: Strength | null;
  verdict: StrengthVerdict | null;
  /** Why the password cannot be used yet, or null when it can. */
  problem: string | null;
  setPassword(value: string): void;
  setConfirm(value: string): void;
}

/**
 * State and policy for choosing a master password: the rule main enforces (zxcvbn score ≥ 3, or at
 * least 14 characters); the confirmation must match.
 */
export function useNewPassword(userInputs: readonly string[]): NewPasswordState {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const strength = usePasswordStrength(password, userInputs);
  const verdict: StrengthVerdict | null = strength ? (meetsMasterPasswordPolicy(password, strength.score) ? 'strong' : 'too-weak') : null;

  let problem: string | null = null;
  if (!password) problem = 'Choose a master password.';
  else if (!verdict) problem = 'Checking the password…';
  else if (verdict === 'too-weak') problem = 'This password is too easy to guess. Use at least 14 characters or a stronger password.';
  else if (confirm !== password) problem = confirm ? 'The passwords do not match.' : 'Repeat the password to confirm it.';

  return { password, confirm, strength, verdict, problem, setPassword, setConfirm };
}

/** The meter's label for the current state. */
export function strengthLabel(state: NewPasswordState): string {
  if (!state.password) return '';
  return state.strength ? SCORE_LABELS[state.strength.score] : '…';
}
