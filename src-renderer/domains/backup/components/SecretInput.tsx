import type { Ref } from 'react';
import type { SecretKind } from '../../../lib/errors';
import { PasswordField } from '../../../ui/PasswordField';
import { TextField } from '../../../ui/TextField';

interface SecretInputProps {
  kind: SecretKind;
  onKindChange(kind: SecretKind): void;
  value: string;
  onChange(value: string): void;
  error?: string | null;
  disabled?: boolean;
  autoFocus?: boolean;
  ref?: Ref<HTMLInputElement>;
}

/**
 * The secret a backup opens with: the master password of the day it was taken, or (switch) the recovery key of
 * that day. The same two fields as the unlock screen.
 */
export function SecretInput({ kind, onKindChange, value, onChange, error, disabled, autoFocus, ref }: SecretInputProps) {
  const modeSwitch = (
    <button
      type="button"
      onClick={() => onKindChange(kind === 'password' ? 'recovery-key' : 'password')}
      className="text-xs font-medium text-accent hover:underline"
    >
      {kind === 'password' ? 'Use recovery key instead' : 'Use password instead'}
    </button>
  );
  return kind === 'password' ? (
    <PasswordField
      key="password"
      ref={ref}
      label="Password of the backup"
      aside={modeSwitch}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoFocus={autoFocus}
      autoComplete="off"
      maxLength={1024}
      disabled={disabled}
      error={error}
      hint="The master password the profile had when the backup was taken."
    />
  ) : (
    <TextField
      key="recovery"
      ref={ref}
      label="Recovery key of the backup"
      aside={modeSwitch}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      mono
      className="text-[13px] uppercase"
      autoFocus={autoFocus}
      autoComplete="off"
      spellCheck={false}
      autoCapitalize="characters"
      maxLength={200}
      placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
      disabled={disabled}
      error={error}
      hint="The recovery key the profile had when the backup was taken."
    />
  );
}

/** The contract's secret for what was typed. */
export const secretOf = (kind: SecretKind, value: string): { password: string } | { recoveryKey: string } =>
  kind === 'password' ? { password: value } : { recoveryKey: value.trim() };
