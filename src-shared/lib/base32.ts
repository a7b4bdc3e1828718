import { AppError } from '../ipc/result';

/**
 * RFC 4648 §6 base32, the encoding of TOTP/HOTP secrets. Pure: no node:*, usable on both sides.
 *
 * Decoding is lenient in the ways authenticator apps are: lower case, whitespace (secrets are often shown
 * in groups of four) and missing or present trailing `=` padding are all accepted. It is strict about
 * everything else: a character outside the alphabet, `=` in the middle, or a length that no whole number
 * of bytes produces (1, 3 or 6 characters after the last full block of 8) makes the input invalid.
 * Unused low bits in the last character are ignored, as oathtool and Google Authenticator do
 * (`DFDFDEF=` from Bitwarden's export has them set).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Character value by char code, -1 when not in the alphabet. Upper case only; input is upper-cased first. */
const LOOKUP: readonly number[] = (() => {
  const table = new Array<number>(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** Lengths (mod 8) of unpadded base32 text that encode a whole number of bytes. */
const VALID_TAIL_LENGTHS = new Set([0, 2, 4, 5, 7]);

/**
 * Upper-cases, drops whitespace and trailing padding, and checks the alphabet and length.
 * Returns null when the text is not base32. The empty string is valid (zero bytes).
 */
export function normaliseBase32(input: string): string | null {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  const unpadded = compact.replace(/=+$/, '');
  if (!VALID_TAIL_LENGTHS.has(unpadded.length % 8)) return null;
  // Padding, when present, must bring the length to a multiple of 8 (RFC 4648 §6).
  if (unpadded.length !== compact.length && compact.length % 8 !== 0) return null;
  for (let i = 0; i < unpadded.length; i++) {
    const code = unpadded.charCodeAt(i);
    if (code >= 128 || LOOKUP[code] === -1) return null;
  }
  return unpadded;
}

/** Decodes base32 text to bytes, or returns null when it is not valid base32 (see the module comment). */
export function base32Decode(input: string): Uint8Array | null {
  const text = normaliseBase32(input);
  if (text === null) return null;
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (let i = 0; i < text.length; i++) {
    buffer = ((buffer << 5) | (LOOKUP[text.charCodeAt(i)] ?? 0)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * Decodes base32 text to bytes or throws `AppError('INVALID_INPUT')`. The message names `what`
 * (e.g. "TOTP secret") and never repeats the input, which may be a secret.
 */
export function base32DecodeOrThrow(input: string, what = 'value'): Uint8Array {
  const bytes = base32Decode(input);
  if (bytes === null) {
    throw new AppError('INVALID_INPUT', `The ${what} is not valid base32 (letters A–Z and digits 2–7).`);
  }
  return bytes;
}

/** Encodes bytes as upper-case base32, with `=` padding to a multiple of 8 characters unless `padding` is false. */
export function base32Encode(bytes: Uint8Array, options: { padding?: boolean } = {}): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  if (options.padding !== false) out += '='.repeat((8 - (out.length % 8)) % 8);
  return out;
}
