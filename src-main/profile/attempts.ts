import { AppError } from '../../src-shared/ipc/result';

/** Failures allowed before each next attempt must wait. */
export const FREE_ATTEMPTS = 3;
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 30_000;

interface State {
  failures: number;
  notBefore: number;
}

/**
 * One failure counter per profile for every check of a master password or recovery key (unlock,
 * re-prompt, export, change password, new recovery key, delete). After FREE_ATTEMPTS failures each
 * next attempt waits 1 s, 2 s, 4 s … up to 30 s, refused with BUSY before any key derivation runs.
 * A success resets the count. Checks of one profile run one at a time, so parallel guesses cannot
 * slip past the wait.
 *
 * Kept in memory on purpose (see docs/security.md#password-attempts): it throttles guessing through the app and the
 * browser-mode API. Anyone who can restart Hearth or run the CLI as this user can also read
 * keyring.json and guess offline, where only Argon2id's cost applies, so a counter on disk would
 * not stop them and could be reset by deleting it.
 */
export class AttemptGuard {
  readonly #states = new Map<string, State>();
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Runs one secret check for `key`; WRONG_PASSWORD from `check` counts as a failure. */
  run<T>(key: string, check: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.#attempt(key, check));
    this.#queues.set(key, next);
    void next
      .catch(() => undefined)
      .finally(() => {
        if (this.#queues.get(key) === next) this.#queues.delete(key);
      });
    return next;
  }

  /** Milliseconds until the next attempt is allowed (0 when allowed now). */
  waitMs(key: string): number {
    const s = this.#states.get(key);
    return s ? Math.max(0, s.notBefore - this.now()) : 0;
  }

  async #attempt<T>(key: string, check: () => Promise<T>): Promise<T> {
    const wait = this.waitMs(key);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new AppError('BUSY', `Too many wrong attempts. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`);
    }
    try {
      const value = await check();
      this.#states.delete(key);
      return value;
    } catch (err) {
      if (err instanceof AppError && err.code === 'WRONG_PASSWORD') this.#failed(key);
      throw err;
    }
  }

  #failed(key: string): void {
    const failures = (this.#states.get(key)?.failures ?? 0) + 1;
    const over = failures - FREE_ATTEMPTS;
    const delay = over < 0 ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** over);
    this.#states.set(key, { failures, notBefore: this.now() + delay });
  }
}
