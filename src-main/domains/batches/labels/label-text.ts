/**
 * Label text that the PDF standard fonts can show. Helvetica in a PDF without an embedded font speaks
 * WinAnsiEncoding only (Latin-1 plus a few typographic characters), and pdf-lib throws on anything else,
 * so every string is transliterated first: "Żurek" prints as "Zurek", not as a crash.
 */

// WinAnsiEncoding's 0x80–0x9F block (PDF 32000-1 Annex D): € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ
const WIN_ANSI_EXTRA = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013,
  0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
]);

// Letters that Unicode does not decompose into a base letter plus accent.
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  ŧ: 't',
  Ŧ: 'T',
  ĸ: 'k',
  ŉ: "'n",
  ſ: 's',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '−': '-',
  '′': "'",
  '″': '"',
  '≤': '<=',
  '≥': '>=',
  '→': '->',
  '←': '<-',
  '≈': '~',
  '≠': '!=',
  '∞': 'inf',
  '⁄': '/',
  '∕': '/',
};

/** Replacement for a character with no Latin-1 form (CJK, emoji, symbols such as ✓). */
export const UNPRINTABLE_REPLACEMENT = '?';

/** Whether Helvetica (WinAnsiEncoding) can show the code point. */
export function isWinAnsi(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff) || WIN_ANSI_EXTRA.has(codePoint);
}

function transliterateChar(char: string): string {
  const mapped = TRANSLITERATIONS[char];
  if (mapped !== undefined) return mapped;
  // NFKD splits "ż" into "z" + combining dot and "ﬁ" into "fi"; drop the combining marks.
  const decomposed = char.normalize('NFKD').replace(/\p{M}/gu, '');
  if (decomposed.length > 0 && [...decomposed].every((c) => isWinAnsi(c.codePointAt(0) ?? 0))) return decomposed;
  return UNPRINTABLE_REPLACEMENT;
}

/**
 * `text` as one line of WinAnsi characters: whitespace and line breaks become single spaces, control
 * and zero-width characters go, letters lose accents Latin-1 lacks, and anything else becomes "?".
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.replace(/\s+/gu, ' ')) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (isWinAnsi(codePoint)) out += char;
    else if (/[\p{Cc}\p{Cf}]/u.test(char)) continue;
    else out += transliterateChar(char);
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** Millimetres per typographic point. */
export const MM_PER_PT = 25.4 / 72;

/** Width of `text` in mm at `sizePt`, in the regular or bold face. */
export type MeasureText = (text: string, sizePt: number, bold: boolean) => number;

/** A line that fits its box: the text to print and its size. */
export interface FittedText {
  readonly text: string;
  readonly sizePt: number;
}

const ELLIPSIS = '…';

/** The longest prefix of `text` that fits `widthMm` at `sizePt` once an ellipsis is added. */
export function truncateToWidth(text: string, widthMm: number, sizePt: number, bold: boolean, measure: MeasureText): string {
  if (measure(text, sizePt, bold) <= widthMm) return text;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  // Binary search on the prefix length: width grows monotonically with it.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS, sizePt, bold) <= widthMm) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? ELLIPSIS : chars.slice(0, low).join('').trimEnd() + ELLIPSIS;
}

/**
 * Fits one line: the first variant (longest wording first) that fits at `sizePt`; otherwise the last
 * variant shrunk towards `minPt`; otherwise the last variant truncated with an ellipsis at `minPt`.
 */
export function fitLine(variants: readonly string[], box: { widthMm: number; sizePt: number; minPt: number; bold: boolean }, measure: MeasureText): FittedText {
  const { widthMm, sizePt, minPt, bold } = box;
  for (const text of variants) {
    if (measure(text, sizePt, bold) <= widthMm) return { text, sizePt };
  }
  const last = variants[variants.length - 1] ?? '';
  const width = measure(last, sizePt, bold);
  const shrunk = Math.floor(((sizePt * widthMm) / width) * 10) / 10;
  if (shrunk >= minPt) return { text: last, sizePt: shrunk };
  const floor = Math.min(minPt, sizePt);
  return { text: truncateToWidth(last, widthMm, floor, bold, measure), sizePt: floor };
}

/**
 * Splits `text` at spaces into at most two lines of `widthMm`; the second line is truncated if the
 * words do not fit. Returns one line when it fits whole.
 */
export function wrapTwoLines(text: string, widthMm: number, sizePt: number, bold: boolean, measure: MeasureText): string[] {
  if (measure(text, sizePt, bold) <= widthMm) return [text];
  const words = text.split(' ');
  let first = '';
  let used = 0;
  for (const word of words) {
    const candidate = first === '' ? word : `${first} ${word}`;
    if (measure(candidate, sizePt, bold) > widthMm) break;
    first = candidate;
    used += 1;
  }
  // A single word wider than the box: cut it rather than leave the first line empty.
  if (used === 0) return [truncateToWidth(text, widthMm, sizePt, bold, measure)];
  const rest = words.slice(used).join(' ');
  return [first, truncateToWidth(rest, widthMm, sizePt, bold, measure)];
}
