import type { PDFFont } from 'pdf-lib';

/**
 * Text a PDF font can print (the journal's standard fonts encode WinAnsi only, docs/formats.md#journal-pdf; the goals
 * report's DejaVu Sans has far more): characters the font has are kept, accented letters it lacks lose their accent (NFKD), zero-width and control characters go,
 * and anything else (emoji, CJK) becomes "?". Printing never fails on what a user wrote.
 */
const cache = new WeakMap<PDFFont, Set<number>>();

function charset(font: PDFFont): Set<number> {
  let set = cache.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    cache.set(font, set);
  }
  return set;
}

export function printable(text: string, font: PDFFont): string {
  const set = charset(font);
  let out = '';
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (char === '\t') out += '    ';
    else if (set.has(cp)) out += char;
    else if (/[\p{Cc}\p{Cf}\p{M}]/u.test(char)) continue;
    else {
      const plain = char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += plain !== '' && [...plain].every((c) => set.has(c.codePointAt(0) ?? 0)) ? plain : '?';
    }
  }
  return out;
}

/** `text` broken into lines no wider than `width` at `size`; a word longer than a line is split by characters. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const measure = (s: string): number => font.widthOfTextAtSize(s, size);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while (measure(line) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut)) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
