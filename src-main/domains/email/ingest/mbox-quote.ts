/**
 * The mbox line rules (issue 12): which line is a real From_ line, mboxrd quoting and unquoting of `>From `
 * lines, and writing a message back as an mbox entry (`writeMboxMessage`, `mboxFromLine`).
 *
 * Strings that hold mbox bytes (`fromLine`, `separator`) are latin1 ("binary"): one character per byte,
 * so any byte survives the trip through a string and back. Use `Buffer.from(s, 'latin1')` to write them.
 */

const LF = 0x0a;
const GT = 0x3e;
const FROM = Buffer.from('From ', 'latin1');
const QUOTED_FROM = Buffer.from('>From ', 'latin1');

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*';
const TIME = '\\d{1,2}:\\d{2}(?::\\d{2})?';
/**
 * `From <sender> <date>`: asctime (`Thu Feb 26 17:23:40 1998`), with an optional zone before or after the year
 * (Takeout's `Tue Aug 05 08:00:23 +0000 2008`, `… 1996 +0000`, `… MET DST 1998`), or RFC 2822 order
 * (`Thu, 26 Feb 1998 17:23:40 -0500`). `From the beginning, …` and other prose lines are not From_ lines.
 */
const FROM_LINE = new RegExp(
  `^From \\S*\\s+${DAY}\\s+(?:${MONTH}\\s+\\d{1,2}\\s+${TIME}(?:\\s+[A-Za-z+\\-0-9]+){0,2}\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4}\\s+${TIME})(?:\\s.*)?$`,
);

/** The longest line that can still be a From_ line (bytes, line end included). */
export const MAX_FROM_LINE = 1000;

/** Whether `line` (with or without its line ending) is a real mbox From_ line. */
export function isFromLine(line: string): boolean {
  return FROM_LINE.test(line.replace(/\r?\n$/, '').replace(/\r$/, ''));
}

/** Where the run of `>` ending at `at` begins (`at` itself when there is none). */
function quoteStart(buf: Buffer, at: number): number {
  let k = at;
  while (k > 0 && buf[k - 1] === GT) k--;
  return k;
}

/** Offsets of the lines of `buf` that match `^>*From `, each as the offset of its first byte, in order. */
function fromLineStarts(buf: Buffer): number[] {
  const out: number[] = [];
  let at = buf.indexOf(FROM);
  while (at >= 0) {
    const k = quoteStart(buf, at);
    if (k === 0 || buf[k - 1] === LF) out.push(k);
    at = buf.indexOf(FROM, at + FROM.length);
  }
  return out;
}

/** Whether `buf` has a line starting `From ` (unquoted). */
export function hasUnquotedFromLine(buf: Buffer): boolean {
  if (buf.length >= FROM.length && buf.subarray(0, FROM.length).equals(FROM)) return true;
  return buf.indexOf('\nFrom ', 0, 'latin1') >= 0;
}

/** Copies `buf` with one byte removed or one `>` inserted at each offset in `at` (ascending). */
function splice(buf: Buffer, at: number[], insert: boolean): Buffer {
  if (at.length === 0) return buf;
  const out = Buffer.allocUnsafe(buf.length + (insert ? at.length : -at.length));
  let src = 0;
  let dst = 0;
  for (const k of at) {
    dst += buf.copy(out, dst, src, k);
    if (insert) out[dst++] = GT;
    src = insert ? k : k + 1;
  }
  buf.copy(out, dst, src);
  return out;
}

/** mboxrd unquoting: each line matching `^>+From ` loses one `>` (right for mboxo's `>From ` too). */
export function unquoteMboxrd(segment: Buffer): Buffer {
  const at: number[] = [];
  let i = segment.indexOf(QUOTED_FROM);
  while (i >= 0) {
    const k = quoteStart(segment, i);
    if (k === 0 || segment[k - 1] === LF) at.push(k); // `>>From `: only the run's first `>` goes

    i = segment.indexOf(QUOTED_FROM, i + QUOTED_FROM.length);
  }
  return splice(segment, at, false);
}

/** mboxrd quoting: each line matching `^>*From ` gains one `>`. */
export function quoteMboxrd(raw: Buffer): Buffer {
  return splice(raw, fromLineStarts(raw), true);
}

/** What `writeMboxMessage` needs: a SourceMessage from an mbox, or any message given `mboxFromLine`'s framing. */
export interface MboxEntry {
  raw: Buffer;
  fromLine: string;
  separator: string;
  segment?: Buffer;
}

/** One message as mbox bytes: From_ line, the (quoted) message, separator. Concatenate them, or write them in turn. */
export function writeMboxMessage(m: MboxEntry): Buffer[] {
  return [Buffer.from(m.fromLine, 'latin1'), m.segment ?? quoteMboxrd(m.raw), Buffer.from(m.separator, 'latin1')];
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** UTC asctime: `Thu Feb 26 17:23:40 1998` (day of month padded with a space, as `%e`). */
export function asctime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} ${d.getUTCFullYear()}`;
}

/**
 * Framing for a message that did not come from an mbox (.eml, IMAP): `From <sender> <asctime>\n` and a "\n"
 * separator; `writeMboxMessage` then quotes it mboxrd-style. The sender is the envelope address when it is one
 * plain word, else `MAILER-DAEMON`. A message that does not end with a line end gets one when read back.
 */
export function mboxFromLine(sender: string, date: Date | number | null): { fromLine: string; separator: string } {
  const who = /^[^\s"]{1,200}$/.test(sender) ? sender : 'MAILER-DAEMON';
  const ms = date === null ? 0 : typeof date === 'number' ? date : date.getTime();
  return { fromLine: `From ${who} ${asctime(Number.isFinite(ms) ? ms : 0)}\n`, separator: '\n' };
}
