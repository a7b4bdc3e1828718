import { useEffect, useState } from 'react';

/** Whole seconds left until `epochMs` (0 once passed), refreshed a few times a second while counting. */
export function useSecondsUntil(epochMs: number): number {
  const [left, setLeft] = useState(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      const seconds = Math.max(0, Math.ceil((epochMs - Date.now()) / 1000));
      setLeft(seconds);
      if (seconds > 0) timer = setTimeout(update, 250);
    };
    timer = setTimeout(update, 0);
    return () => clearTimeout(timer);
  }, [epochMs]);

  return left;
}
