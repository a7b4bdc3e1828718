import { timingSafeEqual } from 'node:crypto';
import type { Clipboard } from 'electron';
import { log } from '../lib/log';
import { clearDelayMs, clipboardDigest, defaultSetTimer, type SecretClipboard, type SetTimer } from '../lib/secret-clipboard';

/** The part of Electron's `clipboard` the guard uses (asynchronous since Electron 45); a fake in tests. */
export type ClipboardPort = Pick<Clipboard, 'writeText' | 'readText' | 'clear'>;

/**
 * The OS clipboard for secrets (KeePassXC's model, docs/security.md#clipboard): write in main, remember only a
 * SHA-256 of what we wrote, clear after the delay and on lock/quit, and only if the clipboard still holds
 * our value (never wipe something the user copied since).
 *
 * Marking the copy as sensitive (macOS `org.nspasteboard.ConcealedType`; Windows
 * `ExcludeClipboardContentFromMonitorProcessing`, `CanIncludeInClipboardHistory`=0,
 * `CanUploadToCloudClipboard`=0; KDE `x-kde-passwordManagerHint`) is NOT done, deliberately:
 * - the marker must be part of the same clipboard write as the text. Up to Electron 43 each
 *   `clipboard.writeBuffer()` call commits its own writer and replaces everything on the clipboard,
 *   including the text just written, and `clipboard.write()` accepts only text/html/rtf/image/bookmark.
 *   Sources (read, not run here): electron/electron#41462 ("write both text and custom format data"),
 *   #2130 (each write clears), PR #9243 review ("ScopedClipboardWriter only supports a single custom
 *   format"). Electron 45's `clipboard.write(ClipboardItem[])` can carry custom formats beside the text:
 *   that is the place to add the markers, once they can be checked on each desktop.
 * - a second write carrying only the marker would arrive after clipboard managers already recorded
 *   the text, and would replace the text itself; so it would protect nothing.
 * Not verified on a real desktop here (no Electron binary on this machine).
 */
export function createClipboardGuard(clipboard: ClipboardPort, setTimer: SetTimer = defaultSetTimer): SecretClipboard {
  let ours: Buffer | null = null;
  let cancel: (() => void) | null = null;

  const forget = (): void => {
    cancel?.();
    cancel = null;
    ours?.fill(0);
    ours = null;
  };

  const clearIfOurs = async (): Promise<void> => {
    if (!ours) return;
    const expected = ours;
    const current = clipboardDigest(await clipboard.readText());
    // SECURITY: clear only our own value; the user may have copied something else since.
    if (ours === expected && timingSafeEqual(current, expected)) {
      clipboard.clear();
      log.info('[clipboard] cleared a copied secret');
    }
    if (ours === expected) forget();
  };

  return {
    async copySecret(text, seconds) {
      forget();
      await clipboard.writeText(text);
      ours = clipboardDigest(text);
      cancel = setTimer(() => void clearIfOurs().catch((err: unknown) => log.error('[clipboard] clear failed', err)), clearDelayMs(seconds));
    },
    clearIfOurs,
  };
}
