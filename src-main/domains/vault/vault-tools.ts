import type { z } from 'zod';
import type { GenerateInput } from '../../../src-shared/domains/vault/vault.schemas';
import { generatePassphrase, generatePassword, loadWordList, passphraseEntropyBits, passwordEntropyBits } from './generator';
import { assessHealth, loadTwoFactorSites, passwordStrength } from './health';
import type { VaultItems } from './vault.service';

/** Generator, strength meter and health report: computed in main, over decrypted secrets that never leave it. */
export function createVaultTools(items: VaultItems, resourcesDir: string, now: () => number = Date.now) {
  let words: readonly string[] | null = null;
  let sites: ReadonlySet<string> | null = null;

  return {
    generate(input: z.output<typeof GenerateInput>) {
      if (input.kind === 'password') {
        const opts = { length: input.length, lower: input.lower, upper: input.upper, digits: input.digits, symbols: input.symbols, excludeLookAlikes: input.avoidAmbiguous };
        const value = generatePassword(opts);
        return { value, entropyBits: passwordEntropyBits(opts), score: passwordStrength(value).score };
      }
      words ??= loadWordList(resourcesDir);
      const opts = { words: input.words, separator: input.separator, capitalise: input.capitalize, includeDigit: input.includeDigit };
      const value = generatePassphrase(opts, words);
      return { value, entropyBits: passphraseEntropyBits(opts, words.length), score: passwordStrength(value).score };
    },

    strength: ({ password }: { password: string }) => passwordStrength(password),

    /** Reused, weak, old and missing-TOTP findings, reported as item ids, titles and reasons only. */
    async health() {
      sites ??= loadTwoFactorSites(resourcesDir);
      const inputs = [];
      const titles = new Map<string, string>();
      for await (const { row, item } of items.allPlain()) {
        if (!item.login) continue;
        titles.set(row.id, row.title);
        inputs.push({
          id: row.id,
          password: item.login.password || undefined,
          passwordChangedAt: row.password_changed_at ?? undefined,
          urls: item.login.urls.map((u) => u.url),
          hasTotp: item.login.totp !== '',
        });
      }
      const findings = assessHealth(inputs, new Date(now()), { twoFactorSites: sites });
      return { checked: inputs.length, findings: findings.map((f) => ({ itemId: f.itemId, title: titles.get(f.itemId) ?? '', reasons: f.reasons })) };
    },
  };
}
