import { useEffect, useState } from 'react';
import { loadEstimator, type Strength } from './password-strength';

/**
 * The zxcvbn estimate for `password`, with `userInputs` (profile name, etc.) counted as guessable.
 * Null while the password is empty or the dictionaries are still loading.
 */
export function usePasswordStrength(password: string, userInputs: readonly string[]): Strength | null {
  const [result, setResult] = useState<{ password: string; strength: Strength } | null>(null);
  const inputsKey = userInputs.join('\u0000');

  useEffect(() => {
    if (!password) return;
    let cancelled = false;
    void loadEstimator().then((estimate) => {
      if (!cancelled) setResult({ password, strength: estimate(password, inputsKey ? inputsKey.split('\u0000') : []) });
    });
    return () => {
      cancelled = true;
    };
  }, [password, inputsKey]);

  return password && result?.password === password ? result.strength : null;
}
