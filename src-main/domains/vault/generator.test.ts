import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/ipc/result';
import {
  CHARACTER_SETS,
  generatePassphrase,
  generatePassword,
  LOOK_ALIKES,
  loadWordList,
  passphraseEntropyBits,
  passwordCharacterSets,
  passwordEntropyBits,
  WORD_LIST_FILE,
  type PassphraseOptions,
  type PasswordOptions,
} from './generator';

const RESOURCES = path.resolve(import.meta.dirname, '../../../resources');
const ALL: PasswordOptions = { length: 20, lower: true, upper: true, digits: true, symbols: true, excludeLookAlikes: false };
const PHRASE: PassphraseOptions = { words: 6, separator: '-', capitalise: false, includeDigit: false };

/**
 * Chi-square critical values at p = 1e-9 (scipy.stats.chi2.isf(1e-9, df)): a correct generator fails one
 * of these tests once in a billion runs. Samples are fixed at ≥ 200,000 draws. With 200k characters, the
 * class test catches a character class over- or under-drawn by about 5% or more, and modulo bias (the
 * classic mistake) overshoots the per-character threshold more than tenfold (see the power test).
 */
const CHI2_P1E9 = { df3: 44.84, df88: 192.13, df7775: 8546.39 } as const;

function chiSquare(counts: Map<string, number>, categories: string[], expectedShare: (c: string) => number, total: number): number {
  return categories.reduce((sum, c) => {
    const expected = expectedShare(c) * total;
    return sum + ((counts.get(c) ?? 0) - expected) ** 2 / expected;
  }, 0);
}

function countChars(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

/** Strings of `length` over the union of `sizes` that contain every set whose bit is in `required` (inclusion–exclusion). */
function countContaining(sizes: number[], length: number, required: number): bigint {
  const total = sizes.reduce((a, b) => a + b, 0);
  let count = 0n;
  for (let mask = 0; mask < 1 << sizes.length; mask++) {
    if ((mask & required) !== mask) continue;
    const missing = sizes.reduce((sum, size, i) => (mask & (1 << i) ? sum + size : sum), 0);
    const sign = sizes.filter((_, i) => mask & (1 << i)).length % 2 === 0 ? 1n : -1n;
    count += sign * BigInt(total - missing) ** BigInt(length);
  }
  return count;
}

const expectInvalid = (fn: () => unknown) => expect(fn).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }) as Error);

