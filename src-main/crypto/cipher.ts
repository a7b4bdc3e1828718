import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** AES-256-GCM and HKDF-SHA256 from Node's crypto: the only primitives Hearth uses. */

export const IV_BYTES = 12;
export const TAG_BYTES = 16;

export interface Sealed {
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export function seal(key: Buffer, plaintext: Buffer, aad: Buffer): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

/** Returns null when authentication fails (wrong key or tampered data); never a partial plaintext. */
export function open(key: Buffer, sealed: Sealed, aad: Buffer): Buffer | null {
  if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) return null;
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.tag);
  const parts: Buffer[] = [];
  try {
    parts.push(decipher.update(sealed.ciphertext), decipher.final());
    // The result is usually key material: copy it into its own buffer and wipe the pieces.
    const out = Buffer.alloc(parts[0]!.length + parts[1]!.length);
    parts[0]!.copy(out, 0);
    parts[1]!.copy(out, parts[0]!.length);
    return out;
  } catch {
    return null;
  } finally {
    wipe(...parts);
  }
}

/** HKDF-SHA256 with an empty salt: sub-keys from a uniformly random key (RFC 5869 §3.1). */
export function hkdf(key: Buffer, info: string, length = 32): Buffer {
  const out = Buffer.alloc(length);
  const raw = new Uint8Array(hkdfSync('sha256', key, Buffer.alloc(0), Buffer.from(info, 'utf8'), length));
  out.set(raw);
  // SECURITY: hkdfSync returns a fresh ArrayBuffer holding the sub-key; overwrite it once copied.
  raw.fill(0);
  return out;
}

/** Overwrites key material in place. */
export function wipe(...buffers: (Uint8Array | null | undefined)[]): void {
  for (const b of buffers) b?.fill(0);
}

/** Fixed-layout binary for a sealed value: iv ‖ tag ‖ ciphertext. */
export function packSealed(s: Sealed): Buffer {
  return Buffer.concat([s.iv, s.tag, s.ciphertext]);
}

export function unpackSealed(b: Buffer): Sealed | null {
  if (b.length < IV_BYTES + TAG_BYTES) return null;
  return { iv: b.subarray(0, IV_BYTES), tag: b.subarray(IV_BYTES, IV_BYTES + TAG_BYTES), ciphertext: b.subarray(IV_BYTES + TAG_BYTES) };
}
