import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { simpleFrontMatter, splitFrontMatter } from './front-matter';

/** mulberry32: the same lines on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ordinary words, and pieces chosen to hit YAML's edge cases: indicators, comments, special words, numbers, dates, odd text. */
const WORDS = ['walk', 'Café', 'день', '東京', 'x', 'river', 'été', 'Tea', 'a😀', 'b\u200dc', 'yes', 'no', 'on', 'nan', "O'Brien", 'C#', 'a:b'];
const RISKY = [
  ...['true', 'True', 'NULL', 'null', '~', '.inf', '.NaN', '0x1F', '0o17', '1e3', '12', '-3', '+4', '1.5', '1_000', '07'],
  ...['2024-05-01', '2024-05-01T10:00:00Z', '2024-05-01 10:00', '2024-05-01T10:00:00+02:00', '10:30'],
  ...[' ', ': ', ':', ' #', '#', ',', ', ', '[', ']', '{', '}', '"', "'", '-', '- ', '?', '? ', '!', '&', '*', '|', '>', '%', '@', '`'],
  ...['\\', '\t', '\r', '\u0085', '\u00a0', '\u2028', '\ufeff', '.', '...', '---', '=', '<<'],
];

function value(rand: () => number): string {
  const pick = (): string => (rand() < 0.7 ? WORDS : RISKY)[Math.floor(rand() * (rand() < 0.7 ? WORDS : RISKY).length)] ?? 'w';
  const parts = Array.from({ length: 1 + Math.floor(rand() * 4) }, pick);
  const text = parts.join(rand() < 0.3 ? '' : ' ');
  const r = rand();
  if (r < 0.3) return `[${[text, ...Array.from({ length: Math.floor(rand() * 3) }, pick)].join(rand() < 0.7 ? ', ' : ',')}]`;
  if (r < 0.35) return JSON.stringify(text);
  return text;
}

const KEYS = ['title', 'tags', 'created', 'date', 'completed?', 'source-url', '_x', 'true', 'null', 'y', '__proto__', 'constructor'];

describe('journal import: front matter fast path', () => {
  it('reads exactly what the YAML parser reads whenever it answers, on 20,000 generated blocks', () => {
    const rand = seeded(9);
    let answered = 0;
    for (let i = 0; i < 20_000; i++) {
      const lines = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => `${KEYS[Math.floor(rand() * KEYS.length)]}: ${value(rand)}`);
      const block = lines.join('\n');
      const fast = simpleFrontMatter(block);
      if (fast === null) continue;
      answered++;
      let slow: unknown;
      try {
        slow = parse(block, { schema: 'core', maxAliasCount: 100, prettyErrors: false });
      } catch {
        slow = 'a YAML error';
      }
      expect({ block, data: fast }).toEqual({ block, data: slow });
    }
    // The comparison must have had plenty to compare, or it proves nothing.
    expect(answered).toBeGreaterThan(3000);
  });

  it('answers for the shapes importers meet most: plain titles, ISO dates, flow tag lists, Hearth’s JSON values', () => {
    const block = ['title: A walk by the river, then tea', 'created: 2023-01-01T00:05:00.000Z', 'tags: [walk, river tea, été]', 'mood: 4', 'starred: true'];
    expect(simpleFrontMatter(block.join('\n'))).toEqual({
      title: 'A walk by the river, then tea',
      created: '2023-01-01T00:05:00.000Z',
      tags: ['walk', 'river tea', 'été'],
      mood: 4,
      starred: true,
    });
    expect(simpleFrontMatter('title: "Quoted: \\"yes\\""\ntags: ["a", "b"]')).toEqual({ title: 'Quoted: "yes"', tags: ['a', 'b'] });
  });

  it('leaves anything else to the YAML parser, with the same result as before', () => {
    for (const block of ['title: Trip: day 1', 'title: Notes #3', 'tags:\n  - a\n  - b', 'n: 12abc', 'title: a\ntitle: b', 'ok: True', 'x: [1a, b]']) {
      expect(simpleFrontMatter(block)).toBeNull();
    }
    expect(splitFrontMatter('---\ntags:\n  - a\n  - b\ntitle: Trip: day 1\n---\nbody')).toMatchObject({ data: {}, error: 'front matter is not valid YAML' });
    expect(splitFrontMatter('---\ntitle: Notes #3\ncount: 12\n---\n\nbody')).toEqual({ data: { title: 'Notes', count: 12 }, body: 'body', error: null });
  });
});
