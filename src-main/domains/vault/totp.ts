import { createHmac } from 'node:crypto';
import type { OtpAlgorithm, OtpConfig } from '../../../src-shared/domains/vault/otpauth';
import { AppError } from '../../../src-shared/ipc/result';
import { base32DecodeOrThrow } from '../../../src-shared/lib/base32';

/**
 * RFC 4226 HOTP and RFC 6238 TOTP (T0 = 0) with node:crypto HMAC, plus Steam Guard's 5-character codes.
 * SECURITY: the decoded secret lives only inside one call and is zeroed before returning; nothing here logs.
 */

/** Steam Guard's alphabet: digits and consonants without look-alikes (KeePassXC, Bitwarden, Aegis agree). */
const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

const HMAC_NAMES: Record<OtpAlgorithm, string> = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };

/** A TOTP code with its countdown, as shown next to the password. */
export interface TotpCode {
  code: string;
  /** Whole seconds until the code changes, 1…period. */
  secondsRemaining: number;
  period: number;
}

/** RFC 4226 §5.3 dynamic truncation of an HMAC into a 31-bit integer. */
function truncate(mac: Buffer): number {
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  return mac.readUInt32BE(offset) & 0x7fffffff;
}

function formatCode(value: number, type: OtpConfig['type'], digits: number): string {
  if (type === 'steam') {
    let rest = value;
    let code = '';
    for (let i = 0; i < digits; i++) {
      code += STEAM_ALPHABET[rest % STEAM_ALPHABET.length];
      rest = Math.floor(rest / STEAM_ALPHABET.length);
    }
    return code;
  }
  return String(value % 10 ** digits).padStart(digits, '0');
}

/**
 * The one-time code for moving factor `counter` (RFC 4226 §5.3), using the config's secret, algorithm,
 * digit count and encoding (decimal, or Steam's alphabet). `counter` is the HOTP counter or the TOTP time
 * step; it is written as an unsigned 64-bit big-endian integer, so times past 2038 (and 2603) work.
 * Throws `AppError('INVALID_INPUT')` for a bad secret or counter.
 */
export function hotpCode(config: OtpConfig, counter: number | bigint): string {
  const moving = BigInt(counter);
  if (moving < 0n || moving > 0xffff_ffff_ffff_ffffn) throw new AppError('INVALID_INPUT', 'The OTP counter is out of range.');
  if (config.type === 'steam' ? config.digits !== 5 : config.digits < 6 || config.digits > 8) {
    throw new AppError('INVALID_INPUT', 'The OTP digit count is out of range.');
  }
  const key = Buffer.from(base32DecodeOrThrow(config.secret, 'OTP secret'));
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(moving);
  try {
    if (key.length === 0) throw new AppError('INVALID_INPUT', 'The OTP secret is empty.');
    const mac = createHmac(HMAC_NAMES[config.algorithm], key).update(message).digest();
    return formatCode(truncate(mac), config.type, config.digits);
  } finally {
    key.fill(0); // SECURITY: do not leave the raw secret in a heap buffer.
  }
}

/**
 * The RFC 6238 code at `nowMs` (Unix epoch milliseconds) for a TOTP or Steam config, with the seconds left
 * in its step. HOTP configs are refused (`INVALID_INPUT`): their code depends on a counter, see `hotpCode`.
 */
export function totpCode(config: OtpConfig, nowMs: number): TotpCode {
  if (config.type === 'hotp') throw new AppError('INVALID_INPUT', 'HOTP codes depend on a counter, not on the time.');
  const { period } = config;
  if (!Number.isSafeInteger(period) || period < 1) throw new AppError('INVALID_INPUT', 'The OTP period is out of range.');
  if (!Number.isFinite(nowMs) || nowMs < 0) throw new AppError('INVALID_INPUT', 'The time is out of range.');
  const periodMs = period * 1000;
  const step = Math.floor(nowMs / periodMs);
  const secondsRemaining = Math.ceil((periodMs - (nowMs % periodMs)) / 1000);
  return { code: hotpCode(config, step), secondsRemaining, period };
}
