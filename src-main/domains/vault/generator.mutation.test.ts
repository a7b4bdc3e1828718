import { randomInt } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHARACTER_SETS, generatePassphrase, generatePassword, loadWordList } from './generator';

/**
 * A hand-made mutation sample (docs/architecture.md#mutation-testing) switched the generator to Math.random and no
 * test noticed: Math.random is uniform enough to pass every chi-square test in generator.test.ts. These tests
 * pin the source instead. node:crypto's randomInt is wrapped by a spy that calls the real function (the output
 * stays cryptographically random); Math.random is stuck at 0, so any draw from it shows up as a repeated value.
 */
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return { ...real, randomInt: vi.fn(real.randomInt) };
});

const spyRandomInt = vi.mocked(randomInt);
const RESOURCES = path.resolve(import.meta.dirname, '../../../resources');

afterEach(() => {
  vi.restoreAllMocks();
  spyRandomInt.mockClear();
});

describe('generator randomness source (mutation tests)', () => {
  it('draws every password character from node:crypto randomInt, never Math.random', () => {
    const mathRandom = vi.spyOn(Math, 'random').mockReturnValue(0);
    const options = { length: 24, lower: true, upper: true, digits: true, symbols: true, excludeLookAlikes: false };
    const passwords = Array.from({ length: 50 }, () => generatePassword(options));
    expect(new Set(passwords).size).toBe(50);
    expect(mathRandom).not.toHaveBeenCalled();
    // At least one randomInt call per character (more when a draw is rejected for a missing set).
    expect(spyRandomInt.mock.calls.length).toBeGreaterThanOrEqual(50 * 24);
    expect(spyRandomInt.mock.calls.every(([max]) => max === Object.values(CHARACTER_SETS).join('').length)).toBe(true);
  });

  it('draws every passphrase word and the digit from node:crypto randomInt, never Math.random', () => {
    const words = loadWordList(RESOURCES);
    const mathRandom = vi.spyOn(Math, 'random').mockReturnValue(0);
    const phrases = Array.from({ length: 50 }, () => generatePassphrase({ words: 5, separator: ' ', capitalise: false, includeDigit: true }, words));
    expect(new Set(phrases).size).toBe(50);
    expect(mathRandom).not.toHaveBeenCalled();
    // Five words, the digit's word and the digit itself.
    expect(spyRandomInt.mock.calls.length).toBe(50 * 7);
  });
});
