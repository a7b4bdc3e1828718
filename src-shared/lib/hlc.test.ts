import { describe, expect, it } from 'vitest';
import { formatHlc, nextHlc, parseHlc, receiveHlc } from './hlc';

const D = 'a1b2c3';

describe('hybrid logical clock', () => {
  it('formats and parses round trip, and sorts as text in time order', () => {
    const h = { ms: 1_733_000_000_000, counter: 0x2a, device: D };
    expect(parseHlc(formatHlc(h))).toEqual(h);
    expect(formatHlc({ ms: 999, counter: 0, device: D }) < formatHlc({ ms: 1000, counter: 0, device: D })).toBe(true);
    expect(parseHlc('nonsense')).toBeNull();
  });

  it('never runs backwards when the wall clock does', () => {
    let last = '';
    const seen: string[] = [];
    for (const now of [5000, 5000, 4000, 6000, 1, 6000]) {
      last = nextHlc(last, now, D);
      seen.push(last);
    }
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
    expect(parseHlc(seen[2]!)).toEqual({ ms: 5000, counter: 2, device: D });
  });

  it('borrows the next millisecond when the counter is exhausted', () => {
    const full = formatHlc({ ms: 10, counter: 0xffff, device: D });
    expect(parseHlc(nextHlc(full, 10, D))).toEqual({ ms: 11, counter: 0, device: D });
  });

  it('a received version moves the clock past it', () => {
    const remote = formatHlc({ ms: 9000, counter: 3, device: 'other' });
    const mine = receiveHlc(formatHlc({ ms: 100, counter: 0, device: D }), remote, 200, D);
    expect(mine > remote).toBe(true);
    expect(parseHlc(mine)).toEqual({ ms: 9000, counter: 4, device: D });
    expect(nextHlc(mine, 300, D) > mine).toBe(true);
  });
});
