import { AppError } from '../../ipc/result';
import { base32Encode, normaliseBase32 } from '../../lib/base32';

/**
 * Parsing and building of one-time-password configurations (docs/formats.md#totp):
 * - Key URIs, `otpauth://totp|hotp/Issuer:account?secret=…` (google-authenticator wiki "Key Uri Format"),
 *   including KeePassXC's Steam form (`encoder=steam`) and Aegis' `otpauth://steam/…`;
 * - Bitwarden's `steam://SECRET`;
 * - a bare base32 secret pasted on its own;
 * - Google Authenticator's bulk export, `otpauth-migration://offline?data=<base64 protobuf>`.
 * Pure (no node:*). Every failure is an `AppError` whose message never repeats the secret.
 */

export type OtpType = 'totp' | 'hotp' | 'steam';
export type OtpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

/** A parsed OTP account. `secret` is normalised base32: upper case, no spaces, no padding. */
export interface OtpConfig {
  type: OtpType;
  secret: string;
  issuer?: string;
  account?: string;
  algorithm: OtpAlgorithm;
  /** 6–8 for TOTP/HOTP; always 5 for Steam. */
  digits: number;
  /** Seconds per step (1–86400). Present for every type; unused by HOTP. */
  period: number;
  /** HOTP moving factor; only for `type: 'hotp'`. */
  counter?: number;
}

export const DEFAULT_PERIOD = 30;
export const DEFAULT_DIGITS = 6;
export const STEAM_DIGITS = 5;
/** Longest accepted step. KeePassXC clamps larger values to this; we reject them instead, because a clamped period gives codes the server never accepts. */
export const MAX_PERIOD_SECONDS = 86_400;
/** A bare pasted secret must have at least 80 bits (16 characters), so that a stray word is not mistaken for one. */
export const MIN_BARE_SECRET_CHARS = 16;
const MAX_URI_CHARS = 8_192;
const MAX_MIGRATION_URI_CHARS = 65_536;

const invalid = (message: string): AppError => new AppError('INVALID_INPUT', message);

/** `decodeURIComponent` without its URIError, and keeping `+` literal (RFC 3986, not form encoding). */
function percentDecode(raw: string, what: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw invalid(`The ${what} has a malformed %-escape.`);
  }
}

function parseQuery(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = percentDecode(eq === -1 ? pair : pair.slice(0, eq), 'URI').toLowerCase();
    if (!params.has(key)) params.set(key, percentDecode(eq === -1 ? '' : pair.slice(eq + 1), `"${key}" parameter`));
  }
  return params;
}

function parseSecret(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') throw invalid('The OTP secret is missing.');
  const secret = normaliseBase32(raw);
  if (secret === null) throw invalid('The OTP secret is not valid base32 (letters A–Z and digits 2–7).');
  if (secret.length < 2) throw invalid('The OTP secret is empty.');
  return secret;
}

function parseAlgorithm(raw: string | undefined): OtpAlgorithm {
  if (raw === undefined || raw === '') return 'SHA1';
  const name = raw.toUpperCase().replace('-', '');
  if (name === 'SHA1' || name === 'SHA256' || name === 'SHA512') return name;
  throw new AppError('UNSUPPORTED', 'Unsupported OTP algorithm: only SHA1, SHA256 and SHA512 are supported.');
}

