import { createRequire } from 'node:module';
import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import type * as ZxcvbnEnglish from '@zxcvbn-ts/language-en';
import { enablePrefixPruning } from './zxcvbn-prefix';

/** zxcvbn's verdict: 0–4, and log10 of the guesses it estimates. Used by the vault and the master password policy. */
export interface PasswordStrength {
  score: 0 | 1 | 2 | 3 | 4;
  guessesLog10: number;
}

/**
 * zxcvbn cost controls, measured on random 20-character passwords (Node 20, one core): library defaults
 * ~150 ms each, with Levenshtein matching 600–1000 ms, with these settings ~45 ms. A vault report checks
 * every distinct password, so this decides whether it takes seconds or minutes.
 * - Levenshtein matching is off: it compares the whole password with every dictionary word.
 * - l33t substitutions are capped at 20 combinations (default 100): on 300 sample passwords this changed
 *   2 scores.
 * - Only the first 48 characters are scored. Truncation can only lower a score, never raise it.
 * - Dictionary lookups stop at the first substring no word starts with (zxcvbn-prefix.ts): same
 *   scores, about 3–10× faster on random passwords.
 */
const ZXCVBN_MAX_LENGTH = 48;
const ZXCVBN_L33T_MAX_SUBSTITUTIONS = 20;

let zxcvbn: ZxcvbnCore.ZxcvbnFactory | undefined;
/** Off only to compare with the library's own dictionary matcher (password-strength.test.ts). */
let usePrefixPruning = true;

/** Test hook: the next `passwordStrength` calls use a fresh factory with (true) or without (false) pruning. */
export function setPrefixPruningForTests(on: boolean): void {
  usePrefixPruning = on;
  zxcvbn = undefined;
}

/**
 * Loaded and built on first use, not at import: the language packs decompress their dictionaries when
 * loaded (about 250 ms of CPU), and this module is imported by the profile service, so every app start
 * and every CLI command (`hearth profile list`) paid for it. Synchronous `require`, so
 * `passwordStrength` stays synchronous for its callers.
 */
function getZxcvbn(): ZxcvbnCore.ZxcvbnFactory {
  if (zxcvbn) return zxcvbn;
  const load = createRequire(__filename);
  const { ZxcvbnFactory } = load('@zxcvbn-ts/core') as typeof ZxcvbnCore;
  const { adjacencyGraphs, dictionary: commonDictionary } = load('@zxcvbn-ts/language-common') as typeof ZxcvbnCommon;
  const { dictionary: englishDictionary, translations } = load('@zxcvbn-ts/language-en') as typeof ZxcvbnEnglish;
  zxcvbn = new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    translations,
    useLevenshteinDistance: false,
    l33tMaxSubstitutions: ZXCVBN_L33T_MAX_SUBSTITUTIONS,
    maxLength: ZXCVBN_MAX_LENGTH,
  });
  if (usePrefixPruning) enablePrefixPruning(zxcvbn);
  return zxcvbn;
}

/**
 * zxcvbn's strength estimate (common + English dictionaries, keyboard graphs; settings above). Synchronous
 * and CPU-bound (~10–60 ms per password): callers checking many passwords should not run on the UI path.
 */
export function passwordStrength(password: string): PasswordStrength {
  const result = getZxcvbn().check(password);
  return { score: result.score, guessesLog10: result.guessesLog10 };
}
