/**
 * Small browser helpers for the recovery key, which the renderer is allowed to copy and save once,
 * at creation (the key never comes back from main after that).
 */

/** Copies text; resolves false when the clipboard refuses (no focus, no permission). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Offers `text` as a downloaded .txt file. */
export { downloadText } from './files';

/** A file-name-safe slug of a profile name. */
export const fileSlug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'profile';