function parseInteger(raw: string | undefined, what: string, min: number, max: number): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw invalid(`The OTP ${what} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** Splits a Key URI label into issuer prefix and account (see `parseOtpauthUri` for the rule). */
function splitLabel(rawLabel: string, issuerParam: string | undefined): { prefix?: string; account?: string } {
  const colon = rawLabel.indexOf(':');
  if (colon !== -1) {
    const prefix = percentDecode(rawLabel.slice(0, colon), 'label').trim();
    const account = percentDecode(rawLabel.slice(colon + 1), 'label').trim();
    return { ...(prefix ? { prefix } : {}), ...(account ? { account } : {}) };
  }
  return splitName(percentDecode(rawLabel, 'label'), issuerParam);
}

/** Strips an `issuer:` prefix from a name only when it matches the known issuer. */
function splitName(name: string, issuer: string | undefined): { prefix?: string; account?: string } {
  let account = name.trim();
  if (issuer && account.startsWith(`${issuer}:`)) account = account.slice(issuer.length + 1).trim();
  return account ? { account } : {};
}

/**
 * Parses an `otpauth://` Key URI. The issuer comes from the `issuer` parameter, else the label prefix.
 * The label is split at its first literal `:`; an encoded `%3A` splits it only when the text before it
 * equals the `issuer` parameter. So `encoding%3A%20…` stays one account name, as extract_otp_secrets
 * and Google Authenticator show it. `encoder=steam` or the `steam` type give a Steam Guard config.
 * Throws `AppError('INVALID_INPUT' | 'UNSUPPORTED')`.
 */
export function parseOtpauthUri(uri: string): OtpConfig {
  const text = uri.trim();
  if (text.length > MAX_URI_CHARS) throw new AppError('TOO_LARGE', 'The otpauth URI is too long.');
  const match = /^otpauth:\/\/([a-z]+)\/?([^?#]*)(?:\?([^#]*))?/i.exec(text);
  if (!match) throw invalid('Not an otpauth:// URI.');
  const [, rawType = '', rawLabel = '', query = ''] = match;
  const params = parseQuery(query);
  const declaredType = rawType.toLowerCase();
  if (declaredType !== 'totp' && declaredType !== 'hotp' && declaredType !== 'steam') {
    throw new AppError('UNSUPPORTED', 'Unsupported OTP type: expected totp, hotp or steam.');
  }
  const isSteam = declaredType === 'steam' || params.get('encoder')?.toLowerCase() === 'steam';
  const issuerParam = params.get('issuer')?.trim() || undefined;
  const { prefix, account } = splitLabel(rawLabel, issuerParam);
  const issuer = issuerParam ?? prefix;
  const config: OtpConfig = {
    type: isSteam ? 'steam' : declaredType === 'hotp' ? 'hotp' : 'totp',
    secret: parseSecret(params.get('secret')),
    ...(issuer ? { issuer } : {}),
    ...(account ? { account } : {}),
    algorithm: parseAlgorithm(params.get('algorithm')),
    digits: DEFAULT_DIGITS,
    period: parseInteger(params.get('period'), 'period', 1, MAX_PERIOD_SECONDS) ?? DEFAULT_PERIOD,
  };
  if (isSteam) {
    if (declaredType === 'hotp') throw invalid('Steam Guard codes are time-based; an HOTP Steam URI is not valid.');
    parseInteger(params.get('digits'), 'digit count for Steam', STEAM_DIGITS, STEAM_DIGITS);
    config.digits = STEAM_DIGITS;
    return config;
  }
  config.digits = parseInteger(params.get('digits'), 'digit count', 6, 8) ?? DEFAULT_DIGITS;
  if (config.type === 'hotp') {
    const counter = parseInteger(params.get('counter'), 'counter', 0, Number.MAX_SAFE_INTEGER);
    if (counter === undefined) throw invalid('An HOTP URI needs a counter parameter.');
    config.counter = counter;
  }
  return config;
}

/** Parses Bitwarden's `steam://SECRET` form. Throws `AppError('INVALID_INPUT')`. */
export function parseSteamUri(uri: string): OtpConfig {
  const match = /^steam:\/\/(.*)$/i.exec(uri.trim());
  if (!match) throw invalid('Not a steam:// secret.');
  return { type: 'steam', secret: parseSecret(match[1]), algorithm: 'SHA1', digits: STEAM_DIGITS, period: DEFAULT_PERIOD };
}

/**
 * Parses what a user pastes into the "authenticator key" field: an `otpauth://` URI, a `steam://` secret,
 * or a bare base32 secret of at least 16 characters (TOTP, SHA1, 6 digits, 30 s).
 * Migration URIs hold several accounts: use `parseOtpImport` for those.
 */
export function parseOtpInput(text: string): OtpConfig {
  const trimmed = text.trim();
  if (/^otpauth:/i.test(trimmed)) return parseOtpauthUri(trimmed);
  if (/^steam:/i.test(trimmed)) return parseSteamUri(trimmed);
  if (/^otpauth-migration:/i.test(trimmed)) throw invalid('This is a Google Authenticator export with several accounts; import it instead.');
  const secret = normaliseBase32(trimmed);
  if (secret === null || secret.length < MIN_BARE_SECRET_CHARS) {
    throw invalid('Not an authenticator key: expected an otpauth:// link or a base32 secret of at least 16 characters.');
  }
  return { type: 'totp', secret, algorithm: 'SHA1', digits: DEFAULT_DIGITS, period: DEFAULT_PERIOD };
}

/**
 * Parses the text of a scanned QR code or an import line into one or more accounts: `otpauth://`,
 * `steam://` or `otpauth-migration://`. Bare secrets are refused here, because arbitrary QR text such as
 * `HELLOWORLD` is valid base32. Throws `AppError('INVALID_INPUT')` "not an OTP code" for anything else.
 */
export function parseOtpImport(text: string): OtpConfig[] {
  const trimmed = text.trim();
  if (/^otpauth-migration:/i.test(trimmed)) return parseMigrationUri(trimmed);
  if (/^(otpauth|steam):/i.test(trimmed)) return [parseOtpInput(trimmed)];
  throw invalid('No OTP account found: expected an otpauth://, otpauth-migration:// or steam:// link.');
}

/**
 * Builds a Key URI that `parseOtpauthUri` reads back to the same config. Steam configs are written in
 * KeePassXC's form (`otpauth://totp/…&digits=5&encoder=steam`), which other apps also read.
 */
export function buildOtpauthUri(config: OtpConfig): string {
  const account = encodeURIComponent(config.account ?? '');
  const label = config.issuer ? `${encodeURIComponent(config.issuer)}:${account}` : account;
  const params = [`secret=${config.secret}`];
  if (config.issuer) params.push(`issuer=${encodeURIComponent(config.issuer)}`);
  params.push(`algorithm=${config.algorithm}`, `digits=${config.digits}`);
  if (config.type === 'hotp') params.push(`counter=${config.counter ?? 0}`);
  else params.push(`period=${config.period}`);
  if (config.type === 'steam') params.push('encoder=steam');
  return `otpauth://${config.type === 'hotp' ? 'hotp' : 'totp'}/${label}?${params.join('&')}`;
}

// ── Google Authenticator export: otpauth-migration://offline?data=<base64 MigrationPayload> ──

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard or URL-safe base64, padding optional. Returns null on any other character. */
function base64Decode(text: string): Uint8Array | null {
  const clean = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (clean.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of clean) {
    const value = BASE64.indexOf(char);
    if (value === -1) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

type ProtoValue = bigint | Uint8Array;

/** Minimal protobuf reader: the fields of one message as [field number, value] in wire order. */
function readMessage(bytes: Uint8Array): [number, ProtoValue][] {
  const fields: [number, ProtoValue][] = [];
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const byte = bytes[pos++];
      if (byte === undefined) throw invalid('The export data is truncated.');
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return result;
    }
    throw invalid('The export data is corrupt (varint too long).');
  };
  while (pos < bytes.length) {
    const key = varint();
    const field = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (wire === 0) fields.push([field, varint()]);
    else if (wire === 2) {
      const length = Number(varint());
      if (pos + length > bytes.length) throw invalid('The export data is truncated.');
      fields.push([field, bytes.subarray(pos, pos + length)]);
      pos += length;
    } else if (wire === 1 || wire === 5) pos += wire === 1 ? 8 : 4;
    else throw invalid('The export data is corrupt (unknown protobuf wire type).');
  }
  if (pos > bytes.length) throw invalid('The export data is truncated.');
  return fields;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const ALGORITHMS: Record<string, OtpAlgorithm> = { '0': 'SHA1', '1': 'SHA1', '2': 'SHA256', '3': 'SHA512' };

/** One `OtpParameters` message: secret=1, name=2, issuer=3, algorithm=4, digits=5, type=6, counter=7. */
function readOtpParameters(bytes: Uint8Array): OtpConfig {
  const fields = readMessage(bytes);
  const get = (n: number) => fields.find(([field]) => field === n)?.[1];
  const text = (value: ProtoValue | undefined): string => {
    if (!(value instanceof Uint8Array)) return '';
    try {
      return utf8.decode(value).trim();
    } catch {
      throw invalid('The export data has a name that is not valid UTF-8.');
    }
  };
  const num = (value: ProtoValue | undefined): bigint => (typeof value === 'bigint' ? value : 0n);
  const secret = get(1);
  if (!(secret instanceof Uint8Array) || secret.length === 0) throw invalid('An exported account has no secret.');
  const algorithm = ALGORITHMS[num(get(4)).toString()];
  if (!algorithm) throw new AppError('UNSUPPORTED', 'An exported account uses an unsupported algorithm (MD5).');
  const issuer = text(get(3));
  const { account } = splitName(text(get(2)), issuer);
  const type = num(get(6)) === 1n ? 'hotp' : 'totp';
  const config: OtpConfig = {
    type,
    secret: base32Encode(secret, { padding: false }),
    ...(issuer ? { issuer } : {}),
    ...(account ? { account } : {}),
    algorithm,
    digits: num(get(5)) === 2n ? 8 : DEFAULT_DIGITS,
    period: DEFAULT_PERIOD,
  };
  if (type === 'hotp') {
    const counter = num(get(7));
    if (counter > BigInt(Number.MAX_SAFE_INTEGER)) throw invalid('An exported HOTP counter is out of range.');
    config.counter = Number(counter);
  }
  return config;
}

/**
 * Decodes a Google Authenticator `otpauth-migration://offline?data=…` URI into its accounts, in export
 * order. `data` is (percent-encoded) base64 of a protobuf `MigrationPayload` whose field 1 repeats
 * `OtpParameters`. Google exports carry no period, so every TOTP account gets 30 s.
 */
export function parseMigrationUri(uri: string): OtpConfig[] {
  const text = uri.trim();
  if (text.length > MAX_MIGRATION_URI_CHARS) throw new AppError('TOO_LARGE', 'The export URI is too long.');
  const match = /^otpauth-migration:\/\/offline\?([^#]*)/i.exec(text);
  if (!match) throw invalid('Not an otpauth-migration://offline URI.');
  // A literal "+" may have become a space if the URI went through form decoding.
  const data = parseQuery(match[1] ?? '')
    .get('data')
    ?.replace(/ /g, '+');
  if (!data) throw invalid('The export URI has no data parameter.');
  const payload = base64Decode(data);
  if (payload === null) throw invalid('The export data is not valid base64.');
  const accounts = readMessage(payload)
    .filter((entry): entry is [number, Uint8Array] => entry[0] === 1 && entry[1] instanceof Uint8Array)
    .map(([, message]) => readOtpParameters(message));
  if (accounts.length === 0) throw invalid('The export contains no accounts.');
  return accounts;
}
