import { describe, expect, it } from 'vitest';
import { loadEstimator, verdictFor } from './password-strength';
import { matchesLastGroup, recoveryKeyGroups } from './recovery-key';

describe('password policy', () => {
  it('refuses scores below 2, asks for confirmation at 2 and accepts 3 and 4', () => {
    expect([0, 1, 2, 3, 4].map((s) => verdictFor(s as 0 | 1 | 2 | 3 | 4))).toEqual([
      'too-weak',
      'too-weak',
      'weak-allowed',
      'strong',
      'strong',
    ]);
  });

  it('scores a common password low and a long passphrase high', async () => {
    const estimate = await loadEstimator();
    expect(estimate('password1', []).score).toBeLessThan(2);
    expect(estimate('ember-quiet-harbor-violet-74', []).score).toBeGreaterThanOrEqual(3);
  });

  it('uses the profile name as a user input', async () => {
    const estimate = await loadEstimator();
    expect(estimate('Hearthstone2026', ['hearthstone2026']).score).toBeLessThan(3);
  });
});

describe('recovery key helpers', () => {
  const key = '7K3M-Q9TX-ABCD-EFGH-JKMN-PQRS-TVWX-YZ01';

  it('splits a key into its eight groups', () => {
    expect(recoveryKeyGroups(key)).toHaveLength(8);
  });

  it('accepts the last group in any case and with Crockford look-alikes', () => {
    expect(matchesLastGroup(key, 'yz01')).toBe(true);
    expect(matchesLastGroup(key, 'YZOI')).toBe(true);
    expect(matchesLastGroup(key, 'TVWX')).toBe(false);
    expect(matchesLastGroup(key, '')).toBe(false);
  });
});
