import { useState } from 'react';
import { describeError } from './errors';

/**
 * One button's async work, as forms and confirm dialogs run it: `busy` while it runs, the failure in words in
 * `error` (cleared when it runs again). `run` resolves true when the work succeeded, so a dialog can close.
 */
export function useAsyncAction(): { busy: boolean; error: string | null; run(work: () => Promise<unknown>): Promise<boolean> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (err) {
      setError(describeError(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
