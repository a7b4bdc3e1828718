import { MIN_BARE_SECRET_CHARS } from '../../../../src-shared/domains/vault/otpauth';
import { normaliseBase32 } from '../../../../src-shared/lib/base32';

/**
 * TOTP value conversions (docs/formats.md#totp). Hearth stores what the source had: an `otpauth://` URI,
 * a `steam://` secret or a bare base32 secret. KeePass-family files need URIs and have two legacy
 * encodings (KeeOTP's `key=…&step=…` in `otp`, KeeTrayTOTP's `TOTP Seed` + `TOTP Settings`).
 */

/**
 * Longest TOTP value converted (the vault's `login.totp` limit). A longer value is no TOTP key: it is returned as
 * it is, unconverted, because converting a multi-MiB field of a damaged file took seconds to minutes (issue 13 fuzz).
 */
const MAX_OTP_CHARS = 2048;

interface OtpParams {
  secret: string;
  period?: number;
  digits?: number;
  algorithm?: string;
  encoder?: 'steam';
}

/** Builds `otpauth://totp/<issuer>:<account>?secret=…` (label parts percent-encoded, padding dropped). */
export function buildOtpauthUri(p: OtpParams, issuer: string, account: string): string {
  const label = account ? `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}` : encodeURIComponent(issuer);
  const q = new URLSearchParams({ secret: p.secret.replace(/[\s=]/g, '').toUpperCase() });
  q.set('period', String(p.period ?? 30));
  q.set('digits', String(p.digits ?? (p.encoder === 'steam' ? 5 : 6)));
  if (p.algorithm) q.set('algorithm', p.algorithm.toUpperCase());
  if (issuer) q.set('issuer', issuer);
  if (p.encoder) q.set('encoder', p.encoder);
  return `otpauth://totp/${label}?${q.toString().replaceAll('+', '%20')}`;
}

/** A stored TOTP value as an otpauth URI (what KeePassXC expects in its `otp` field); '' stays ''. */
export function toOtpauthUri(totp: string, issuer: string, account: string): string {
  const value = totp.trim();
  if (value === '' || /^otpauth:\/\//i.test(value)) return value;
  if (/^steam:\/\//i.test(value)) return buildOtpauthUri({ secret: value.slice('steam://'.length), encoder: 'steam' }, issuer || 'Steam', account);
  return buildOtpauthUri({ secret: value }, issuer, account);
}

/**
 * KeePass entry OTP fields → Hearth value. `otp` holding a URI wins; KeeOTP's `key=SECRET&step=30&size=6`
 * and KeeTrayTOTP's `TOTP Seed` with `TOTP Settings` (`30;6`, or `30;S` for Steam) become URIs; a seed
 * without settings stays a bare secret.
 */
export function fromKeePassOtp(fields: { otp: string; seed: string; settings: string }, issuer: string, account: string): string {
  const otp = fields.otp.trim();
  if (otp.length > MAX_OTP_CHARS || /^otpauth:\/\//i.test(otp)) return otp;
  if (/(^|&)key=/.test(otp)) {
    const q = new URLSearchParams(otp);
    const secret = q.get('key') ?? '';
    if (secret === '') return '';
    const algorithm = q.get('otpHashMode') ?? undefined;
    return buildOtpauthUri({ secret, period: positive(q.get('step')), digits: positive(q.get('size')), algorithm }, issuer, account);
  }
  if (otp !== '') return otp;
  const seed = fields.seed.trim();
  if (seed === '' || seed.length > MAX_OTP_CHARS) return seed;
  if (fields.settings.trim() === '') return seed;
  const [period, size] = fields.settings.split(';');
  if (size?.trim().toUpperCase() === 'S') return buildOtpauthUri({ secret: seed, period: positive(period), encoder: 'steam' }, issuer, account);
  return buildOtpauthUri({ secret: seed, period: positive(period), digits: positive(size) }, issuer, account);
}

function positive(value: string | null | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * A value from an import file's TOTP field (KeePassXC `otp`, Bitwarden `totp`, a CSV TOTP column,
 * 1Password's one-time password). URIs, and bare secrets Hearth accepts as typed, pass through. Any
 * other bare base32 secret becomes an `otpauth://` URI
 * (SHA1, 6 digits, 30 s: what every source app assumes for a bare secret), because the file already
 * says it is a TOTP key: the 16-character minimum that guards a pasted key against stray words does
 * not apply. A secret whose last character only holds leftover bits (`fsfsfsfsefefef`: 14 characters,
 * 8 bytes and 6 spare bits) loses that character, which keeps the same key bytes, as Bitwarden and
 * KeePassXC decode it. Anything else is returned unchanged (the commit keeps it as a hidden field).
 */
export function importedTotp(totp: string, issuer: string, account: string): string {
  const value = totp.trim();
  if (value === '' || value.length > MAX_OTP_CHARS || /^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  const full = value
    .replace(/[\s-]+/g, '')
    .replace(/=+$/, '')
    .toUpperCase();
  if (!/^[A-Z2-7]+$/.test(full)) return value;
  const compact = [1, 3, 6].includes(full.length % 8) ? full.slice(0, -1) : full;
  const secret = compact.length >= 2 ? normaliseBase32(compact) : null;
  if (secret === null) return value;
  // A bare secret Hearth accepts as typed is kept as the source had it.
  if (compact === full && secret.length >= MIN_BARE_SECRET_CHARS) return value;
  return buildOtpauthUri({ secret }, issuer, account);
}
