import { isMac } from '../../../lib/shortcuts';

/** "⇧⌘C" on macOS, "Ctrl+Shift+C" elsewhere. */
export const shiftShortcutLabel = (key: string): string => (isMac ? `⇧⌘${key}` : `Ctrl+Shift+${key}`);

/** True for Ctrl+Shift+key (⌘⇧+key on macOS) without Alt. */
export function isModShiftKey(event: KeyboardEvent, key: string): boolean {
  const mod = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return mod && event.shiftKey && !event.altKey && event.key.toLowerCase() === key.toLowerCase();
}
