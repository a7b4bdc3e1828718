import { createRequire } from 'node:module';

/**
 * A faster dictionary matcher for @zxcvbn-ts/core 4.x, with the same matches. zxcvbn looks up every
 * substring of the password (up to the longest dictionary word) in every dictionary, and its l33t
 * matcher repeats that for up to 20 substituted variants: about 70% of the ~15 ms a random password
 * costs. Here the substrings starting at one position stop growing as soon as no dictionary word
 * starts with them (binary search in the sorted word list), so a random password costs a few
 * lookups per position. Scores and guesses are unchanged (password-strength.test.ts compares both with
 * the library's own matcher); Levenshtein matching, which needs every lookup, keeps the library's code.
 *
 * The library has no hook for this: `enablePrefixPruning` replaces the dictionary matcher's `match` on
 * its prototype (shared by the l33t and reversed matchers), for the factories passed to it only.
 */

interface DictionaryMatch {
  pattern: 'dictionary';
  i: number;
  j: number;
  token: string;
  matchedWord: string;
  rank: number;
  dictionaryName: string;
  reversed: false;
  l33t: false;
}

type Ranked = Record<string, Record<string, number>>;

interface MatchDictionaryThis {
  options: { rankedDictionaries: Ranked; useLevenshteinDistance?: boolean };
  getRangedDictionaries(userInputs: unknown): { rankedDictionaries: Ranked; rankedDictionariesMaxWordSize: Record<string, number> };
}

interface MatchArgs {
  password: string;
  userInputsOptions?: unknown;
  useLevenshtein?: boolean;
}

type MatchFn = (this: MatchDictionaryThis, args: MatchArgs) => DictionaryMatch[];

/** The version whose matcher this mirrors; any other version keeps the library's matcher. */
const SUPPORTED = /^4\./;
const opted = new WeakSet<object>();
const sortedWords = new WeakMap<object, string[]>();
let installed = false;

/** Every word of these dictionaries, sorted (UTF-16 order), for prefix tests. Built once per options object. */
function wordsOf(dicts: Ranked): string[] {
  let words = sortedWords.get(dicts);
  if (!words) {
    words = [...new Set(Object.values(dicts).flatMap((d) => Object.keys(d)))].sort();
    sortedWords.set(dicts, words);
  }
  return words;
}

/** Whether the pruned matcher is installed (false: this @zxcvbn-ts/core version is not one it mirrors). */
export const prefixPruningInstalled = (): boolean => installed;

/** True when some word in `words` (sorted) starts with `prefix`. */
export function hasPrefix(words: readonly string[], prefix: string): boolean {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo < words.length && words[lo]!.startsWith(prefix);
}

/** The library's loop (dictionary/matching.cjs), with the prefix test added; same matches, same order. */
function prunedMatch(this: MatchDictionaryThis, original: MatchFn, args: MatchArgs): DictionaryMatch[] {
  if (this.options.useLevenshteinDistance) return original.call(this, args);
  const { password, userInputsOptions } = args;
  const { rankedDictionaries, rankedDictionariesMaxWordSize } = this.getRangedDictionaries(userInputsOptions);
  const base = wordsOf(this.options.rankedDictionaries);
  // User inputs (a per-call dictionary) are few: test them directly.
  const extra = Object.keys(rankedDictionaries)
    .filter((name) => !(name in this.options.rankedDictionaries))
    .flatMap((name) => Object.keys(rankedDictionaries[name]!));
  const names = Object.keys(rankedDictionaries);
  const maxWidth = Math.max(0, ...Object.values(rankedDictionariesMaxWordSize));
  const lower = password.toLowerCase();
  const matches: DictionaryMatch[] = [];
  for (let i = 0; i < password.length; i++) {
    for (let j = i; j < password.length; j++) {
      const isFull = i === 0 && j === password.length - 1;
      if (j - i + 1 > maxWidth && !isFull) break;
      const word = lower.slice(i, j + 1);
      if (!hasPrefix(base, word) && !extra.some((w) => w.startsWith(word))) break;
      for (const name of names) {
        if (j - i + 1 > rankedDictionariesMaxWordSize[name]! && !isFull) continue;
        const rank = rankedDictionaries[name]![word];
        if (rank !== undefined) {
          matches.push({
            pattern: 'dictionary',
            i,
            j,
            token: password.slice(i, j + 1),
            matchedWord: word,
            rank,
            dictionaryName: name,
            reversed: false,
            l33t: false,
          });
        }
      }
    }
  }
  return matches;
}

/**
 * Makes this factory's dictionary matching (plain, l33t and reversed) prune by prefix. Returns false,
 * changing nothing, when the installed @zxcvbn-ts/core is not a version this mirrors.
 */
export function enablePrefixPruning(factory: object): boolean {
  // `options` is private in the typings; it is what every matcher of the factory holds as `this.options`.
  const options: unknown = Reflect.get(factory, 'options');
  if (typeof options !== 'object' || options === null) return false;
  const load = createRequire(__filename);
  const version = (load('@zxcvbn-ts/core/package.json') as { version: string }).version;
  if (!SUPPORTED.test(version)) return false;
  if (!installed) {
    const proto = (load('@zxcvbn-ts/core/dist/matcher/dictionary/matching.cjs') as { prototype: { match: MatchFn } }).prototype;
    const original = proto.match;
    proto.match = function (this: MatchDictionaryThis, args: MatchArgs) {
      return opted.has(this.options) ? prunedMatch.call(this, original, args) : original.call(this, args);
    };
    installed = true;
  }
  opted.add(options);
  return true;
}
