import { describe, expect, it } from 'vitest';
import { AppError, type AppErrorCode } from '../../ipc/result';
import { base32Encode } from '../../lib/base32';
import { buildOtpauthUri, parseMigrationUri, parseOtpauthUri, parseOtpImport, parseOtpInput, parseSteamUri } from './otpauth';

/**
 * Hand-written inputs only: the tests over sample files from other apps (otpauth-uris.json, the
 * Google Authenticator export QR, extract_otp_secrets' export) are in
 * src-main/domains/vault/otpauth-samples.test.ts, which can read files and skips without them.
 */
function expectAppError(fn: () => unknown, code: AppErrorCode, message?: RegExp): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe(code);
    if (message) expect(appError.message).toMatch(message);
    return appError;
  }
  throw new Error('expected an AppError');
}

/** Tiny protobuf writer for hand-made payloads (varint and length-delimited fields only). */
function pb(fields: [number, number | Uint8Array | string][]): Uint8Array {
  const out: number[] = [];
  const varint = (n: number) => {
    let v = n;
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  };
  for (const [field, value] of fields) {
    if (typeof value === 'number') {
      varint(field * 8);
      varint(value);
    } else {
      const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
      varint(field * 8 + 2);
      varint(bytes.length);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}
const migrationUri = (payload: Uint8Array) => `otpauth-migration://offline?data=${encodeURIComponent(btoa(String.fromCharCode(...payload)))}`;
const SECRET_BYTES = new TextEncoder().encode('Hello!\u00de\u00ad');

describe('otpauth', () => {
  describe('parseOtpauthUri', () => {
    it('applies the Key URI defaults when parameters are absent', () => {
      expect(parseOtpauthUri('otpauth://totp/pi@raspberrypi?secret=7KSQL2JTUDIS5EF65KLMRQIIGY')).toEqual({
        type: 'totp',
        secret: '7KSQL2JTUDIS5EF65KLMRQIIGY',
        account: 'pi@raspberrypi',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      });
    });

    it('takes the issuer from the label prefix when there is no issuer parameter', () => {
      const config = parseOtpauthUri('otpauth://totp/ACME%20Co:%20john@example.com?secret=JBSWY3DPEHPK3PXP');
      expect(config).toMatchObject({ issuer: 'ACME Co', account: 'john@example.com' });
    });

    it('prefers the issuer parameter over a different label prefix', () => {
      const config = parseOtpauthUri('otpauth://totp/Old%20Name:me?secret=JBSWY3DPEHPK3PXP&issuer=New%20Name');
      expect(config).toMatchObject({ issuer: 'New Name', account: 'me' });
    });

    it('splits at an encoded colon only when the prefix equals the issuer parameter', () => {
      const split = parseOtpauthUri('otpauth://totp/ACME%3Ajohn?secret=JBSWY3DPEHPK3PXP&issuer=ACME');
      expect(split).toMatchObject({ issuer: 'ACME', account: 'john' });
      const kept = parseOtpauthUri('otpauth://totp/a%3Ab?secret=JBSWY3DPEHPK3PXP');
      expect(kept.account).toBe('a:b');
      expect(kept.issuer).toBeUndefined();
    });

    it('keeps "+" literal instead of reading it as a space', () => {
      expect(parseOtpauthUri('otpauth://totp/C++:dev?secret=JBSWY3DPEHPK3PXP').issuer).toBe('C++');
    });

    it('accepts upper-case schemes, SHA-256 spelt with a hyphen and 8 digits', () => {
      const config = parseOtpauthUri('OTPAUTH://TOTP/x?secret=JBSWY3DPEHPK3PXP&algorithm=sha-256&digits=8&period=60');
      expect(config).toMatchObject({ type: 'totp', algorithm: 'SHA256', digits: 8, period: 60 });
    });

    it('reads Aegis-style otpauth://steam URIs as Steam with 5 characters', () => {
      expect(parseOtpauthUri('otpauth://steam/Steam:me?secret=JBSWY3DPEHPK3PXP')).toMatchObject({ type: 'steam', digits: 5, period: 30 });
    });

    it.each([
      ['a missing secret', 'otpauth://totp/x?issuer=A', /secret is missing/],
      ['an empty secret', 'otpauth://totp/x?secret=', /secret is missing/],
      ['a non-base32 secret', 'otpauth://totp/x?secret=JBSW1Y3D', /not valid base32/],
      ['7 digits of nonsense', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=six', /digit count/],
      ['9 digits', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=9', /digit count.*6 to 8/],
      ['5 digits without the Steam encoder', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=5', /digit count/],
      ['a zero period', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=0', /period/],
      ['a negative counter', 'otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=-1', /counter/],
      ['an HOTP URI without a counter', 'otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP', /needs a counter/],
      ['a malformed %-escape', 'otpauth://totp/100%?secret=JBSWY3DPEHPK3PXP', /malformed/],
      ['a URI of another scheme', 'https://example.com/?secret=JBSWY3DPEHPK3PXP', /Not an otpauth/],
    ])('rejects %s with INVALID_INPUT', (_why, uri, message) => {
      expectAppError(() => parseOtpauthUri(uri), 'INVALID_INPUT', message);
    });

    it.each([
      ['an MD5 algorithm', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5'],
      ['an unknown type', 'otpauth://motp/x?secret=JBSWY3DPEHPK3PXP'],
    ])('rejects %s with UNSUPPORTED', (_why, uri) => {
      expectAppError(() => parseOtpauthUri(uri), 'UNSUPPORTED');
    });

    it('never repeats the secret in an error message', () => {
      const error = expectAppError(() => parseOtpauthUri('otpauth://totp/x?secret=SECRETVALUE1&digits=9'), 'INVALID_INPUT');
      expect(JSON.stringify(error.toJSON())).not.toContain('SECRETVALUE');
      const bad = expectAppError(() => parseOtpauthUri('otpauth://totp/x?secret=SECRET-VALUE'), 'INVALID_INPUT');
      expect(bad.message).not.toContain('SECRET-VALUE');
    });
  });

  describe('buildOtpauthUri', () => {
    it('writes the Key URI shape with an encoded issuer prefix', () => {
      const uri = buildOtpauthUri({
        type: 'totp',
        secret: 'JBSWY3DPEHPK3PXP',
        issuer: 'ACME Co',
        account: 'a:b@c',
        algorithm: 'SHA256',
        digits: 8,
        period: 60,
      });
      expect(uri).toBe('otpauth://totp/ACME%20Co:a%3Ab%40c?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Co&algorithm=SHA256&digits=8&period=60');
    });

    it('writes HOTP with its counter and Steam with the KeePassXC encoder', () => {
      expect(buildOtpauthUri({ type: 'hotp', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 10 })).toBe(
        'otpauth://hotp/?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&counter=10',
      );
      const steam = parseSteamUri('steam://63BEDWCQZKTQWPESARIERL5DTTQFCJTK');
      expect(buildOtpauthUri(steam)).toContain('digits=5&period=30&encoder=steam');
      expect(parseOtpauthUri(buildOtpauthUri(steam))).toEqual(steam);
    });
  });

  describe('parseOtpInput', () => {
    it('reads a bare secret pasted with spaces and in lower case', () => {
      expect(parseOtpInput('  jbsw y3dp ehpk 3pxp\n')).toEqual({ type: 'totp', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30 });
    });

    it('reads Bitwarden steam:// secrets', () => {
      expect(parseOtpInput('steam://63BEDWCQZKTQWPESARIERL5DTTQFCJTK')).toEqual({
        type: 'steam',
        secret: '63BEDWCQZKTQWPESARIERL5DTTQFCJTK',
        algorithm: 'SHA1',
        digits: 5,
        period: 30,
      });
    });

    it.each([
      ['a short word that happens to be base32', 'hello'],
      ['a password', 'correct horse battery staple!'],
      ['an empty string', '   '],
    ])('rejects %s', (_why, text) => {
      expectAppError(() => parseOtpInput(text), 'INVALID_INPUT', /Not an authenticator key/);
    });
  });

  describe('parseOtpImport', () => {
    it('rejects the QR text of the negative fixture clearly', () => {
      expectAppError(() => parseOtpImport('NOT A otpauth-migration:// URL'), 'INVALID_INPUT', /No OTP account found/);
    });

    it('refuses bare base32 text, which any QR could contain', () => {
      expectAppError(() => parseOtpImport('HELLOWORLDHELLOWORLD'), 'INVALID_INPUT', /No OTP account found/);
    });
  });

  describe('parseMigrationUri', () => {
    it('maps the algorithm, digit and HOTP enums, and skips unknown fields', () => {
      const account = pb([
        [1, SECRET_BYTES],
        [2, 'x'],
        [4, 3],
        [5, 2],
        [6, 1],
        [7, 2 ** 40],
        [99, 7],
      ]);
      const [config] = parseMigrationUri(
        migrationUri(
          pb([
            [1, account],
            [2, 1],
          ]),
        ),
      );
      expect(config).toEqual({
        type: 'hotp',
        secret: base32Encode(SECRET_BYTES, { padding: false }),
        account: 'x',
        algorithm: 'SHA512',
        digits: 8,
        period: 30,
        counter: 2 ** 40,
      });
    });

    it('rejects MD5 accounts as UNSUPPORTED', () => {
      const uri = migrationUri(
        pb([
          [
            1,
            pb([
              [1, SECRET_BYTES],
              [4, 4],
            ]),
          ],
        ]),
      );
      expectAppError(() => parseMigrationUri(uri), 'UNSUPPORTED', /MD5/);
    });

    it.each([
      ['no data parameter', 'otpauth-migration://offline?foo=1', /no data/],
      ['invalid base64', 'otpauth-migration://offline?data=@@@@', /base64/],
      ['an account without a secret', migrationUri(pb([[1, pb([[2, 'x']])]])), /no secret/],
      ['a payload with no accounts', migrationUri(pb([[2, 1]])), /no accounts/],
      ['an unknown wire type', migrationUri(Uint8Array.from([0x0b])), /wire type/],
      [
        'a non-UTF-8 name',
        migrationUri(
          pb([
            [
              1,
              pb([
                [1, SECRET_BYTES],
                [2, Uint8Array.from([0xff])],
              ]),
            ],
          ]),
        ),
        /UTF-8/,
      ],
      ['another host', 'otpauth-migration://online?data=AA', /offline/],
    ])('rejects %s', (_why, uri, message) => {
      expectAppError(() => parseMigrationUri(uri), 'INVALID_INPUT', message);
    });
  });
});
