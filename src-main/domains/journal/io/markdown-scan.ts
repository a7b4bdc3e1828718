/**
 * What counts as code in Markdown, so tags, wikilinks and embeds are only read from prose (Obsidian's rules):
 * fenced blocks (``` or ~~~), indented code blocks (4 spaces or a tab after a blank line) and code spans (a
 * run of N backticks up to the next run of exactly N, within one paragraph).
 */

/** 1 for every character of `text` inside code, 0 elsewhere. Callers make it only once a match needs checking: most notes have none. */
export function codeMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  maskBlocks(text, mask);
  maskSpans(text, mask);
  return mask;
}

function maskBlocks(text: string, mask: Uint8Array): void {
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
}

function maskSpans(text: string, mask: Uint8Array): void {
  // From backtick to backtick: most text has none, and stepping through every character cost more than the rest.
  let i = text.indexOf('`');
  while (i >= 0 && i < text.length) {
    if (mask[i]) {
      i = text.indexOf('`', i + 1);
      continue;
    }
    const n = runLength(text, i);
    const close = findClosing(text, mask, i + n, n);
    if (close < 0) {
      i = text.indexOf('`', i + n);
      continue;
    }
    mask.fill(1, i, close + n);
    i = text.indexOf('`', close + n);
  }
}

function runLength(text: string, i: number): number {
  let n = 0;
  while (text[i + n] === '`') n++;
  return n;
}

/** Start of the next run of exactly `n` backticks before a blank line or a code block, or -1. */
function findClosing(text: string, mask: Uint8Array, from: number, n: number): number {
  for (let j = from; j < text.length; j++) {
    if (mask[j]) return -1;
    if (text[j] === '\n' && /^\n[ \t]*(\n|$)/.test(text.slice(j, j + 200))) return -1;
    if (text[j] !== '`') continue;
    const len = runLength(text, j);
    if (len === n) return j;
    j += len - 1;
  }
  return -1;
}

/**
 * Inline `#tags`, in order: after a line start or whitespace, letters/digits/`_`/`-`/`/` (nested `a/b`), not
 * only digits (`#2026` is a number), never inside code, a URL (`/notes#books`) or brackets (`(#x)`).
 */
export function inlineTags(text: string, mask?: Uint8Array): string[] {
  const tags: string[] = [];
  for (const m of text.matchAll(/(?<=^|[ \t\n])#([\p{L}\p{N}_\-/]+)/gu)) {
    const tag = (m[1] ?? '').replace(/\/+$/, '');
    mask ??= codeMask(text);
    if (mask[m.index] || tag === '' || /^[\p{N}/_-]+$/u.test(tag)) continue;
    tags.push(tag);
  }
  return tags;
}

/** `[[target]]`, `[[target|alias]]` and `![[embed]]` outside code: the target, trimmed, with its `#heading`. */
export function wikilinks(text: string, mask?: Uint8Array): { index: number; length: number; embed: boolean; target: string; alias: string | null }[] {
  const out = [];
  for (const m of text.matchAll(/(!?)\[\[([^[\]\n]+)\]\]/g)) {
    mask ??= codeMask(text);
    if (mask[m.index]) continue;
    const [target = '', ...alias] = (m[2] ?? '').split('|');
    out.push({ index: m.index, length: m[0].length, embed: m[1] === '!', target: target.trim(), alias: alias.length > 0 ? alias.join('|').trim() : null });
  }
  return out;
}
