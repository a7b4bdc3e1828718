import { foldWord, queryTerms } from '../../lib/fts-query';

/** Match markers in a snippet: never HTML; the renderer turns them into <mark> text nodes. */
export const MARK_OPEN = String.fromCharCode(2);
export const MARK_CLOSE = String.fromCharCode(3);

interface Token {
  start: number;
  end: number;
  text: string;
  folded?: string;
}

/** Printable ASCII: a token (letters, digits, marks) matching this has no accents to drop. */
const ASCII = /^[ -~]*$/;

/**
 * The tokens of a text, read only as far as asked for: a match is usually in the first lines, and folding
 * every word of a long body for 50 hits was most of a search's time. Same tokens as the FTS5 tokenizer sees.
 */
class Tokens {
  readonly #re = /[\p{L}\p{N}\p{M}]+/gu;
  readonly #list: Token[] = [];
  #done = false;

  constructor(private readonly text: string) {}

  /** Token i, or undefined past the end. */
  at(i: number): Token | undefined {
    while (!this.#done && this.#list.length <= i) {
      const m = this.#re.exec(this.text);
      if (m) this.#list.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
      else this.#done = true;
    }
    return this.#list[i];
  }

  /** A word as FTS5 compares it; ASCII needs only lower case (no accents to drop), the common case by far. */
  folded(i: number): string | undefined {
    const t = this.at(i);
    if (t) t.folded ??= ASCII.test(t.text) ? t.text.toLowerCase() : foldWord(t.text);
    return t?.folded;
  }
}

/** How many tokens from `i` on a term matches (prefix words, exact phrases, like the FTS query), or 0. */
function matchAt(toks: Tokens, i: number, words: readonly string[], phrase: boolean): number {
  if (!phrase) return toks.folded(i)?.startsWith(words[0]!) ? 1 : 0;
  return words.every((w, k) => toks.folded(i + k) === w) ? words.length : 0;
}

/**
 * A window of about `size` words around the first match in the first text that has one (body, then title,
 * then tags), matches wrapped in markers, '…' where it was cut. What FTS5's snippet() gives, computed here
 * for the few rows shown: re-running the MATCH per row costs a full doclist merge each time for prefix terms.
 */
export function snippetOf(texts: readonly string[], query: string, size = 14): string {
  const terms = queryTerms(query).map((t) => ({ words: t.words.map(foldWord), phrase: t.phrase }));
  for (const text of texts) {
    const toks = new Tokens(text.slice(0, 200_000));
    const startsAt = (i: number): boolean => terms.some((t) => matchAt(toks, i, t.words, t.phrase) > 0);
    let first = 0;
    while (toks.at(first) && !startsAt(first)) first++;
    if (!toks.at(first)) continue;
    const from = Math.max(0, first - Math.floor(size / 3));
    let to = from;
    while (to < from + size && toks.at(to)) to++;
    // Marked: every token of a match that starts in the window (none starts before `first`).
    const hit = new Set<number>();
    for (let i = first; i < to; i++) {
      for (const t of terms) for (let k = 0, n = matchAt(toks, i, t.words, t.phrase); k < n; k++) hit.add(i + k);
    }
    let out = from > 0 ? '…' : '';
    let pos = toks.at(from)!.start;
    for (let i = from; i < to; i++) {
      const t = toks.at(i)!;
      out += text.slice(pos, t.start);
      out += hit.has(i) ? `${MARK_OPEN}${text.slice(t.start, t.end)}${MARK_CLOSE}` : text.slice(t.start, t.end);
      pos = t.end;
    }
    return (out + (toks.at(to) ? '…' : '')).replace(/\s+/g, ' ').trim();
  }
  // No match in any text: the first words of the first non-blank one.
  const first = texts.find((t) => t.trim() !== '') ?? '';
  const toks = new Tokens(first);
  let n = 0;
  while (n < size && toks.at(n)) n++;
  return n > 0 ? first.slice(toks.at(0)!.start, toks.at(n - 1)!.end).replace(/\s+/g, ' ') : '';
}
