import { describe, expect, it } from 'vitest';
import { compareNames, sortByName } from './collate';

describe('compareNames / sortByName', () => {
  it('ignores case: "apple" sits with "Apple", not after every capital', () => {
    expect(sortByName(['banana', 'Cherry', 'apple', 'Banana bread'], (s) => s)).toEqual(['apple', 'banana', 'Banana bread', 'Cherry']);
  });

  it('orders numbers by value', () => {
    expect(sortByName(['Item 10', 'Item 2', 'Item 1'], (s) => s)).toEqual(['Item 1', 'Item 2', 'Item 10']);
  });

  it('ignores accents for order, so é sorts with e', () => {
    expect(sortByName(['zebra', 'Éclair', 'eagle', 'Fig'], (s) => s)).toEqual(['eagle', 'Éclair', 'Fig', 'zebra']);
    expect(compareNames('résumé', 'RESUME')).toBe(0);
  });

  it('keeps the given order for ties and does not modify its input', () => {
    const input = [
      { n: 'b', i: 1 },
      { n: 'A', i: 2 },
      { n: 'a', i: 3 },
    ];
    expect(sortByName(input, (x) => x.n).map((x) => x.i)).toEqual([2, 3, 1]);
    expect(input.map((x) => x.i)).toEqual([1, 2, 3]);
  });
});