describe('generator', () => {
  describe('generatePassword', () => {
    // 1,600 passwords × 128 characters = 204,800 characters. At length 128 the "every set present" redraw
    // is practically never needed (p < 1e-6), so characters should be uniform over the 89-character union.
    const SAMPLE = Array.from({ length: 1_600 }, () => generatePassword({ ...ALL, length: 128 }));
    const alphabet = [...Object.values(CHARACTER_SETS).join('')];
    const total = SAMPLE.length * 128;
    const counts = countChars(SAMPLE);

    it('draws every character equally often (chi-square, 88 df, p = 1e-9)', () => {
      expect(alphabet).toHaveLength(89);
      expect([...counts.keys()].every((c) => alphabet.includes(c))).toBe(true);
      const statistic = chiSquare(counts, alphabet, () => 1 / alphabet.length, total);
      expect(statistic).toBeLessThan(CHI2_P1E9.df88);
    });

    it('draws character classes in proportion to their size (chi-square, 3 df, p = 1e-9)', () => {
      const classCounts = new Map<string, number>();
      for (const [name, set] of Object.entries(CHARACTER_SETS)) {
        classCounts.set(
          name,
          [...set].reduce((sum, c) => sum + (counts.get(c) ?? 0), 0),
        );
      }
      const statistic = chiSquare(classCounts, Object.keys(CHARACTER_SETS), (name) => CHARACTER_SETS[name as keyof typeof CHARACTER_SETS].length / 89, total);
      expect(statistic).toBeLessThan(CHI2_P1E9.df3);
    });

    it('draws characters with exactly the probabilities of uniform valid passwords at length 8 (chi-square, 88 df)', () => {
      // 25,000 × 8 = 200,000 characters. Here "every set present" matters: a uniformly chosen valid password
      // has a given digit at a given position with probability N(7 chars, all sets but digits) / N(8 chars,
      // all sets), 1.56/89 rather than 1/89, so the expected shares are computed exactly, not assumed uniform.
      const sets = Object.values(CHARACTER_SETS);
      const sizes = sets.map((set) => set.length);
      const all = (1 << sizes.length) - 1;
      const valid = countContaining(sizes, 8, all);
      const share = (c: string) => {
        const i = sets.findIndex((set) => set.includes(c));
        return Number((countContaining(sizes, 7, all & ~(1 << i)) * 10n ** 12n) / valid) / 1e12;
      };
      expect(alphabet.reduce((sum, c) => sum + share(c), 0)).toBeCloseTo(1, 9);
      const short = countChars(Array.from({ length: 25_000 }, () => generatePassword({ ...ALL, length: 8 })));
      expect(chiSquare(short, alphabet, share, 200_000)).toBeLessThan(CHI2_P1E9.df88);
    });

    it('uses a test that catches modulo bias of the same sample size', () => {
      // byte % 89 over-weights the first 78 characters (3/256 vs 2/256): the statistic must blow the threshold.
      const biased = new Map<string, number>();
      for (const byte of randomBytes(total)) {
        const c = alphabet[byte % alphabet.length] ?? '';
        biased.set(c, (biased.get(c) ?? 0) + 1);
      }
      expect(chiSquare(biased, alphabet, () => 1 / alphabet.length, total)).toBeGreaterThan(CHI2_P1E9.df88 * 10);
    });

    it('has the requested length', () => {
      for (const length of [4, 5, 17, 128]) expect(generatePassword({ ...ALL, length })).toHaveLength(length);
    });

    it('includes at least one character of every chosen set, even at the minimum length', () => {
      for (let i = 0; i < 2_000; i++) {
        const password = generatePassword({ ...ALL, length: 4, excludeLookAlikes: i % 2 === 0 });
        for (const set of Object.values(CHARACTER_SETS)) expect([...password].some((c) => set.includes(c))).toBe(true);
      }
    });

    it('uses only the chosen sets', () => {
      const none = { lower: false, upper: false, digits: false, symbols: false };
      expect(generatePassword({ ...ALL, ...none, digits: true, length: 128 })).toMatch(/^[0-9]{128}$/);
      expect(generatePassword({ ...ALL, ...none, lower: true, length: 128 })).toMatch(/^[a-z]{128}$/);
      const mixed = Array.from({ length: 200 }, () => generatePassword({ ...ALL, ...none, upper: true, symbols: true })).join('');
      expect([...mixed].every((c) => CHARACTER_SETS.upper.includes(c) || CHARACTER_SETS.symbols.includes(c))).toBe(true);
      expect(mixed).toMatch(/[A-Z]/);
      expect(mixed).toMatch(/[!#$%&()*+,\-./:;<=>?@[\]^_{}~]/);
    });

    it('excludes look-alike characters when asked, and only then', () => {
      const excluded = Array.from({ length: 500 }, () => generatePassword({ ...ALL, length: 128, excludeLookAlikes: true })).join('');
      for (const c of LOOK_ALIKES) expect(excluded).not.toContain(c);
      for (const c of LOOK_ALIKES) expect(SAMPLE.join('')).toContain(c);
      expect(passwordCharacterSets({ ...ALL, excludeLookAlikes: true }).join('')).toHaveLength(89 - LOOK_ALIKES.length);
    });

    it.each([
      ['a length below 4', { ...ALL, length: 3 }],
      ['a length above 128', { ...ALL, length: 129 }],
      ['a fractional length', { ...ALL, length: 10.5 }],
      ['no character set', { ...ALL, lower: false, upper: false, digits: false, symbols: false }],
    ])('rejects %s', (_why, options) => {
      expectInvalid(() => generatePassword(options));
    });
  });

  describe('passwordEntropyBits', () => {
    it('is length × log2(set size) for a single set', () => {
      expect(passwordEntropyBits({ ...ALL, upper: false, digits: false, symbols: false, length: 10 })).toBeCloseTo(10 * Math.log2(26), 10);
    });

    it('counts only passwords that contain every chosen set', () => {
      const options = { ...ALL, upper: false, symbols: false, length: 4 };
      expect(passwordEntropyBits(options)).toBeCloseTo(Math.log2(36 ** 4 - 26 ** 4 - 10 ** 4), 10);
    });

    it('shrinks when look-alikes are excluded and stays finite at 128 characters', () => {
      const full = passwordEntropyBits({ ...ALL, length: 128 });
      expect(full).toBeCloseTo(128 * Math.log2(89), 3);
      expect(passwordEntropyBits({ ...ALL, length: 128, excludeLookAlikes: true })).toBeLessThan(full);
    });
  });

  describe('generatePassphrase', () => {
    const words = loadWordList(RESOURCES);

    it('draws every word of the list equally often (chi-square, 7775 df, p = 1e-9)', () => {
      // 40,000 six-word passphrases = 240,000 words, about 31 per word.
      const counts = new Map<string, number>();
      for (let i = 0; i < 40_000; i++) {
        for (const word of generatePassphrase({ ...PHRASE, separator: ' ' }, words).split(' ')) counts.set(word, (counts.get(word) ?? 0) + 1);
      }
      expect(chiSquare(counts, [...words], () => 1 / words.length, 240_000)).toBeLessThan(CHI2_P1E9.df7775);
    });

    it('joins the requested number of list words with the separator', () => {
      const phrase = generatePassphrase({ ...PHRASE, words: 8, separator: ' / ' }, words);
      const parts = phrase.split(' / ');
      expect(parts).toHaveLength(8);
      expect(parts.every((w) => words.includes(w))).toBe(true);
      expect(generatePassphrase({ ...PHRASE, words: 3, separator: '' }, ['ab', 'ab'])).toBe('ababab');
    });

    it('capitalises every word when asked', () => {
      const parts = generatePassphrase({ ...PHRASE, capitalise: true, words: 20, separator: ' ' }, words).split(' ');
      expect(parts.every((w) => /^[A-Z]/.test(w) && words.includes(w.charAt(0).toLowerCase() + w.slice(1)))).toBe(true);
    });

    it('appends exactly one digit to one word when asked', () => {
      for (let i = 0; i < 200; i++) {
        const phrase = generatePassphrase({ ...PHRASE, includeDigit: true, separator: ' ' }, words);
        expect(phrase.replace(/[^0-9]/g, '')).toHaveLength(1);
        expect(phrase.split(' ').filter((w) => /[0-9]$/.test(w))).toHaveLength(1);
      }
    });

    it.each([
      ['2 words', { ...PHRASE, words: 2 }],
      ['21 words', { ...PHRASE, words: 21 }],
      ['a 6-character separator', { ...PHRASE, separator: '------' }],
    ])('rejects %s', (_why, options) => {
      expectInvalid(() => generatePassphrase(options, words));
    });

    it('rejects an empty word list', () => {
      expectInvalid(() => generatePassphrase(PHRASE, []));
    });
  });

  describe('passphraseEntropyBits', () => {
    it('is about 12.9 bits per EFF word, plus the digit and its position', () => {
      expect(passphraseEntropyBits(PHRASE, 7776)).toBeCloseTo(6 * Math.log2(7776), 10);
      expect(passphraseEntropyBits(PHRASE, 7776)).toBeCloseTo(77.55, 2);
      expect(passphraseEntropyBits({ ...PHRASE, includeDigit: true }, 7776)).toBeCloseTo(6 * Math.log2(7776) + Math.log2(60), 10);
      expect(passphraseEntropyBits({ ...PHRASE, capitalise: true }, 7776)).toBe(passphraseEntropyBits(PHRASE, 7776));
    });
  });

  describe('loadWordList', () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'hearth-wordlist-'));
    afterAll(() => rmSync(temp, { recursive: true, force: true }));

    it('loads the bundled EFF large list unchanged', () => {
      const file = readFileSync(path.join(RESOURCES, WORD_LIST_FILE));
      expect(createHash('sha256').update(file).digest('hex')).toBe('addd35536511597a02fa0a9ff1e5284677b8883b83e986e43f15a3db996b903e');
      const words = loadWordList(RESOURCES);
      expect(words).toHaveLength(7776);
      expect([words[0], words[7775]]).toEqual(['abacus', 'zoom']);
      expect(Object.isFrozen(words)).toBe(true);
    });

    it('reads the file once and then serves it from memory', () => {
      expect(loadWordList(RESOURCES)).toBe(loadWordList(RESOURCES));
    });

    it('refuses a damaged or missing list as CORRUPT', () => {
      mkdirSync(path.join(temp, 'wordlists'));
      writeFileSync(path.join(temp, WORD_LIST_FILE), '11111\tabacus\n11112\tabacus\n');
      expect(() => loadWordList(temp)).toThrow(expect.objectContaining({ code: 'CORRUPT' }) as Error);
      expect(() => loadWordList(path.join(temp, 'nowhere'))).toThrow(AppError);
    });
  });
});
