/**
 * Recovery keys arrive from main as eight groups of four Crockford base32 characters joined by
 * dashes (src-main/crypto/recovery-key.ts). The renderer only displays and compares them.
 */

/** The key's groups, for display. */
export const recoveryKeyGroups = (key: string): string[] => key.split('-').filter(Boolean);

/** Uppercases and maps the look-alikes Crockford forgives (I/L → 1, O → 0); drops spaces and dashes. */
export const normalizeKeyText = (text: string): string => text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');

/** True when `typed` is the key's last group (proof that the user wrote the key down). */
export function matchesLastGroup(key: string, typed: string): boolean {
  const last = recoveryKeyGroups(key).at(-1);
  return last !== undefined && normalizeKeyText(typed) === normalizeKeyText(last);
}

/** The text file offered by "Download as text". */
export function recoveryKeyDocument(key: string, profileName: string, now: Date = new Date()): string {
  return [
    'Hearth recovery key',
    '',
    `Profile: ${profileName}`,
    `Created: ${now.toISOString().slice(0, 10)}`,
    '',
    `    ${key}`,
    '',
    'This key unlocks the profile if you forget your master password.',
    'Keep it somewhere safe and offline, away from this computer.',
    'If you lose both your password and this key, your data cannot be recovered.',
    '',
  ].join('\n');
}
