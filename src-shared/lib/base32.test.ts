import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../ipc/result';
import { base32Decode, base32DecodeOrThrow, base32Encode, normaliseBase32 } from './base32';

const ascii = (bytes: Uint8Array | null) => (bytes === null ? null : new TextDecoder().decode(bytes));

// RFC 4648 §10 test vectors.
const RFC4648: [string, string][] = [
  ['', ''],
  ['f', 'MY======'],
  ['fo', 'MZXQ===='],
  ['foo', 'MZXW6==='],
  ['foob', 'MZXW6YQ='],
  ['fooba', 'MZXW6YTB'],
  ['foobar', 'MZXW6YTBOI======'],
];

describe('base32', () => {
  it.each(RFC4648)('encodes %j as the RFC 4648 vector %j', (plain, encoded) => {
    expect(base32Encode(new TextEncoder().encode(plain))).toBe(encoded);
  });

  it.each(RFC4648)('decodes the RFC 4648 vector for %j', (plain, encoded) => {
    expect(ascii(base32Decode(encoded))).toBe(plain);
  });

  it('omits padding when asked', () => {
    expect(base32Encode(new TextEncoder().encode('foobar'), { padding: false })).toBe('MZXW6YTBOI');
  });

  it('decodes lower case, spaces and missing padding', () => {
    expect(ascii(base32Decode('mzxw 6ytb oi'))).toBe('foobar');
    expect(ascii(base32Decode('  MZXW6\tYQ\n'))).toBe('foob');
    expect(ascii(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'))).toBe('12345678901234567890');
  });

  it('ignores non-zero unused bits in the last character, as oathtool does', () => {
    // Bitwarden's export has secret=DFDFDEF%3D: the final F (00101) sets bits beyond the 4th byte.
    expect(base32Decode('DFDFDEF=')).toEqual(base32Decode('DFDFDEA'));
    expect(base32Decode('DFDFDEF')?.length).toBe(4);
  });

  it.each([
    ['a character outside the alphabet', 'MZXW6YT1'],
    ['the digit 0', 'MZXW6YT0'],
    ['the digit 8', 'MZXW6YT8'],
    ['base64 punctuation', 'MZXW+YTB'],
    ['a non-ASCII letter', 'MZXWÄYTB'],
    ['padding in the middle', 'MZ=W6YTB'],
    ['a length no byte count produces (1)', 'M'],
    ['a length no byte count produces (3)', 'MZX'],
    ['a length no byte count produces (6)', 'MZXW6Y'],
    ['padding that does not reach a multiple of 8', 'MZXW6YQ=='],
  ])('rejects %s', (_why, input) => {
    expect(base32Decode(input)).toBeNull();
    expect(normaliseBase32(input)).toBeNull();
  });

  it('normalises to upper case without spaces or padding', () => {
    expect(normaliseBase32(' jbsw y3dp ehpk 3pxp ')).toBe('JBSWY3DPEHPK3PXP');
    expect(normaliseBase32('DFDFDEF=')).toBe('DFDFDEF');
    expect(normaliseBase32('examplesecret')).toBe('EXAMPLESECRET');
  });

  it('throws INVALID_INPUT without echoing the input', () => {
    const attempt = () => base32DecodeOrThrow('not-a-secret-9', 'TOTP secret');
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).code).toBe('INVALID_INPUT');
      expect((error as AppError).message).toContain('TOTP secret');
      expect((error as AppError).message).not.toContain('not-a-secret');
    }
  });

  it('round-trips any bytes, padded or not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.boolean(), (bytes, padding) => {
        const encoded = base32Encode(bytes, { padding });
        expect(base32Decode(encoded)).toEqual(bytes);
        expect(base32Decode(encoded.toLowerCase())).toEqual(bytes);
      }),
    );
  });
});
