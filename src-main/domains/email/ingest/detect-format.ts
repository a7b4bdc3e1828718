/**
 * Which reader a file needs: by its extension first, then by its first bytes (an mbox starts with a From_ line,
 * an `.emlx` with a line holding only a byte count). Anything else is taken as one message (`.eml`).
 */

export type MailFileFormat = 'mbox' | 'eml' | 'emlx';

const BY_EXTENSION: Record<string, MailFileFormat> = {
  eml: 'eml',
  msg822: 'eml',
  emlx: 'emlx',
  mbox: 'mbox',
  mbx: 'mbox',
  mboxrd: 'mbox',
  mbs: 'mbox',
};

/** The file's extension, lower case, without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Whether the first bytes of a file look like an mbox: a `From ` line first (after blank lines, if any). */
export function looksLikeMbox(head: Buffer): boolean {
  let i = 0;
  while (i < head.length && i < 16 && (head[i] === 0x0a || head[i] === 0x0d)) i++;
  return head.subarray(i, i + 5).toString('latin1') === 'From ';
}

export function detectFormat(name: string, head: Buffer): MailFileFormat {
  const known = BY_EXTENSION[extensionOf(name)];
  if (known) return known;
  if (looksLikeMbox(head)) return 'mbox';
  const firstLine = head.subarray(0, Math.max(0, head.indexOf(0x0a))).toString('latin1');
  if (/^\s*\d{1,12}\s*$/.test(firstLine)) return 'emlx';
  return 'eml';
}
