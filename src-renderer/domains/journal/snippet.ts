/** A search snippet split into plain and matched parts (main marks matches with U+0002 … U+0003, never HTML). */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let match = false;
  let text = '';
  const push = () => {
    if (text) parts.push({ text, match });
    text = '';
  };
  for (const ch of snippet) {
    if (ch === '\u0002' || ch === '\u0003') {
      push();
      match = ch === '\u0002';
    } else text += ch;
  }
  push();
  return parts;
}
