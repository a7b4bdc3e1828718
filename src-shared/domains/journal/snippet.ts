import { foldWord, queryTerms, type QueryTerm } from './fts-query';

/** Match markers in a snippet: never HTML; the renderer turns them into <mark> text nodes. */
export const MARK_OPEN = String.fromCharCode(2);
export const MARK_CLOSE = String.fromCharCode(3);

interface Token {
  start: number;
  end: number;
  folded: string;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, folded: foldWord(m[0]) }));
}

/** Indexes of the tokens the terms match, with the same rules as the FTS query (prefix words, exact phrases). */
function matches(toks: Token[], terms: QueryTerm[]): Set<number> {
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
  return hit;
}

/**
 * A window of about `size` words around the first match in the first text that has one (body, then title,
 * then tags), matches wrapped in markers, '…' where it was cut. What FTS5's snippet() gives, computed here
 * for the few rows shown: re-running the MATCH per row costs a full doclist merge each time for prefix terms.
 */
export function snippetOf(texts: readonly string[], query: string, size = 14): string {
  const terms = queryTerms(query);
  for (const text of texts) {
    const toks = tokens(text.slice(0, 200_000));
    const hit = matches(toks, terms);
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
