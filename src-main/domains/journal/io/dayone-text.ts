/**
 * Day One writes Markdown with backslash escapes on punctuation that needs none (`\.`, `\!`, `\-`, `\(`).
 * They are removed only where the plain character cannot start Markdown syntax, so the text reads as written
 * and renders the same: `1\. ` and `\- ` at the start of a line (a list), `\!` before `[` (an image) stay.
 */
const ESCAPED = /\\([.!\-()+=#>])/g;

export function unescapeDayOne(text: string): string {
  return text.replace(ESCAPED, (all: string, char: string, offset: number, whole: string) => {
    const before = whole.slice(whole.lastIndexOf('\n', offset - 1) + 1, offset);
    const after = whole[offset + 2] ?? '';
    const lineStart = /^[ \t>]*$/.test(before);
    if ((char === '-' || char === '+') && lineStart && /[ \t]/.test(after)) return all;
    if (char === '-' && lineStart && after === '-') return all;
    if ((char === '.' || char === ')') && /^[ \t>]*\d+$/.test(before)) return all;
    if ((char === '#' || char === '>' || char === '=') && lineStart) return all;
    if (char === '!' && after === '[') return all;
    return char;
  });
}
