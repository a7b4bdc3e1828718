/**
 * Just enough Markdown for a printed journal: block structure (headings, list items, quotes, code, rules,
 * images, paragraphs) and plain inline text (emphasis markers and link targets dropped, link text kept).
 * Nothing is interpreted as HTML: `<script>` prints as the characters it is.
 */
export type PdfBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'item'; marker: string; depth: number; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'code'; lines: string[] }
  | { kind: 'rule' }
  | { kind: 'image'; attachmentId: string; alt: string };

const IMAGE = /!\[([^\]\n]*)\]\(attachment:([^)\s]+)\)/g;

export function markdownBlocks(body: string): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  let para: string[] = [];
  let code: string[] | null = null;
  const flush = (): void => {
    if (para.length > 0) pushText(blocks, { kind: 'paragraph', text: para.join(' ') });
    para = [];
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    if (code) {
      if (/^ {0,3}(```|~~~)/.test(line)) {
        blocks.push({ kind: 'code', lines: code });
        code = null;
      } else code.push(line);
      continue;
    }
    const heading = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(line);
    const item = /^(\s*)([-*+]|\d+[.)])[ \t]+(?:\[([ xX])\][ \t]+)?(.*)$/.exec(line);
    const quote = /^ {0,3}>[ \t]?(.*)$/.exec(line);
    if (/^ {0,3}(```|~~~)/.test(line)) {
      flush();
      code = [];
    } else if (line.trim() === '') flush();
    else if (/^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/.test(line)) {
      flush();
      blocks.push({ kind: 'rule' });
    } else if (heading) {
      flush();
      pushText(blocks, { kind: 'heading', level: heading[1]?.length ?? 1, text: heading[2] ?? '' });
    } else if (item) {
      flush();
      const box = item[3] === undefined ? null : item[3] === ' ' ? '[ ]' : '[x]';
      const marker = box ?? (/\d/.test(item[2] ?? '') ? (item[2] ?? '') : '•');
      pushText(blocks, { kind: 'item', marker, depth: Math.floor((item[1] ?? '').replace(/\t/g, '    ').length / 2), text: item[4] ?? '' });
    } else if (quote) {
      flush();
      pushText(blocks, { kind: 'quote', text: quote[1] ?? '' });
    } else para.push(line.trim());
  }
  flush();
  if (code) blocks.push({ kind: 'code', lines: code });
  return blocks;
}

/** Adds a text block, lifting out the images it contains as image blocks of their own (in order). */
function pushText(blocks: PdfBlock[], block: Extract<PdfBlock, { text: string }>): void {
  let at = 0;
  for (const m of block.text.matchAll(IMAGE)) {
    const before = block.text.slice(at, m.index).trim();
    if (before) blocks.push({ ...block, text: inlineText(before) });
    blocks.push({ kind: 'image', attachmentId: m[2] ?? '', alt: m[1] ?? '' });
    at = m.index + m[0].length;
  }
  const rest = block.text.slice(at).trim();
  if (rest || at === 0) blocks.push({ ...block, text: inlineText(rest) });
}

/** Inline Markdown as plain text: `[text](url)` → text, emphasis and code markers removed, escapes undone. */
export function inlineText(text: string): string {
  return text
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])(?=\S)(.+?)(?<=\S)\2(?!\w)/g, '$1$3')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
}
