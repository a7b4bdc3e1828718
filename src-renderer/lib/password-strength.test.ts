import { describe, expect, it } from 'vitest';
import { loadEstimator } from './password-strength';

describe('password policy', () => {
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
