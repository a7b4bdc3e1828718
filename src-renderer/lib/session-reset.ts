/**
 * Every store that holds data of the unlocked profile registers a reset here; the profile store calls
 * `resetSessionState()` when the profile locks, so nothing from the session stays in memory.
 */
const resets = new Set<() => void>();

/** Registers a reset to run on lock; returns a function that removes it. */
export function onSessionReset(reset: () => void): () => void {
  resets.add(reset);
  return () => resets.delete(reset);
}

/** Runs every registered reset (one failing reset does not stop the others). */
export function resetSessionState(): void {
  for (const reset of resets) {
    try {
      reset();
    } catch {
      // A reset must not prevent the others from running.
    }
  }
}
