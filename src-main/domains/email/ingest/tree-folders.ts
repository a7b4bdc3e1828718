import { extensionOf, looksLikeMbox } from './detect-format';

/**
 * What each file of a mail folder tree is, and which archive folder its messages go to:
 * - `.eml`: the directory path as it is (`Work/2019/a.eml` → `Work/2019`).
 * - `.emlx` (Apple Mail): `.mbox`/`.mailbox` extensions stripped; `Messages`, `Data`, `Attachments`, `V10`-like,
 *   digit-only and UUID segments dropped (`V10/<uuid>/INBOX.mbox/<uuid>/Data/1/Messages/1.emlx` → `INBOX`).
 * - mbox files (Thunderbird's extension-less files starting `From `, `*.mbox`): the directory (with `X.sbd` → `X`)
 *   plus the file's name (`Inbox.sbd/Work` → `Inbox/Work`); Apple's export `Name.mbox/mbox` → `Name`.
 * - Apple's `Attachments/<message number>/<part>/<name>`: attachment bodies of `.partial.emlx` messages.
 * Hidden files (a segment starting with `.`) and anything else are not messages.
 */

export type TreeFileKind = 'eml' | 'emlx' | 'partial-emlx' | 'mbox' | 'maybe-mbox' | 'attachment' | 'other';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MBOX_EXTENSIONS = new Set(['mbox', 'mbx', 'mboxrd', 'mbs']);

const segmentsOf = (path: string): string[] => path.split('/').filter((s) => s !== '' && s !== '.');

/** `Attachments/<digits>/<part>/<name>`: the index of `Attachments` in the segments, or -1. */
function attachmentsAt(segments: string[]): number {
  const i = segments.length - 4;
  return i >= 0 && segments[i] === 'Attachments' && /^\d+$/.test(segments[i + 1] ?? '') ? i : -1;
}

export function classify(path: string): TreeFileKind {
  const segments = segmentsOf(path);
  const name = segments[segments.length - 1] ?? '';
  if (segments.some((s) => s.startsWith('.'))) return 'other';
  if (attachmentsAt(segments) >= 0) return 'attachment';
  const ext = extensionOf(name);
  if (ext === 'eml') return 'eml';
  if (ext === 'emlx') return name.toLowerCase().endsWith('.partial.emlx') ? 'partial-emlx' : 'emlx';
  if (MBOX_EXTENSIONS.has(ext)) return 'mbox';
  return ext === '' ? 'maybe-mbox' : 'other';
}

/** For an extension-less file: whether its first bytes make it an mbox. */
export const isMboxHead = looksLikeMbox;

const stripMailbox = (s: string): string => s.replace(/\.(mbox|mailbox)$/i, '');

/** The archive folder of a file (see the file comment). */
export function folderOf(path: string, kind: TreeFileKind): string {
  const segments = segmentsOf(path);
  const name = segments.pop() ?? '';
  if (kind === 'eml') return segments.join('/');
  if (kind === 'emlx' || kind === 'partial-emlx') {
    const drop = (s: string): boolean => ['Messages', 'Data', 'Attachments'].includes(s) || /^\d+$/.test(s) || /^V\d+$/.test(s) || UUID.test(s);
    return segments
      .filter((s) => !drop(s))
      .map(stripMailbox)
      .filter((s) => s !== '')
      .join('/');
  }
  const dirs = segments.map((s) => stripMailbox(s.replace(/\.sbd$/i, '')));
  const parent = segments[segments.length - 1] ?? '';
  if (name === 'mbox' && /\.mbox$/i.test(parent)) return dirs.join('/');
  const ext = extensionOf(name);
  return [...dirs, MBOX_EXTENSIONS.has(ext) ? name.slice(0, -(ext.length + 1)) : name].join('/');
}

/**
 * For a `.partial.emlx` file: the path prefix of its attachment files (`<mailbox>/Attachments/<number>/`); the
 * mailbox is the directory holding `Messages`, or the file's own directory.
 */
export function attachmentsPrefix(path: string): string {
  const segments = segmentsOf(path);
  const name = segments.pop() ?? '';
  const number = name.replace(/\.partial\.emlx$/i, '');
  const messages = segments.lastIndexOf('Messages');
  const mailbox = messages >= 0 ? segments.slice(0, messages) : segments;
  return [...mailbox, 'Attachments', number, ''].join('/');
}

/** For an attachment file: its prefix (as `attachmentsPrefix` gives it) and MIME part number. */
export function attachmentKey(path: string): { prefix: string; part: string } | null {
  const segments = segmentsOf(path);
  const i = attachmentsAt(segments);
  if (i < 0) return null;
  return { prefix: [...segments.slice(0, i + 2), ''].join('/'), part: segments[i + 2] ?? '' };
}
