import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { describeError } from '../../../lib/errors';
import { onGoalsChanged } from './goals-api';

export interface Query<T> {
  /** The answer for the current key; null until it arrives (an answer for an earlier key is never shown). */
  data: T | null;
  error: string | null;
  loading: boolean;
  reload(): void;
}

interface Loaded<T> {
  key: string;
  round: number;
  data: T | null;
  error: string | null;
}

/**
 * Loads with `load` when `key` changes and again after each `goals:changed` (a burst of writes, an import, becomes
 * one reload). An answer that arrives after a newer request started is dropped, so a quick click-through never
 * shows stale data.
 */
export function useGoalsQuery<T>(load: () => Promise<T>, key: string): Query<T> {
  const [round, setRound] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T>>({ key: '', round: -1, data: null, error: null });
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    let live = true;
    loadRef.current().then(
      (data) => live && setLoaded({ key, round, data, error: null }),
      (err: unknown) => live && setLoaded((prev) => ({ key, round, data: prev.key === key ? prev.data : null, error: describeError(err) })),
    );
    return () => {
      live = false;
    };
  }, [key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  useEffect(() => {
    let pending: number | undefined;
    const off = onGoalsChanged(() => {
      window.clearTimeout(pending);
      pending = window.setTimeout(reload, 120);
    });
    return () => {
      window.clearTimeout(pending);
      off();
    };
  }, [reload]);

  const current = loaded.key === key;
  return { data: current ? loaded.data : null, error: current ? loaded.error : null, loading: !current || loaded.round !== round, reload };
}

/** Runs an action with busy and error state (the dialogs' buttons). */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (err) {
      setError(describeError(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, setError };
}
