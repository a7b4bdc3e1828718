import { describe, expect, it } from 'vitest';
import { parseOtpauthUri, parseSteamUri, type OtpAlgorithm, type OtpConfig } from '../../../src-shared/domains/vault/otpauth';
import { AppError } from '../../../src-shared/ipc/result';
import { describeWithFixtures, readFixtureText } from '../../test/fixtures';
import { hotpCode, totpCode } from './totp';

/** Sample files from the fixtures' `otp/` folder (its README.md lists the facts asserted here). */
const readJson = <T>(name: string): T => JSON.parse(readFixtureText('otp', name)) as T;

interface Rfc6238Fixture {
  period: number;
  digits: number;
  seeds: Record<OtpAlgorithm, { base32: string }>;
  vectors: { time: number; mode: OtpAlgorithm; totp: string }[];
}
interface UriFixture {
  uri: string;
  codes_oathtool?: { time?: number; counter?: number; code: string }[];
  codes_keepassxc_test?: { time: number; code: string }[];
}

/** RFC 4226 Appendix D: secret "12345678901234567890", counters 0–9, with the 31-bit truncated values. */
const RFC4226_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC4226: [number, number, string][] = [
  [0, 1284755224, '755224'],
  [1, 1094287082, '287082'],
  [2, 137359152, '359152'],
  [3, 1726969429, '969429'],
  [4, 1640338314, '338314'],
  [5, 868254676, '254676'],
  [6, 1918287922, '287922'],
  [7, 82162583, '162583'],
  [8, 673399871, '399871'],
  [9, 645520489, '520489'],
];

const config = (overrides: Partial<OtpConfig>): OtpConfig => ({
  type: 'totp',
  secret: RFC4226_SECRET,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  ...overrides,
});

describeWithFixtures('totp (sample vectors)', () => {
  const rfc6238 = readJson<Rfc6238Fixture>('rfc6238-vectors.json');
  const uriFixtures = readJson<{ uris: UriFixture[] }>('otpauth-uris.json').uris;

  it('has all 18 RFC 6238 vectors in the fixture', () => {
    expect(rfc6238.vectors).toHaveLength(18);
  });

  it.each(rfc6238.vectors.map((v) => [v.mode, v.time, v.totp] as const))('gives the RFC 6238 %s code at t=%i: %s', (mode, time, code) => {
    const seed = rfc6238.seeds[mode].base32;
    const result = totpCode(config({ secret: seed, algorithm: mode, digits: rfc6238.digits, period: rfc6238.period }), time * 1000);
    expect(result.code).toBe(code);
  });

  const oathtoolCases = uriFixtures.flatMap((f) => (f.codes_oathtool ?? []).map((c) => [f.uri, c] as const));
  it.each(oathtoolCases)('matches oathtool for %s at %j', (uri, expected) => {
    const parsed = parseOtpauthUri(uri);
    const code = expected.counter !== undefined ? hotpCode(parsed, expected.counter) : totpCode(parsed, (expected.time ?? NaN) * 1000).code;
    expect(code).toBe(expected.code);
  });

  it('covers leading-zero codes from the fixtures', () => {
    expect(oathtoolCases.some(([, c]) => c.code.startsWith('0'))).toBe(true);
  });

  const steamCases = uriFixtures.flatMap((f) => (f.codes_keepassxc_test ?? []).map((c) => [f.uri, c.time, c.code] as const));
  it.each(steamCases)('gives the Steam Guard code of KeePassXC’s test for %s at t=%i: %s', (uri, time, code) => {
    const steam = parseOtpauthUri(uri);
    expect(steam.type).toBe('steam');
    expect(totpCode(steam, time * 1000).code).toBe(code);
  });

  it('gives the same Steam codes for a Bitwarden steam:// secret', () => {
    expect(steamCases).toHaveLength(2);
    const steam = parseSteamUri('steam://63BEDWCQZKTQWPESARIERL5DTTQFCJTK');
    expect(totpCode(steam, 1511200518_000).code).toBe('FR8RV');
    expect(totpCode(steam, 1511200714_000).code).toBe('9P3VP');
  });
});

describe('totp', () => {
  it.each(RFC4226)('gives the RFC 4226 Appendix D HOTP value at counter %i', (counter, truncated, code) => {
    const hotp = config({ type: 'hotp', counter });
    expect(hotpCode(hotp, counter)).toBe(code);
    // 8 digits show more of the truncated value, checking the truncation itself rather than only its tail.
    expect(hotpCode({ ...hotp, digits: 8 }, BigInt(counter))).toBe(String(truncated % 1e8).padStart(8, '0'));
  });

  it('counts down the seconds left in the current step', () => {
    const c = config({});
    expect(totpCode(c, 59_000)).toMatchObject({ secondsRemaining: 1, period: 30 });
    expect(totpCode(c, 60_000).secondsRemaining).toBe(30);
    expect(totpCode(c, 60_001).secondsRemaining).toBe(30);
    expect(totpCode(c, 89_999).secondsRemaining).toBe(1);
    expect(totpCode(config({ period: 60 }), 61_000)).toMatchObject({ secondsRemaining: 59, period: 60 });
  });

  it('changes the code exactly at the step boundary', () => {
    const c = config({});
    expect(totpCode(c, 29_999).code).toBe(totpCode(c, 0).code);
    expect(totpCode(c, 30_000).code).not.toBe(totpCode(c, 29_999).code);
    expect(totpCode(c, 30_000).code).toBe(hotpCode(c, 1));
  });

  it('handles time steps beyond 32 bits', () => {
    const big = 2n ** 33n + 5n;
    expect(totpCode(config({}), Number(big) * 30_000).code).toBe(hotpCode(config({}), big));
  });

  it.each([
    ['an HOTP config', () => totpCode(config({ type: 'hotp', counter: 1 }), 0)],
    ['a negative time', () => totpCode(config({}), -1)],
    ['a NaN time', () => totpCode(config({}), NaN)],
    ['a zero period', () => totpCode(config({ period: 0 }), 0)],
    ['a negative counter', () => hotpCode(config({}), -1)],
    ['a counter beyond 64 bits', () => hotpCode(config({}), 2n ** 64n)],
    ['9 digits', () => hotpCode(config({ digits: 9 }), 0)],
    ['an invalid secret', () => hotpCode(config({ secret: 'NOT BASE32!' }), 0)],
    ['an empty secret', () => hotpCode(config({ secret: '' }), 0)],
  ])('refuses %s with INVALID_INPUT', (_why, fn) => {
    expect(fn).toThrow(AppError);
    expect(fn).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }) as Error);
  });
});
