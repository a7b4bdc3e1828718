import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { passwordStrength, setPrefixPruningForTests, type PasswordStrength } from './password-strength';
import { hasPrefix, prefixPruningInstalled } from './zxcvbn-prefix';

/**
 * The prefix-pruned dictionary matcher (zxcvbn-prefix.ts) must not change a single verdict: every
 * password here is scored with it and with the library's own matcher, and score and guesses must match.
 */
const WORDS = ['password', 'dragon', 'monkey', 'sunshine', 'princess', 'football', 'iloveyou', 'welcome', 'shadow', 'master'];
const MORE = ['correct', 'horse', 'battery', 'staple', 'michael', 'jennifer', 'summer', 'london', 'qwerty', 'letmein', 'hearth'];
const L33T: Record<string, string[]> = { a: ['@', '4'], e: ['3'], i: ['1', '!'], o: ['0'], s: ['$', '5'], t: ['7'], l: ['1'] };
const FIXED = [
  'password',
  'P@ssw0rd',
  'Tr0ub4dor&3',
  'correct horse battery staple',
  'qwerty123',
  '19850612',
  'abcabcabc',
  'zxcvbnm,./',
  'drowssap',
  'j0hn.sm1th@gmail.com',
  'vT9#qL2!mZ8@wR4$',
  'a',
  '',
  'ééé Ünïcödé 密码',
  'x'.repeat(50),
  'iloveyou2024!',
  'M0nk3y$unsh1ne',
];

const leet = (word: string, picks: number[]): string =>
  [...word].map((ch, i) => (L33T[ch] && picks[i % picks.length]! % 3 !== 0 ? L33T[ch][picks[i % picks.length]! % L33T[ch].length]! : ch)).join('');

const wordish = fc
  .tuple(fc.constantFrom(...WORDS, ...MORE), fc.array(fc.nat(5), { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([w, picks, upper]) => (upper ? w[0]!.toUpperCase() + w.slice(1) : leet(w, picks)));
const passwordArb = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%^&*-_'), minLength: 8, maxLength: 28 }),
  fc
    .array(fc.oneof(wordish, fc.integer({ min: 0, max: 2100 }).map(String), fc.constantFrom('!', '.', '-', ' ', '123', 'qwe', 'asdf')), {
      minLength: 1,
      maxLength: 4,
    })
    .map((p) => p.join('')),
  fc.string({ maxLength: 20 }),
);

function scoreAll(passwords: readonly string[], pruned: boolean): PasswordStrength[] {
  setPrefixPruningForTests(pruned);
  return passwords.map((p) => passwordStrength(p));
  setPrefixPruningForTests(pruned);
  return passwords.map((p) => passwordStrength(p));
}

describe('password strength with prefix pruning', () => {
  afterAll(() => setPrefixPruningForTests(true));

  it('gives the same score and guesses as the library matcher (fixed and generated passwords)', () => {
    const generated = fc.sample(passwordArb, { numRuns: 70, seed: 1313 });
    const passwords = [...FIXED, ...generated];
    const library = scoreAll(passwords, false);
    const pruned = scoreAll(passwords, true);
    expect(prefixPruningInstalled()).toBe(true);
    // Assert the sample is not trivial: weak and strong verdicts both occur.
    expect(new Set(library.map((s) => s.score)).size).toBeGreaterThanOrEqual(3);
    for (const [i, password] of passwords.entries()) expect({ password, ...pruned[i] }).toEqual({ password, ...library[i] });
  });

  it('hasPrefix: binary search over sorted words', () => {
    const words = ['ab', 'abc', 'b', 'pass', 'password'].sort();
    expect(hasPrefix(words, 'pas')).toBe(true);
    expect(hasPrefix(words, 'password')).toBe(true);
    expect(hasPrefix(words, 'passwords')).toBe(false);
    expect(hasPrefix(words, 'c')).toBe(false);
    expect(hasPrefix(words, 'a')).toBe(true);
    expect(hasPrefix([], 'a')).toBe(false);
  });
});
