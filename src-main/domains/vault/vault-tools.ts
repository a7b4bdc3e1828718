import type { z } from 'zod';
import type { GenerateInput } from '../../../src-shared/domains/vault/vault.schemas';
import { generatePassphrase, generatePassword, loadWordList, passphraseEntropyBits, passwordEntropyBits } from './generator';
import { passwordStrength } from './health';

/** Generator and strength meter (the health report is vault-health.ts). */
export function createVaultTools(resourcesDir: string) {
  let words: readonly string[] | null = null;

  return {
    generate(input: z.output<typeof GenerateInput>) {
      if (input.kind === 'password') {
        const opts = {
          length: input.length,
          lower: input.lower,
          upper: input.upper,
          digits: input.digits,
          symbols: input.symbols,
          excludeLookAlikes: input.avoidAmbiguous,
        };
        const value = generatePassword(opts);
        return { value, entropyBits: passwordEntropyBits(opts), score: passwordStrength(value).score };
      }
      words ??= loadWordList(resourcesDir);
      const opts = { words: input.words, separator: input.separator, capitalise: input.capitalize, includeDigit: input.includeDigit };
      const value = generatePassphrase(opts, words);
      return { value, entropyBits: passphraseEntropyBits(opts, words.length), score: passwordStrength(value).score };
    },

    strength: ({ password }: { password: string }) => passwordStrength(password),
  };
}
