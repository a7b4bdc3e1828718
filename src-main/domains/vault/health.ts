import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../src-shared/ipc/result';
import { passwordStrength, type PasswordStrength } from '../../lib/password-strength';

export { passwordStrength, type PasswordStrength };

/**
 * The vault health report: which logins reuse a password, have a weak or old one, or lack a TOTP on a
 * site that offers it. Pure apart from zxcvbn and a per-call HMAC key; the caller (vault service)
 * decrypts the items and shows the findings. SECURITY: nothing here logs or returns a password.
 */

export type HealthReason = 'reused' | 'weak' | 'old' | 'no-totp';

/** One vault item as the health check sees it. */
export interface HealthInput {
  id: string;
  password?: string;
  /** ISO 8601 time of the last password change. */
  passwordChangedAt?: string;
  urls: string[];
  hasTotp: boolean;
}

/** The problems found on one item; items without problems are not reported. */
export interface HealthFinding {
  itemId: string;
  /** In the order reused, weak, old, no-totp. */
  reasons: HealthReason[];
}

export interface HealthOptions {
  /** Registrable domains known to offer TOTP (`loadTwoFactorSites`). */
  twoFactorSites: ReadonlySet<string>;
  /** A password changed more than this many days ago is old. Default 365. */
  maxAgeDays?: number;
}

/** zxcvbn's verdict: score 0 (too guessable) to 4 (very unguessable), and log10 of the estimated guesses. */

export const DEFAULT_MAX_AGE_DAYS = 365;
/** Scores below this are weak (zxcvbn 3 = "safely unguessable: moderate protection from offline attacks"). */
export const MIN_STRONG_SCORE = 3;
export const TWO_FACTOR_SITES_FILE = '2fa-sites.txt';
const DAY_MS = 86_400_000;

/** The lower-cased host of a stored URL (scheme optional), or null for app links and junk. */
function hostOf(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed === '') return null;
  for (const candidate of [trimmed, `https://${trimmed}`]) {
    try {
      const parsed = new URL(candidate);
      if ((parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '') {
        return parsed.hostname.toLowerCase().replace(/\.$/, '');
      }
    } catch {
      // not a URL in this form; try the next
    }
  }
  return null;
}

/** True when the URL's host, or a parent domain of it, is in `sites` (accounts.google.com → google.com). */
export function isTwoFactorSite(url: string, sites: ReadonlySet<string>): boolean {
  const host = hostOf(url);
  if (!host) return false;
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    if (sites.has(labels.slice(i).join('.'))) return true;
  }
  return false;
}

function isOlderThan(iso: string | undefined, now: Date, maxAgeDays: number): boolean {
  if (!iso) return false;
  const changed = Date.parse(iso);
  return Number.isFinite(changed) && now.getTime() - changed > maxAgeDays * DAY_MS;
}

/** A keyed digest of a password (HMAC-SHA-256, base64url): equal passwords, equal digests; no key, no lookup. */
export const passwordDigest = (key: Buffer, password: string): string => createHmac('sha256', key).update(password, 'utf8').digest('base64url');

/** One login after scoring: its password's keyed digest (null without a password) and whether it is weak. */
export interface ScoredHealthInput extends Omit<HealthInput, 'password'> {
  digest: string | null;
  weak: boolean;
}

/**
 * The findings over logins already scored (the vault scores in a worker, with a cache): reuse by equal
 * digests, weak, old (changed more than `maxAgeDays` ago) and no-TOTP. Items without a password get none.
 */
export function findingsOf(items: readonly ScoredHealthInput[], now: Date, opts: HealthOptions): HealthFinding[] {
  const maxAgeDays = opts.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
  const owners = new Map<string, number>(); // digest → number of items
  for (const item of items) if (item.digest !== null) owners.set(item.digest, (owners.get(item.digest) ?? 0) + 1);
  const twoFactor = new Map<string, boolean>(); // URL → is a TOTP site (vaults repeat their hosts)
  const offersTotp = (url: string): boolean => {
    let known = twoFactor.get(url);
    if (known === undefined) twoFactor.set(url, (known = isTwoFactorSite(url, opts.twoFactorSites)));
    return known;
  };
  const findings: HealthFinding[] = [];
  for (const item of items) {
    if (item.digest === null) continue;
    const reasons: HealthReason[] = [];
    if ((owners.get(item.digest) ?? 0) >= 2) reasons.push('reused');
    if (item.weak) reasons.push('weak');
    if (isOlderThan(item.passwordChangedAt, now, maxAgeDays)) reasons.push('old');
    if (!item.hasTotp && item.urls.some(offersTotp)) reasons.push('no-totp');
    if (reasons.length > 0) findings.push({ itemId: item.id, reasons });
  }
  return findings;
}

/**
 * Finds reused, weak (zxcvbn score < 3), old and no-TOTP passwords in one synchronous pass, with digests
 * under a random key made for this call (nothing outlives it). zxcvbn runs once per distinct password.
 */
export function assessHealth(items: readonly HealthInput[], now: Date, opts: HealthOptions): HealthFinding[] {
  const key = randomBytes(32);
  const weak = new Map<string, boolean>(); // digest → weak?
  const scored = items.map(({ password, ...rest }) => {
    if (!password) return { ...rest, digest: null, weak: false };
    const digest = passwordDigest(key, password);
    if (!weak.has(digest)) weak.set(digest, passwordStrength(password).score < MIN_STRONG_SCORE);
    return { ...rest, digest, weak: weak.get(digest)! };
  });
  key.fill(0);
  return findingsOf(scored, now, opts);
}

const sitesCache = new Map<string, ReadonlySet<string>>();

/**
 * The bundled list of sites that offer TOTP, from `<resourcesDir>/2fa-sites.txt` (one domain per line,
 * `#` comments), read once per path. Throws `AppError('CORRUPT')` when it is missing or empty.
 */
export function loadTwoFactorSites(resourcesDir: string): ReadonlySet<string> {
  const file = path.resolve(resourcesDir, TWO_FACTOR_SITES_FILE);
  const cached = sitesCache.get(file);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AppError('CORRUPT', 'The bundled list of two-factor sites is missing; reinstall Hearth.');
  }
  const sites = new Set(
    text
      .split(/\r?\n/)
      .map((line) => line.replace(/#.*/, '').trim().toLowerCase())
      .filter((line) => line !== ''),
  );
  if (sites.size === 0) throw new AppError('CORRUPT', 'The bundled list of two-factor sites is empty; reinstall Hearth.');
  sitesCache.set(file, sites);
  return sites;
}
