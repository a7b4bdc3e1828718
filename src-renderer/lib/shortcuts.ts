/** True on macOS, where shortcuts use ⌘ instead of Ctrl. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** "⌘L" on macOS, "Ctrl+L" elsewhere. */
export const shortcutLabel = (key: string): string => (isMac ? `⌘${key}` : `Ctrl+${key}`);

/** True for Ctrl+key (Cmd+key on macOS) without Alt or Shift. */
export function isModKey(event: KeyboardEvent, key: string): boolean {
  const mod = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === key.toLowerCase();
}
