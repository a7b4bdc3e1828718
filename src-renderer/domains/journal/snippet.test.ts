import { describe, expect, it } from 'vitest';
import { snippetParts } from './snippet';

describe('snippetParts', () => {
  it('splits matches marked with U+0002 … U+0003', () => {
    expect(snippetParts('a walk by the \u0002river\u0003 and the \u0002rivers\u0003 end')).toEqual([
      { text: 'a walk by the ', match: false },
      { text: 'river', match: true },
      { text: ' and the ', match: false },
      { text: 'rivers', match: true },
      { text: ' end', match: false },
    ]);
  });

  it('keeps HTML in a snippet as text (rendered through React text nodes)', () => {
    expect(snippetParts('<img src=x onerror=alert(1)> \u0002hit\u0003')).toEqual([
      { text: '<img src=x onerror=alert(1)> ', match: false },
      { text: 'hit', match: true },
    ]);
  });

  it('tolerates an unclosed or stray marker', () => {
    expect(snippetParts('\u0003a\u0002b')).toEqual([
      { text: 'a', match: false },
      { text: 'b', match: true },
    ]);
  });
});
