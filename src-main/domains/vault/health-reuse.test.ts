import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingsOf, isTwoFactorSite, type HealthOptions, type ScoredHealthInput } from './health';

/**
 * Reuse by equal keyed digests (one pass with a count per digest) against the obvious quadratic
 * definition: an item reuses its password when another item has the same one. Also the per-report URL
 * memo: no-TOTP findings equal a direct isTwoFactorSite test of every URL.
 */
const NOW = new Date('2026-06-01T12:00:00.000Z');
const OPTS: HealthOptions = { twoFactorSites: new Set(['github.com', 'google.com']) };
const URLS = ['https://github.com/login', 'accounts.google.com', 'https://example.org', 'androidapp://com.x', '', 'http://mail.google.com/'];

const itemArb = fc.record({
  digest: fc.option(fc.constantFrom('d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'), { nil: null }),
  weak: fc.boolean(),
  urls: fc.array(fc.constantFrom(...URLS), { maxLength: 3 }),
  hasTotp: fc.boolean(),
});

describe('health findings over scored logins', () => {
  it('reuse equals the quadratic pairwise comparison, and no-TOTP equals a direct URL test', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 60 }), (raw) => {
        const items: ScoredHealthInput[] = raw.map((r, i) => ({ ...r, id: `i${i}`, passwordChangedAt: undefined }));
        const got = new Map(findingsOf(items, NOW, OPTS).map((f) => [f.itemId, f.reasons]));
        for (const [i, item] of items.entries()) {
          if (item.digest === null) {
            expect(got.has(item.id)).toBe(false);
            continue;
          }
          const reused = items.some((other, j) => j !== i && other.digest === item.digest);
          const noTotp = !item.hasTotp && item.urls.some((u) => isTwoFactorSite(u, OPTS.twoFactorSites));
          const want = [...(reused ? ['reused'] : []), ...(item.weak ? ['weak'] : []), ...(noTotp ? ['no-totp'] : [])];
          expect(got.get(item.id) ?? []).toEqual(want);
        }
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});
