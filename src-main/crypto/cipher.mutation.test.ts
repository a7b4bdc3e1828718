import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hkdf, IV_BYTES, open, packSealed, seal, TAG_BYTES, unpackSealed, wipe } from './cipher';

/** Survivors of `npm run mutate` on cipher.ts (docs/architecture.md#mutation-testing): edges its other tests never touched. */
const AAD = Buffer.from('hearth/test|aad');

describe('crypto.cipher edges (mutation tests)', () => {
  it('refuses a truncated authentication tag with null, never a throw or a plaintext', () => {
    const key = randomBytes(32);
    const sealed = seal(key, Buffer.from('secret'), AAD);
    expect(sealed.tag).toHaveLength(TAG_BYTES);
    // GCM itself accepts 4- to 16-byte tags; a short tag is far easier to forge, so it must never be checked.
    for (const length of [4, 8, 12, 15]) expect(open(key, { ...sealed, tag: sealed.tag.subarray(0, length) }, AAD)).toBeNull();
    expect(open(key, sealed, AAD)?.toString()).toBe('secret');
  });

  it('packs iv ‖ tag ‖ ciphertext and unpacks it back; anything shorter than iv + tag is null', () => {
    const key = randomBytes(32);
    const sealed = seal(key, Buffer.from('hello'), AAD);
    const packed = packSealed(sealed);
    expect(packed).toHaveLength(IV_BYTES + TAG_BYTES + 5);
    expect(packed.subarray(0, IV_BYTES).equals(sealed.iv)).toBe(true);
    expect(packed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES).equals(sealed.tag)).toBe(true);
    const back = unpackSealed(packed)!;
    expect(open(key, back, AAD)?.toString()).toBe('hello');
    // The boundary: an empty value packs to exactly iv + tag bytes and still opens.
    const empty = packSealed(seal(key, Buffer.alloc(0), AAD));
    expect(empty).toHaveLength(IV_BYTES + TAG_BYTES);
    expect(open(key, unpackSealed(empty)!, AAD)).toEqual(Buffer.alloc(0));
    expect(unpackSealed(empty.subarray(0, IV_BYTES + TAG_BYTES - 1))).toBeNull();
    expect(unpackSealed(Buffer.alloc(0))).toBeNull();
  });

  it('derives HKDF-SHA256 with an empty salt exactly as RFC 5869 test case 3, and separates by info', () => {
    const okm = hkdf(Buffer.alloc(22, 0x0b), '', 42);
    expect(okm.toString('hex')).toBe('8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8');
    const key = randomBytes(32);
    expect(hkdf(key, 'hearth/a/v1').equals(hkdf(key, 'hearth/b/v1'))).toBe(false);
    expect(hkdf(key, 'hearth/a/v1')).toHaveLength(32);
  });

  it('wipe zeroes every buffer given and skips null and undefined', () => {
    const a = Buffer.from('key material');
    const b = new Uint8Array([1, 2, 3]);
    expect(() => wipe(a, null, undefined, b)).not.toThrow();
    expect(a.every((x) => x === 0)).toBe(true);
    expect(b.every((x) => x === 0)).toBe(true);
  });
});
