import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../src-shared/ipc/result';

/**
 * Password and passphrase generators. Randomness is node:crypto `randomInt`, which rejection-samples
 * and so has no modulo bias. Both generators are functions of their options (and the word list) only;
 * loading the list from `resources/` is separate (`loadWordList`).
 */

export const PASSWORD_MIN_LENGTH = 4;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSPHRASE_MIN_WORDS = 3;
export const PASSPHRASE_MAX_WORDS = 20;
export const PASSPHRASE_MAX_SEPARATOR = 5;

/**
 * The character sets. Symbols are printable ASCII punctuation minus quotes, backslash, backtick and `|`,
 * which break shell, CSV and form fields or look like `l`.
 */
export const CHARACTER_SETS = {
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
  symbols: '!#$%&()*+,-./:;<=>?@[]^_{}~',
} as const;

/** Characters dropped by `excludeLookAlikes`: capital i, lower-case L, one, capital o, zero, lower-case o. */
export const LOOK_ALIKES = 'Il1O0o';

export type CharacterSetName = keyof typeof CHARACTER_SETS;

export interface PasswordOptions {
  /** 4–128 characters. */
  length: number;
  lower: boolean;
  upper: boolean;
  digits: boolean;
  symbols: boolean;
  excludeLookAlikes: boolean;
}

export interface PassphraseOptions {
  /** 3–20 words. */
  words: number;
  /** Between words; 0–5 characters. */
  separator: string;
  /** Upper-case the first letter of every word. */
  capitalise: boolean;
  /** Append one random digit to one randomly chosen word. */
  includeDigit: boolean;
}

const invalid = (message: string): AppError => new AppError('INVALID_INPUT', message);

/** The chosen character sets after look-alike removal, in `CHARACTER_SETS` order. Validates the options. */
export function passwordCharacterSets(options: PasswordOptions): string[] {
  const { length } = options;
  if (!Number.isInteger(length) || length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    throw invalid(`Password length must be a whole number from ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH}.`);
  }
  const names = (Object.keys(CHARACTER_SETS) as CharacterSetName[]).filter((name) => options[name]);
  if (names.length === 0) throw invalid('Choose at least one character set.');
  return names.map((name) => {
    const chars = CHARACTER_SETS[name];
    return options.excludeLookAlikes ? [...chars].filter((c) => !LOOK_ALIKES.includes(c)).join('') : chars;
  });
}

/**
 * A random password with at least one character of every chosen set. Drawn uniformly from the union of
 * the sets and redrawn whole when a set is missing (rejection sampling), so every valid password is
 * equally likely: forcing one character per set and shuffling would over-weight the smaller sets.
 * Throws `AppError('INVALID_INPUT')` for bad options.
 */
export function generatePassword(options: PasswordOptions): string {
  const sets = passwordCharacterSets(options);
  const alphabet = sets.join('');
  // Worst case (4 characters, 4 sets, look-alikes excluded) succeeds with p ≈ 0.06 per draw.
  for (let attempt = 0; attempt < 10_000; attempt++) {
    let password = '';
    for (let i = 0; i < options.length; i++) password += alphabet[randomInt(alphabet.length)];
    if (sets.every((set) => [...set].some((c) => password.includes(c)))) return password;
  }
  throw new AppError('INTERNAL', 'Could not generate a password with these options.');
}

/** log2 of a positive bigint, accurate to double precision. */
function log2BigInt(n: bigint): number {
  const bits = n.toString(2).length;
  if (bits <= 53) return Math.log2(Number(n));
  return bits - 53 + Math.log2(Number(n >> BigInt(bits - 53)));
}

/**
 * Entropy in bits of `generatePassword(options)`: log2 of the number of passwords it can return
 * (strings over the union with every set present, counted by inclusion–exclusion).
 */
export function passwordEntropyBits(options: PasswordOptions): number {
  const sizes = passwordCharacterSets(options).map((set) => set.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  let count = 0n;
  for (let mask = 0; mask < 1 << sizes.length; mask++) {
    let missing = 0;
    let parity = 1n;
    sizes.forEach((size, i) => {
      if (mask & (1 << i)) {
        missing += size;
        parity = -parity;
      }
    });
    count += parity * BigInt(total - missing) ** BigInt(options.length);
  }
  return log2BigInt(count);
}

function checkPassphraseOptions(options: PassphraseOptions, words: readonly string[]): void {
  if (!Number.isInteger(options.words) || options.words < PASSPHRASE_MIN_WORDS || options.words > PASSPHRASE_MAX_WORDS) {
    throw invalid(`A passphrase has ${PASSPHRASE_MIN_WORDS} to ${PASSPHRASE_MAX_WORDS} words.`);
  }
  if (options.separator.length > PASSPHRASE_MAX_SEPARATOR) throw invalid(`The separator is at most ${PASSPHRASE_MAX_SEPARATOR} characters.`);
  if (words.length < 2) throw invalid('The word list is empty.');
}

/**
 * A passphrase of `options.words` words drawn uniformly (with repetition) from `words`, joined by the
 * separator, optionally capitalised and with one digit appended to one word.
 * Throws `AppError('INVALID_INPUT')` for bad options.
 */
export function generatePassphrase(options: PassphraseOptions, words: readonly string[]): string {
  checkPassphraseOptions(options, words);
  const chosen = Array.from({ length: options.words }, () => {
    const word = words[randomInt(words.length)] ?? '';
    return options.capitalise ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  });
  if (options.includeDigit) {
    const index = randomInt(chosen.length);
    chosen[index] = `${chosen[index] ?? ''}${randomInt(10)}`;
  }
  return chosen.join(options.separator);
}

/**
 * Entropy in bits of `generatePassphrase(options, list)` for a list of `listSize` distinct words:
 * words × log2(listSize), plus log2(10 × words) for the digit. Capitalising all words adds nothing.
 */
export function passphraseEntropyBits(options: PassphraseOptions, listSize: number): number {
  const bits = options.words * Math.log2(listSize);
  return options.includeDigit ? bits + Math.log2(10 * options.words) : bits;
}

/** Where the EFF large word list lives under the resources directory. */
export const WORD_LIST_FILE = path.join('wordlists', 'eff_large_wordlist.txt');
const EFF_LARGE_SIZE = 7776;
const wordListCache = new Map<string, readonly string[]>();

/**
 * The EFF large word list (7776 words) from `<resourcesDir>/wordlists/eff_large_wordlist.txt`, read once
 * per path and cached. Lines are `11111<TAB>abacus` as EFF publishes them. Throws `AppError('CORRUPT')`
 * when the file is missing or does not hold 7776 distinct words.
 */
export function loadWordList(resourcesDir: string): readonly string[] {
  const file = path.resolve(resourcesDir, WORD_LIST_FILE);
  const cached = wordListCache.get(file);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AppError('CORRUPT', 'The bundled word list is missing; reinstall Hearth.');
  }
  const words = text
    .split(/\r?\n/)
    .map((line) => line.trim().split(/\s+/).pop() ?? '')
    .filter((word) => word !== '');
  if (words.length !== EFF_LARGE_SIZE || new Set(words).size !== EFF_LARGE_SIZE) {
    throw new AppError('CORRUPT', 'The bundled word list is damaged; reinstall Hearth.');
  }
  const frozen = Object.freeze(words);
  wordListCache.set(file, frozen);
  return frozen;
}
