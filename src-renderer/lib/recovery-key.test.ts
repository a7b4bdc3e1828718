import { describe, expect, it } from 'vitest';
import { matchesLastGroup, recoveryKeyGroups } from './recovery-key';

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
