/**
 * Browser mode's copy of a secret. Main cannot reach this computer's clipboard from a web page's server,
 * so the page writes it: the value is fetched for that one field (exactly like a reveal) and written
 * with the Clipboard API. After the delay it is cleared, but only if the clipboard still holds it; we keep
 * a SHA-256 of it, never the value. Electron copies in main instead (docs/security.md#clipboard).
 */

export interface ClipboardPort {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}

/** What a copy did: `copied` false means nothing was written, and the UI must say so. */
export interface CopyOutcome {
  copied: boolean;
  /** True when the page may read the clipboard back, so it can clear it after the delay. */
  willClear: boolean;
}

/** Schedules `callback` (which may return a promise, for tests to await) after `ms`; returns the cancel. */
export type SetTimer = (callback: () => unknown, ms: number) => () => void;

const defaultSetTimer: SetTimer = (callback, ms) => {
  const handle = setTimeout(callback, ms);
  return () => clearTimeout(handle);
};

async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface PageClipboard {
  /** Writes `text` and schedules the clear after `seconds`. Never throws. */
  copy(text: string, seconds: number): Promise<CopyOutcome>;
  /** Clears now if the clipboard still holds our last copy (lock). Never throws. */
  clearIfOurs(): Promise<void>;
}

/**
 * `port` is `navigator.clipboard` (absent outside a secure context); `canRead` answers whether reading
 * back is allowed without a prompt (the `clipboard-read` permission).
 */
export function createPageClipboard(port: ClipboardPort | undefined, canRead: () => Promise<boolean>, setTimer: SetTimer = defaultSetTimer): PageClipboard {
  let ours: string | null = null;
  let cancel: (() => void) | null = null;

  async function clearIfOurs(): Promise<void> {
    cancel?.();
    cancel = null;
    const expected = ours;
    ours = null;
    if (!port || expected === null) return;
    try {
      if ((await digest(await port.readText())) === expected) await port.writeText('');
    } catch {
      // Cannot read it back: leave the clipboard alone rather than wipe something the user copied since.
    }
  }

  return {
    async copy(text, seconds) {
      if (!port) return { copied: false, willClear: false };
      try {
        await port.writeText(text);
      } catch {
        return { copied: false, willClear: false };
      }
      cancel?.();
      ours = await digest(text);
      cancel = setTimer(clearIfOurs, seconds * 1000);
      return { copied: true, willClear: await canRead().catch(() => false) };
    },
    clearIfOurs,
  };
}

/** True when this page may read the clipboard without asking (needed to clear only our own copy). */
export async function clipboardReadGranted(): Promise<boolean> {
  if (!navigator.permissions) return false;
  try {
    const status = await navigator.permissions.query({ name: 'clipboard-read' as PermissionName });
    return status.state === 'granted';
  } catch {
    return false;
  }
}

/** The page's clipboard, shared by every copy in browser mode. */
export const pageClipboard: PageClipboard = createPageClipboard(
  typeof navigator !== 'undefined' && navigator.clipboard ? navigator.clipboard : undefined,
  clipboardReadGranted,
);
