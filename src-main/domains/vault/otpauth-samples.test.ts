import { describe, expect, it } from 'vitest';
import { buildOtpauthUri, parseMigrationUri, parseOtpauthUri, parseOtpImport, parseOtpInput, type OtpConfig } from '../../../src-shared/domains/vault/otpauth';
import { AppError, type AppErrorCode } from '../../../src-shared/ipc/result';
import { describeWithFixtures, readFixtureText } from '../../test/fixtures';

/**
 * The otpauth parsers of src-shared over sample files from other apps (the fixtures' `otp/` folder; its
 * README.md lists the facts asserted here). Kept in main because src-shared code cannot read files;
 * the hand-written cases are in src-shared/domains/vault/otpauth.test.ts.
 */
interface UriFixture {
  uri: string;
  expect: Record<string, string | number | null | undefined>;
}

function expectAppError(fn: () => unknown, code: AppErrorCode, message?: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe(code);
  if (message) expect((caught as AppError).message).toMatch(message);
}

/** Maps one fixture's loosely written `expect` block onto our OtpConfig fields. */
function expectedFields(e: UriFixture['expect']): Partial<OtpConfig> {
  const out: Partial<OtpConfig> = {};
  out.type = e.encoder === 'steam' ? 'steam' : (e.type as OtpConfig['type']);
  if (typeof e.secret === 'string') out.secret = e.secret.replace(/=+$/, '');
  if (typeof e.secret_normalised === 'string') out.secret = e.secret_normalised;
  if (e.issuer) out.issuer = e.issuer as string;
  if (typeof e.account === 'string') out.account = e.account;
  if (typeof e.name_per_extract_otp_secrets === 'string') out.account = e.name_per_extract_otp_secrets;
  if (typeof e.algorithm === 'string') out.algorithm = e.algorithm.split(' ')[0] as OtpConfig['algorithm'];
  if (typeof e.digits === 'number') out.digits = e.digits;
  if (typeof e.period === 'number') out.period = e.period;
  if (typeof e.counter === 'number') out.counter = e.counter;
  return out;
}

