import { createHash } from 'node:crypto';

/**
 * What a domain service (vault, TOTP) needs to put a secret on the clipboard. Copies happen in main only
 * (docs/security.md#clipboard): the renderer asks for "copy the password of item X", never receives it to copy itself.
 * Electron uses the OS clipboard guard (src-main/app/clipboard.ts); browser mode and tests use the memory one.
 */
export interface SecretClipboard {
  /** Writes `text` and clears it after `seconds`, but only if the clipboard still holds it then. */
  copySecret(text: string, seconds: number): Promise<void>;
  /** Clears the clipboard now if it still holds the last secret we wrote (lock, quit). */
  clearIfOurs(): Promise<void>;
}

/** Schedules `callback` after `ms`; returns a function that cancels it. Injected so tests can use fake time. */
export type SetTimer = (callback: () => void, ms: number) => () => void;

/** The default timer: `setTimeout`, unref'd so a pending clear never keeps a CLI or test process alive. */
export const defaultSetTimer: SetTimer = (callback, ms) => {
  const handle = setTimeout(callback, ms);
  handle.unref();
  return () => clearTimeout(handle);
};

/** Copy delays outside 1 s – 1 h are a caller bug; clamp instead of keeping a secret around forever. */
export const DEFAULT_CLEAR_SECONDS = 20;
export function clearDelayMs(seconds: number): number {
  const s = Number.isFinite(seconds) ? Math.round(seconds) : DEFAULT_CLEAR_SECONDS;
  return Math.min(Math.max(s, 1), 3600) * 1000;
}

/** SHA-256 of a clipboard value: what we remember instead of the secret itself. */
export const clipboardDigest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** One copy as the memory clipboard records it: no plaintext, so a long browser-mode session keeps no secrets. */
export interface CopyRecord {
  /** Hex SHA-256 of the copied text; tests compare it with `clipboardDigest(expected).toString('hex')`. */
  readonly sha256: string;
  readonly length: number;
  readonly seconds: number;
  readonly at: string;
}

export interface MemoryClipboard extends SecretClipboard {
  /** Every copy, oldest first (at most the last 50). For tests and e2e only. */
  readonly history: readonly CopyRecord[];
  /** What the clipboard holds now, or null once cleared. For tests and e2e only. */
  lastCopied(): string | null;
}

const HISTORY_LIMIT = 50;

/**
 * A clipboard that lives in this process. Browser mode cannot reach the OS clipboard from the server, and
 * tests must not touch the real one; e2e tests use `lastCopied()`/`history` to observe that main did the copy.
 */
export function createMemoryClipboard(setTimer: SetTimer = defaultSetTimer): MemoryClipboard {
  const history: CopyRecord[] = [];
  let current: string | null = null;
  let cancel: (() => void) | null = null;

  const clear = (): void => {
    cancel?.();
    cancel = null;
    current = null;
  };

  return {
    history,
    lastCopied: () => current,
    async copySecret(text, seconds) {
      clear();
      const ms = clearDelayMs(seconds);
      current = text;
      history.push({ sha256: clipboardDigest(text).toString('hex'), length: text.length, seconds: ms / 1000, at: new Date().toISOString() });
      if (history.length > HISTORY_LIMIT) history.shift();
      cancel = setTimer(clear, ms);
    },
    clearIfOurs: async () => clear(),
  };
}
