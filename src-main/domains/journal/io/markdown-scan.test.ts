import { describe, expect, it } from 'vitest';
import { codeMask, inlineTags, wikilinks } from './markdown-scan';

/** The first codeMask, stepping through every character: what the backtick-to-backtick one must equal. */
function referenceMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let fence: { char: string; len: number } | null = null;
  let prevBlank = true;
  let prevIndented = false;
  let at = 0;
  for (const line of text.split('\n')) {
    const end = at + line.length;
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    let code = false;
    if (fence) {
      code = true;
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.len) fence = null;
    } else if (open?.[1] && !(open[1][0] === '`' && line.slice(open[0].length).includes('`'))) {
      fence = { char: open[1][0] ?? '`', len: open[1].length };
      code = true;
    } else if (/^( {4}|\t)/.test(line) && line.trim() !== '' && (prevBlank || prevIndented)) {
      code = true;
    }
    if (code) mask.fill(1, at, end);
    prevIndented = code && !fence && !open;
    prevBlank = line.trim() === '';
    at = end + 1;
  }
  const run = (i: number): number => {
    let n = 0;
    while (text[i + n] === '`') n++;
    return n;
  };
  const closing = (from: number, n: number): number => {
    for (let j = from; j < text.length; j++) {
      if (mask[j]) return -1;
      if (text[j] === '\n' && /^\n[ \t]*(\n|$)/.test(text.slice(j, j + 200))) return -1;
      if (text[j] !== '`') continue;
      const len = run(j);
      if (len === n) return j;
      j += len - 1;
    }
    return -1;
  };
  for (let i = 0; i < text.length;) {
    if (text[i] !== '`' || mask[i]) {
      i++;
      continue;
    }
    const n = run(i);
    const close = closing(i + n, n);
    if (close < 0) {
      i += n;
      continue;
    }
    mask.fill(1, i, close + n);
    i = close + n;
  }
  return mask;
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

const PIECES = ['`', '``', '```', '~~~', '\n', '\n\n', '    ', '\t', ' ', 'word', '#tag', '[[link]]', '![[pic.png]]', 'x`y', '\n```\n'];

describe('journal import: Markdown code detection', () => {
  it('masks exactly what the character-by-character version masked, on 5,000 generated notes', () => {
    const rand = seeded(3);
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: Math.floor(rand() * 40) }, () => PIECES[Math.floor(rand() * PIECES.length)]!).join('');
      expect({ text, mask: [...codeMask(text)].join('') }).toEqual({ text, mask: [...referenceMask(text)].join('') });
    }
  });

  it('reads tags and wikilinks outside code only, with or without a mask made beforehand', () => {
    const text = 'a #one `#two` b [[Note]]\n\n```\n#three [[Code]]\n```\n#four';
    expect(inlineTags(text)).toEqual(['one', 'four']);
    expect(inlineTags(text, codeMask(text))).toEqual(['one', 'four']);
    expect(wikilinks(text).map((w) => w.target)).toEqual(['Note']);
    expect(inlineTags('no tags here')).toEqual([]);
  });
});
