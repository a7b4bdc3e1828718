import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assessHealth, isTwoFactorSite, loadTwoFactorSites, passwordStrength, type HealthInput, type HealthOptions } from './health';

const RESOURCES = path.resolve(import.meta.dirname, '../../../resources');
const NOW = new Date('2026-06-01T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

// Random 20-character strings: zxcvbn scores them 4.
const STRONG_A = 'q7#Vt2!mZx@9Lw$4pRk8';
const STRONG_B = 'Hs3&nY6^bQ1*eJ5%cU0!';
const SITES: HealthOptions = { twoFactorSites: new Set(['github.com', 'google.com']) };

const item = (id: string, overrides: Partial<HealthInput> = {}): HealthInput => ({
  id,
  password: STRONG_A,
  passwordChangedAt: daysAgo(10),
  urls: ['https://example.org/login'],
  hasTotp: false,
  ...overrides,
});
const reasonsOf = (items: HealthInput[], opts: HealthOptions = SITES) => Object.fromEntries(assessHealth(items, NOW, opts).map((f) => [f.itemId, f.reasons]));

describe('health', () => {
  describe('passwordStrength', () => {
    it('scores common and short passwords as weak', () => {
      for (const pw of ['password', 'qwerty123', 'Summer2024!', 'letmein', 'P@ssw0rd']) {
        expect(passwordStrength(pw).score, pw).toBeLessThan(3);
      }
      expect(passwordStrength('password').score).toBe(0);
    });

    it('scores random and long passwords as strong', () => {
      expect(passwordStrength(STRONG_A)).toMatchObject({ score: 4 });
      expect(passwordStrength(STRONG_A).guessesLog10).toBeGreaterThan(12);
      expect(passwordStrength('password').guessesLog10).toBeLessThan(3);
    });
  });

  describe('assessHealth', () => {
    it('reports nothing for a strong, recent, unique password on a site without TOTP support', () => {
      expect(assessHealth([item('a'), item('b', { password: STRONG_B })], NOW, SITES)).toEqual([]);
    });

    it('marks every item that shares a password as reused, and only those', () => {
      const result = reasonsOf([item('a'), item('b', { password: STRONG_B }), item('c'), item('d')]);
      expect(result).toEqual({ a: ['reused'], c: ['reused'], d: ['reused'] });
    });

    it('compares passwords exactly (case-sensitive, no trimming)', () => {
      expect(reasonsOf([item('a'), item('b', { password: STRONG_A.toUpperCase() }), item('c', { password: `${STRONG_A} ` })])).toEqual({});
    });

    it('marks passwords zxcvbn scores below 3 as weak', () => {
      expect(reasonsOf([item('a', { password: 'Summer2024!' }), item('b')])).toEqual({ a: ['weak'] });
    });

    it('marks passwords changed more than 365 days ago as old', () => {
      const result = reasonsOf([
        item('year', { passwordChangedAt: daysAgo(365) }),
        item('year-and-a-day', { passwordChangedAt: daysAgo(366), password: STRONG_B }),
        item('unknown', { passwordChangedAt: undefined, password: 'zR4!kP9#wQ2@nV7$sT5&' }),
        item('garbage', { passwordChangedAt: 'last Tuesday', password: 'mB8^xL3*cF6!hJ1%dG4#' }),
      ]);
      expect(result).toEqual({ 'year-and-a-day': ['old'] });
    });

    it('honours a custom maximum age', () => {
      expect(reasonsOf([item('a', { passwordChangedAt: daysAgo(31) })], { ...SITES, maxAgeDays: 30 })).toEqual({ a: ['old'] });
    });

    it('marks logins for TOTP-capable sites without a TOTP, including subdomains and bare hosts', () => {
      const result = reasonsOf([
        item('gh', { urls: ['https://github.com/login'] }),
        item('google', { urls: ['example.org', 'accounts.google.com/signin'], password: STRONG_B }),
        item('with-totp', { urls: ['https://github.com'], hasTotp: true, password: 'zR4!kP9#wQ2@nV7$sT5&' }),
        item('other', { urls: ['https://example.org'], password: 'mB8^xL3*cF6!hJ1%dG4#' }),
      ]);
      expect(result).toEqual({ gh: ['no-totp'], google: ['no-totp'] });
    });

    it('lists several reasons in a fixed order', () => {
      const stale = { password: 'password', passwordChangedAt: daysAgo(800), urls: ['https://github.com'] };
      expect(assessHealth([item('a', stale), item('b', stale)], NOW, SITES)).toEqual([
        { itemId: 'a', reasons: ['reused', 'weak', 'old', 'no-totp'] },
        { itemId: 'b', reasons: ['reused', 'weak', 'old', 'no-totp'] },
      ]);
    });

    it('skips items without a password', () => {
      const result = reasonsOf([
        item('none', { password: undefined, urls: ['https://github.com'], passwordChangedAt: daysAgo(999) }),
        item('empty', { password: '', urls: ['https://github.com'] }),
        item('other', { password: '', passwordChangedAt: daysAgo(999) }),
      ]);
      expect(result).toEqual({});
    });

    it('never puts a password in its findings', () => {
      const findings = assessHealth([item('a', { password: 'hunter2' }), item('b', { password: 'hunter2' })], NOW, SITES);
      expect(findings).toHaveLength(2);
      expect(JSON.stringify(findings)).not.toContain('hunter2');
    });
  });

  describe('isTwoFactorSite', () => {
    const sites = new Set(['github.com']);

    it.each(['https://github.com', 'http://GitHub.com./x', 'github.com', 'https://gist.github.com/me', 'https://user:pw@github.com:443/'])(
      'matches %s',
      (url) => {
        expect(isTwoFactorSite(url, sites)).toBe(true);
      },
    );

    it.each([
      'https://notgithub.com',
      'https://github.com.evil.example',
      'androidapp://com.github.android',
      'ftp://github.com',
      '',
      'not a url at all',
      'https://com',
    ])('does not match %j', (url) => {
      expect(isTwoFactorSite(url, sites)).toBe(false);
    });
  });

  describe('loadTwoFactorSites', () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'hearth-2fa-'));
    afterAll(() => rmSync(temp, { recursive: true, force: true }));

    it('loads about a hundred well-known domains from resources', () => {
      const sites = loadTwoFactorSites(RESOURCES);
      expect(sites.size).toBeGreaterThanOrEqual(100);
      for (const domain of ['google.com', 'github.com', 'amazon.com', 'microsoft.com', 'dropbox.com']) expect(sites.has(domain)).toBe(true);
      for (const domain of sites) expect(domain).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    });

    it('reads the file once and then serves it from memory', () => {
      expect(loadTwoFactorSites(RESOURCES)).toBe(loadTwoFactorSites(RESOURCES));
    });

    it('ignores comments and blank lines, and lower-cases entries', () => {
      writeFileSync(path.join(temp, '2fa-sites.txt'), '# heading\n\nExample.COM  # trailing\n  other.org\n');
      expect([...loadTwoFactorSites(temp)]).toEqual(['example.com', 'other.org']);
    });

    it('refuses a missing or empty list as CORRUPT', () => {
      const corrupt = expect.objectContaining({ code: 'CORRUPT' }) as Error;
      expect(() => loadTwoFactorSites(path.join(temp, 'nowhere'))).toThrow(corrupt);
      const empty = mkdtempSync(path.join(temp, 'empty-'));
      writeFileSync(path.join(empty, '2fa-sites.txt'), '# nothing\n');
      expect(() => loadTwoFactorSites(empty)).toThrow(corrupt);
    });
  });
});
