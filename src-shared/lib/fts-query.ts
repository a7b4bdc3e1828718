/** One search term: a word matched as a prefix ("riv" finds "river"), or a quoted phrase matched word for word. */
export interface QueryTerm {
  words: string[];
  phrase: boolean;
}

/** The terms of what a person typed: quoted phrases stay phrases, every other word is a prefix term. */
export function queryTerms(input: string, maxTerms = 16): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const m of input.normalize('NFC').matchAll(/"([^"]*)"|(\S+)/g)) {
    if (m[1] !== undefined) {
      const words = wordsOf(m[1]);
      if (words.length > 0) terms.push({ words, phrase: true });
    } else {
      for (const w of wordsOf(m[2] ?? '')) terms.push({ words: [w], phrase: false });
    }
    if (terms.length >= maxTerms) break;
  }
  return terms.slice(0, maxTerms);
}

/**
 * Turns what a person types into a safe FTS5 MATCH expression: every word becomes a quoted prefix term
 * (`"walk"*`), so FTS5 syntax characters typed by the user (quotes, `*`, `:`, `-`, `NEAR`, `AND`) are
 * text, never operators, and "riv" finds "river". Words are ANDed. A quoted phrase stays a phrase.
 * Returns null when nothing searchable is left (only punctuation).
 */
export function toFtsQuery(input: string, maxTerms = 16): string | null {
  const terms = queryTerms(input, maxTerms).map((t) => (t.phrase ? `"${t.words.join(' ')}"` : `"${t.words[0]}"*`));
  return terms.length > 0 ? terms.join(' AND ') : null;
}

/** Letters and digits runs, as FTS5's unicode61 tokenizer splits them (quotes can never survive). */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/** A word as unicode61 with remove_diacritics compares it: accents dropped, case folded. */
export const foldWord = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * One FTS5 phrase from words of {@link wordsOf} (which can hold no quote): `"w1 w2"`, `"w"*` for a prefix, and
 * `col : "w"` when limited to a column (a name the caller chose, never typed by a person).
 */
export function ftsPhrase(words: readonly string[], opts: { prefix?: boolean; column?: string } = {}): string {
  const phrase = `"${words.join(' ')}"${opts.prefix ? '*' : ''}`;
  return opts.column ? `${opts.column} : ${phrase}` : phrase;
}

/**
 * A MATCH expression: every positive phrase required, any negative one excludes (`(a AND b) NOT (c OR d)`).
 * Null when there is no positive phrase: FTS5's NOT needs a left side, so the caller excludes another way.
 */
export function ftsMatch(positive: readonly string[], negative: readonly string[] = []): string | null {
  if (positive.length === 0) return null;
  const all = `(${positive.join(' AND ')})`;
  return negative.length === 0 ? all : `${all} NOT (${negative.join(' OR ')})`;
}
