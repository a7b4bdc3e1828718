import { useEffect } from 'react';
import { loadEstimator } from '../../../lib/password-strength';
import { PasswordField } from '../../../ui/PasswordField';
import { StrengthMeter } from '../../../ui/StrengthMeter';
import { strengthLabel, type NewPasswordState } from './useNewPassword';

interface NewPasswordFieldsProps {
  state: NewPasswordState;
  label?: string;
  autoFocus?: boolean;
}

/** New master password + strength meter + confirmation (the rule main enforces; there is no "use anyway"). */
export function NewPasswordFields({ state, label = 'Master password', autoFocus }: NewPasswordFieldsProps) {
  useEffect(() => void loadEstimator(), []);
  const { strength, verdict } = state;
  const advice =
    verdict === 'too-weak'
      ? (strength?.warning ?? 'Too easy to guess.') + ' Try a few unrelated words.'
      : (strength?.warning ?? strength?.suggestions[0] ?? null);
  const mismatch = state.confirm.length > 0 && !state.password.startsWith(state.confirm);

  return (
    <>
      <PasswordField
        label={label}
        value={state.password}
        onChange={(e) => state.setPassword(e.target.value)}
        autoComplete="new-password"
        autoFocus={autoFocus}
        maxLength={1024}
        hint={state.password ? undefined : 'A few unrelated words are easier to remember and harder to guess.'}
        below={state.password ? <StrengthMeter score={strength?.score ?? null} label={strengthLabel(state)} feedback={advice} /> : null}
      />
      <PasswordField
        label="Confirm password"
        value={state.confirm}
        onChange={(e) => state.setConfirm(e.target.value)}
        autoComplete="new-password"
        maxLength={1024}
        error={mismatch ? 'The passwords do not match.' : undefined}
      />
    </>
  );
}