describeWithFixtures('otpauth (sample files)', () => {
  const URIS = (JSON.parse(readFixtureText('otp', 'otpauth-uris.json')) as { uris: UriFixture[] }).uris;
  const exportText = readFixtureText('otp', 'extract_otp_secrets-example_export.txt');
  /** The migration URI zbarimg reads from extract_otp_secrets-googleauth_export.png, as quoted in the fixture README. */
  const GOOGLE_EXPORT_QR = /otpauth-migration:\/\/offline\?data=[A-Za-z0-9%]+/.exec(readFixtureText('otp', 'README.md'))?.[0] ?? 'missing from README';

  describe('parseOtpauthUri', () => {
    it.each(URIS.filter((f) => !('period_as_written' in f.expect)).map((f) => [f.uri, f] as const))('reads the fixture %s', (_uri, fixture) => {
      const config = parseOtpauthUri(fixture.uri);
      expect(config).toMatchObject(expectedFields(fixture.expect));
      // `issuer: null` or `""` in the fixture: there is no issuer anywhere in the URI.
      if ('issuer' in fixture.expect && !fixture.expect.issuer) expect(config.issuer).toBeUndefined();
    });

    it('rejects the 90000 s period of the KeePassXC fixture instead of clamping it', () => {
      const fixture = URIS.find((f) => f.expect.period_as_written === 90000);
      expect(fixture).toBeDefined();
      expectAppError(() => parseOtpauthUri(fixture?.uri ?? ''), 'INVALID_INPUT', /period.*1 to 86400/);
    });
  });

  describe('buildOtpauthUri', () => {
    it.each(URIS.filter((f) => !('period_as_written' in f.expect)).map((f) => [f.uri] as const))('round-trips the fixture %s', (uri) => {
      const config = parseOtpauthUri(uri);
      expect(parseOtpauthUri(buildOtpauthUri(config))).toEqual(config);
    });
  });

  describe('parseOtpInput', () => {
    it('reads otpauth URIs', () => {
      expect(parseOtpInput(URIS[0]?.uri ?? '').issuer).toBe('ACME Co');
    });

    it('points migration URIs to the import path', () => {
      expectAppError(() => parseOtpInput(GOOGLE_EXPORT_QR), 'INVALID_INPUT', /several accounts/);
    });
  });

  describe('parseOtpImport', () => {
    it('returns one account for otpauth:// and several for a migration URI', () => {
      expect(parseOtpImport(URIS[0]?.uri ?? '')).toHaveLength(1);
      expect(parseOtpImport(GOOGLE_EXPORT_QR)).toHaveLength(3);
    });
  });

  describe('parseMigrationUri', () => {
    it('decodes the three accounts of the Google Authenticator screenshot', () => {
      const accounts = parseMigrationUri(GOOGLE_EXPORT_QR);
      expect(accounts).toEqual(
        ['1', '2', '3'].map((n, i) => ({
          type: 'totp',
          secret: ['JBSWY3DPEHPK3PXP', 'JBSWY3DPEHPK3PXQ', 'JBSWY3DPEHPK3PXR'][i],
          issuer: `Test${n}`,
          account: `test${n}@example${n}.com`,
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
        })),
      );
    });

    it('decodes the six accounts of extract_otp_secrets example_export.txt', () => {
      const lines = exportText.split('\n').filter((line) => line.startsWith('otpauth-migration://'));
      expect(lines).toHaveLength(5);
      const perLine = lines.map((line) => parseMigrationUri(line));
      expect(perLine.map((a) => a.length)).toEqual([1, 1, 2, 1, 1]);
      const accounts = perLine.flat();
      expect(accounts.every((a) => a.secret === '7KSQL2JTUDIS5EF65KLMRQIIGY')).toBe(true);
      expect(accounts.map((a) => [a.type, a.account, a.issuer])).toEqual([
        ['totp', 'pi@raspberrypi', 'raspberrypi'],
        ['totp', 'pi@raspberrypi', undefined],
        ['totp', 'pi@raspberrypi', undefined],
        ['totp', 'pi@raspberrypi', 'raspberrypi'],
        ['hotp', 'hotp demo', undefined],
        ['totp', 'encoding: ¿äÄéÉ? (demo)', undefined],
      ]);
      expect(accounts[4]?.counter).toBe(4);
    });

    it('matches what the commented otpauth:// URIs of the export file say', () => {
      const blocks = exportText.split(/\n\s*\n/).filter((b) => b.includes('otpauth-migration://'));
      expect(blocks).toHaveLength(5);
      // The comments of the two-account block list the accounts in a different order than the payload.
      const byJson = (configs: OtpConfig[]) => configs.map((c) => JSON.stringify(c)).sort();
      for (const block of blocks) {
        const plain = block
          .split('\n')
          .filter((l) => l.startsWith('# otpauth://'))
          .map((l) => parseOtpauthUri(l.slice(2)));
        const migrated = parseMigrationUri(block.split('\n').find((l) => l.startsWith('otpauth-migration://')) ?? '');
        expect(byJson(migrated)).toEqual(byJson(plain));
      }
    });

    it('accepts URL-safe base64 and a "+" turned into a space', () => {
      const expected = parseMigrationUri(GOOGLE_EXPORT_QR);
      expect(parseMigrationUri(GOOGLE_EXPORT_QR.replace('%2B', '-'))).toEqual(expected);
      expect(parseMigrationUri(GOOGLE_EXPORT_QR.replace('%2B', ' '))).toEqual(expected);
    });

    it('rejects a truncated payload', () => {
      expectAppError(() => parseMigrationUri(GOOGLE_EXPORT_QR.slice(0, 80)), 'INVALID_INPUT', /truncated/);
    });
  });
});
