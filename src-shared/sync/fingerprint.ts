import { z } from 'zod';

/**
 * Key fingerprints as people read them aloud (docs/sync.md#collections): 32 lowercase hex digits, shown as 8 groups
 * of 4 ("1a2b 3c4d …"). An owner checks an invitee's fingerprint out of band before wrapping a collection key to the
 * public key the server handed over, so a server that substitutes its own key is caught. Main computes fingerprints
 * (src-main/sync/keys.ts `keyFingerprint`); this file only says how typed ones compare.
 */

/** Digits of a fingerprint (SHA-256 truncated to 16 bytes). */
export const FINGERPRINT_HEX_DIGITS = 32;

/**
 * The one comparable form of a fingerprint: spaces removed, lowercased. People type it with or without the spaces
 * and in either case; every comparison (main's invite check, the CLI) goes through this so they all agree.
 */
export function normalizeFingerprint(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/** Whether two fingerprints (as typed or as shown) are the same once normalised. */
export function sameFingerprint(a: string, b: string): boolean {
  return normalizeFingerprint(a) === normalizeFingerprint(b);
}

/** A fingerprint at the edge (IPC, CLI): 32 hex digits once spaces are removed, in any case. */
export const Fingerprint = z
  .string()
  .max(80)
  .refine((s) => new RegExp(`^[0-9a-f]{${FINGERPRINT_HEX_DIGITS}}$`).test(normalizeFingerprint(s)), {
    message: 'A key fingerprint is 32 hex digits (8 groups of 4, spaces optional).',
  });
