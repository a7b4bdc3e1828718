import { errorCode } from '../../lib/errors';

/** The master-password dialog shown when an op answers REPROMPT_REQUIRED. */
export interface RepromptRequest {
  itemTitle: string;
  error: string | null;
  busy: boolean;
  /** Increases with each ask, so the dialog starts empty after a wrong password. */
  attempt: number;
}

/** Thrown when the user dismisses the re-prompt dialog; callers ignore it. */
export class PromptCancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'PromptCancelled';
  }
}

export const isCancelled = (err: unknown): boolean => err instanceof PromptCancelled;

/**
 * The re-prompt flow, independent of the store: `run` an op; on REPROMPT_REQUIRED show the dialog
 * (through `show`), retry with the typed password, ask again after WRONG_PASSWORD. The password is
 * passed straight to the retried op and never kept. Main enforces all of it; this is only the UI.
 */
export function createReprompt(show: (request: RepromptRequest | null) => void) {
  let pending: { resolve(password: string): void; reject(err: unknown): void } | null = null;
  let current: RepromptRequest | null = null;

  const update = (request: RepromptRequest | null) => {
    current = request;
    show(request);
  };

  function ask(itemTitle: string, error: string | null, attempt: number): Promise<string> {
    pending?.reject(new PromptCancelled());
    update({ itemTitle, error, busy: false, attempt });
    return new Promise<string>((resolve, reject) => {
      pending = { resolve, reject };
    });
  }

  return {
    async run<T>(itemTitle: () => string, op: (password?: string) => Promise<T>): Promise<T> {
      try {
        return await op();
      } catch (err) {
        if (errorCode(err) !== 'REPROMPT_REQUIRED') throw err;
      }
      let error: string | null = null;
      for (let attempt = 1; ; attempt += 1) {
        const password = await ask(itemTitle(), error, attempt);
        try {
          const out = await op(password);
          update(null);
          return out;
        } catch (err) {
          if (errorCode(err) !== 'WRONG_PASSWORD') {
            update(null);
            throw err;
          }
          error = 'Wrong password';
        }
      }
    },

    /** The user submitted the dialog. */
    submit(password: string): void {
      if (!current || !pending) return;
      const { resolve } = pending;
      pending = null;
      update({ ...current, busy: true, error: null });
      resolve(password);
    },

    /** The user dismissed the dialog (or the profile locked): the waiting op rejects with PromptCancelled. */
    cancel(): void {
      pending?.reject(new PromptCancelled());
      pending = null;
      update(null);
    },
  };
}
