import { describe, expect, it } from 'vitest';
import { foldWord, queryTerms } from '../../lib/fts-query';
import { MARK_CLOSE, MARK_OPEN, snippetOf } from './snippet';

/** The first, straightforward snippetOf (fold every word, match everywhere, then cut): what the fast one must equal. */
function reference(texts: readonly string[], query: string, size = 14): string {
  const tokens = (text: string) =>
    [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, folded: foldWord(m[0]) }));
  const terms = queryTerms(query);
  for (const text of texts) {
    const toks = tokens(text.slice(0, 200_000));
    const hit = new Set<number>();
    for (const term of terms) {
      const words = term.words.map(foldWord);
      for (let i = 0; i < toks.length; i++) {
        if (!term.phrase) {
          if (toks[i]!.folded.startsWith(words[0]!)) hit.add(i);
        } else if (words.every((w, k) => toks[i + k]?.folded === w)) {
          for (let k = 0; k < words.length; k++) hit.add(i + k);
        }
      }
    }
    if (hit.size === 0) continue;
    const first = Math.min(...hit);
    const from = Math.max(0, first - Math.floor(size / 3));
    const to = Math.min(toks.length, from + size);
    let out = from > 0 ? '…' : '';
    let pos = toks[from]!.start;
    for (let i = from; i < to; i++) {
      const t = toks[i]!;
      out += text.slice(pos, t.start);
      out += hit.has(i) ? `${MARK_OPEN}${text.slice(t.start, t.end)}${MARK_CLOSE}` : text.slice(t.start, t.end);
      pos = t.end;
    }
    return (out + (to < toks.length ? '…' : '')).replace(/\s+/g, ' ').trim();
  }
  const first = texts.find((t) => t.trim() !== '') ?? '';
  const toks = tokens(first).slice(0, size);
  return toks.length ? first.slice(toks[0]!.start, toks[toks.length - 1]!.end).replace(/\s+/g, ' ') : '';
}

function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['river', 'River', 'riverside', 'café', 'CAFÉ', 'cafe', 'crêpe', 'walk', 'walked', 'the', 'a', 'Ärger', 'naïve', '東京', 'x2', '42'];
const GLUE = [' ', ' ', ' ', '  ', '\n', '\n\n', ', ', '. ', '—', '-', '**', '"', '\t', ' (', ') '];

describe('journal search snippets', () => {
  it('gives exactly what the straightforward version gave, on 3,000 generated texts and queries', () => {
    const rand = seeded(5);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const text = (max: number) => Array.from({ length: Math.floor(rand() * max) }, () => pick(WORDS) + pick(GLUE)).join('');
    for (let i = 0; i < 3000; i++) {
      const texts = [text(rand() < 0.2 ? 400 : 60), text(6), text(3)];
      const words = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
        const w = pick(WORDS);
        return rand() < 0.3 ? w.slice(0, 1 + Math.floor(rand() * w.length)) : w;
      });
      const query = rand() < 0.3 ? `"${words.join(' ')}"` : words.join(' ');
      const size = rand() < 0.8 ? 14 : Math.floor(rand() * 20);
      expect({ texts, query, size, snippet: snippetOf(texts, query, size) }).toEqual({ texts, query, size, snippet: reference(texts, query, size) });
    }
  });

  it('marks prefix and phrase matches around the first one, and cuts with an ellipsis', () => {
    const body = `${'filler '.repeat(30)}we walked by the River at dawn, then the riverside café ${'more '.repeat(30)}`;
    expect(snippetOf([body], 'riv')).toBe(
      `…we walked by the ${MARK_OPEN}River${MARK_CLOSE} at dawn, then the ${MARK_OPEN}riverside${MARK_CLOSE} café more more more…`,
    );
    expect(snippetOf([body, 'Title'], '"the riverside" cafe')).toContain(
      `${MARK_OPEN}the${MARK_CLOSE} ${MARK_OPEN}riverside${MARK_CLOSE} ${MARK_OPEN}café${MARK_CLOSE}`,
    );
    expect(snippetOf(['no match here', 'Title'], 'zebra')).toBe('no match here');
  });
});
