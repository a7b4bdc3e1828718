/** True on macOS, where shortcuts use ⌘ instead of Ctrl. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** "⌘L" on macOS, "Ctrl+L" elsewhere. */
export const shortcutLabel = (key: string): string => (isMac ? `⌘${key}` : `Ctrl+${key}`);

/** True for Ctrl+key (Cmd+key on macOS) without Alt or Shift. */
export function isModKey(event: KeyboardEvent, key: string): boolean {
  const mod = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === key.toLowerCase();
}

/**
 * The second way in for keys a browser keeps for itself (Ctrl+N, Ctrl+1…7, Ctrl+Shift+T/C, Ctrl+L):
 * Alt+key (⌥ on macOS). Matched on the physical key (`event.code`), since Alt/⌥ changes `event.key`
 * on some layouts (⌥N types "˜" on a Mac).
 */
export const altShortcutLabel = (key: string): string => (isMac ? `⌥${key}` : `Alt+${key}`);

/** "Ctrl+N or Alt+N": both ways in, for tooltips and titles. */
export const shortcutPairLabel = (primary: string, key: string): string => `${primary} or ${altShortcutLabel(key)}`;

const codeOf = (key: string): string => (/^\d$/.test(key) ? `Digit${key}` : key === ',' ? 'Comma' : `Key${key.toUpperCase()}`);

/** True for Alt+key (⌥+key on macOS) without Ctrl, ⌘ or Shift. */
export function isAltKey(event: KeyboardEvent, key: string): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === codeOf(key);
}
