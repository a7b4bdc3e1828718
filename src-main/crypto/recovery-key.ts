import { randomBytes } from 'node:crypto';

/**
 * Recovery keys: 160 random bits written as 32 Crockford base32 characters in eight groups of four
 * (e.g. `7K3M-Q9TX-…`). Crockford's alphabet has no I, L, O or U, and decoding forgives case,
 * spaces, dashes and the look-alikes I/L → 1 and O → 0.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_KEY_BYTES = 20;
const CHARS = (RECOVERY_KEY_BYTES * 8) / 5;

export function generateRecoveryKey(): { bytes: Buffer; text: string } {
  const bytes = Buffer.alloc(RECOVERY_KEY_BYTES);
  randomBytes(RECOVERY_KEY_BYTES).copy(bytes);
  return { bytes, text: formatRecoveryKey(bytes) };
}

export function formatRecoveryKey(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{1,4}/g)!.join('-');
}

/** Returns the key bytes, or null when the text cannot be a recovery key. */
export function parseRecoveryKey(text: string): Buffer | null {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (clean.length !== CHARS) return null;
  const out = Buffer.alloc(RECOVERY_KEY_BYTES);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const ch of clean) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) return null;
    value = ((value << 5) | digit) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      out[index++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return out;
}
