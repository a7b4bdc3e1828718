import { describe, expect, it } from 'vitest';
import { loadEstimator, verdictFor } from './password-strength';

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
