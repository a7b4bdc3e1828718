import type { SourceMessage } from '../email-types';
import { hasUnquotedFromLine, unquoteMboxrd } from './mbox-quote';
import { type FromLine, MboxScanner, tooLarge } from './mbox-scanner';

/**
 * The streaming mbox reader (mboxo, mboxrd, mboxcl/cl2, Google Takeout, Thunderbird): yields each message with
 * its From_ line, separator and offsets, holding only the current message and one read chunk.
 *
 * - A message starts at a real From_ line (`From <sender> <asctime>`) at the start of the input or after a line end;
 *   `From the beginning…` lines in a body do not split it (as `git mailsplit --mboxrd`).
 * - `Content-Length` is trusted when the byte it points at is followed by blank lines and a From_ line or EOF; such a
 *   body with a `From ` line in it was written unquoted (mboxcl2) and is not unquoted.
 * - `raw` is unquoted mboxrd-style (`^>+From ` loses one `>`); when quoting it again would not give the file's bytes
 *   back, `segment` keeps them. Without `>From ` or stray `From ` lines, `raw` is a zero-copy view.
 * - Bytes before the first From_ line go to `onPreamble` (in one or more pieces, in order). A file with no From_ line
 *   at all (binary junk, a stray .eml) yields no message: all of its bytes are preamble.
 * - The last message may be cut anywhere (a truncated file): it is still yielded, with the bytes there are.
 * - `fromLine` and `separator` are latin1 strings (one character per byte); `writeMboxMessage` writes them back.
 */

export interface ReadMboxOptions {
  /** The absolute offset `input` begins at (a From_ line's offset when resuming). */
  start?: number;
  signal?: AbortSignal;
  /** Default 256 MiB; a larger message throws TOO_LARGE. */
  maxMessageBytes?: number;
  onPreamble?: (bytes: Buffer) => void;
}

const LF = 0x0a;
const CR = 0x0d;
const DEFAULT_MAX = 256 * 2 ** 20;
/** Headers longer than this are not searched for Content-Length. */
const MAX_HEADER = 256 * 1024;
const CONTENT_LENGTH = /^content-length:[ \t]*(\d{1,15})[ \t]*\r?$/im;

export async function* readMbox(input: AsyncIterable<Buffer | Uint8Array>, opts: ReadMboxOptions = {}): AsyncGenerator<SourceMessage> {
  const s = new MboxScanner(input, opts.start ?? 0, opts.signal);
  const max = opts.maxMessageBytes ?? DEFAULT_MAX;
  let cur = await preamble(s, opts.onPreamble);
  while (cur) {
    s.checkAborted();
    s.resumeAfter(cur);
    let next = await nextFromLine(s, cur, max);
    let end = next ? next.at : s.w.end;
    const cl = await contentLength(s, cur, end, max);
    const extended = cl !== null && cl.end > end;
    if (cl && extended) {
      next = cl.next;
      end = cl.end;
    }
    const rawEnd = cl ? cl.rawEnd : end - separatorLength(s, cur.lineEnd, end);
    yield message(s, cur, rawEnd, end, cl !== null, extended);
    s.w.drop(end);
    cur = next;
  }
}

/** Hands the bytes before the first From_ line to `onPreamble` (as they become settled); returns that line. */
async function preamble(s: MboxScanner, onPreamble?: (bytes: Buffer) => void): Promise<FromLine | null> {
  let done = s.inputStart;
  const flush = (to: number): void => {
    if (to > done && onPreamble) onPreamble(Buffer.from(s.w.view(done, to)));
    done = Math.max(done, to);
    s.w.drop(done);
  };
  for (;;) {
    const r = s.find();
    if (r !== 'more') {
      flush(r.at);
      return r;
    }
    flush(s.settled);
    if (s.eof) {
      flush(s.w.end);
      return null;
    }
    await s.more();
  }
}

/** The From_ line after `cur`, or null at EOF; throws TOO_LARGE past `max` bytes. */
async function nextFromLine(s: MboxScanner, cur: FromLine, max: number): Promise<FromLine | null> {
  for (;;) {
    const r = s.find();
    if (r !== 'more') return r;
    if (s.eof) return null;
    if (s.w.end - cur.at > max) throw tooLarge(cur.at, max);
    await s.more();
  }
}

/** The blank line before the next From_ line (or EOF): "\r\n", "\n" or none. */
function separatorLength(s: MboxScanner, from: number, end: number): number {
  const n = end - from;
  const b = (i: number): number => s.w.byte(end - i);
  if (n >= 2 && b(2) === CR && b(1) === LF && (n === 2 || b(3) === LF)) return 2;
  if (n >= 1 && b(1) === LF && (n === 1 || b(2) === LF)) return 1;
  return 0;
}

/** Where the body starts (just past the blank line after the headers), or -1. */
function bodyStart(s: MboxScanner, f: FromLine, end: number): number {
  const limit = Math.min(end, f.lineEnd + MAX_HEADER);
  const crlf = s.w.byte(f.lineEnd - 2) === CR;
  const first = s.w.indexOf(crlf ? '\n\r\n' : '\n\n', f.lineEnd - 1, limit);
  const other = s.w.indexOf(crlf ? '\n\n' : '\n\r\n', f.lineEnd - 1, first < 0 ? limit : first);
  if (other >= 0) return other + (crlf ? 2 : 3);
  return first < 0 ? -1 : first + (crlf ? 3 : 2);
}

/** Past the blank lines ("\n" or "\r\n") at `at`, reading more when needed (up to `limit`). */
async function skipBlankLines(s: MboxScanner, at: number, limit: number): Promise<number> {
  let q = at;
  while (q < limit) {
    if (s.w.end - q < 2 && !s.eof) {
      await s.more();
      continue;
    }
    if (s.w.byte(q) === LF) q += 1;
    else if (s.w.byte(q) === CR && s.w.byte(q + 1) === LF) q += 2;
    else break;
  }
  return q;
}

interface Trusted {
  rawEnd: number;
  end: number;
  next: FromLine | null;
}

/** The message's end per its Content-Length header, when that points at blank lines then a From_ line or EOF. */
async function contentLength(s: MboxScanner, cur: FromLine, end: number, max: number): Promise<Trusted | null> {
  const body = bodyStart(s, cur, end);
  if (body < 0) return null;
  const m = CONTENT_LENGTH.exec(s.w.view(cur.lineEnd, body).toString('latin1'));
  if (!m) return null;
  const rawEnd = body + Number(m[1]);
  if (rawEnd <= end) {
    const q = await skipBlankLines(s, rawEnd, end);
    return q === end ? { rawEnd, end, next: null } : null;
  }
  // Beyond the next From_ line (mboxcl2 with a From_ line in a body): read on to check.
  if (rawEnd - cur.at > max || !(await s.fill(rawEnd))) return null;
  const q = await skipBlankLines(s, rawEnd, cur.at + max);
  if (q >= s.w.end && s.eof) return { rawEnd, end: q, next: null };
  if (s.w.byte(q - 1) !== LF) return null;
  let next = s.fromLineAt(q);
  while (next === 'more' && (await s.more())) next = s.fromLineAt(q);
  return next && next !== 'more' ? { rawEnd, end: q, next } : null;
}

function message(s: MboxScanner, cur: FromLine, rawEnd: number, end: number, trusted: boolean, extended: boolean): SourceMessage {
  const seg = s.w.view(cur.lineEnd, rawEnd);
  const m: SourceMessage = {
    raw: seg,
    position: cur.at,
    end,
    folder: '',
    fromLine: s.w.view(cur.at, cur.lineEnd).toString('latin1'),
    separator: s.w.view(rawEnd, end).toString('latin1'),
  };
  const inside = (at: number): boolean => at >= cur.lineEnd && at < rawEnd;
  if (!extended && !inside(s.falseFrom) && !inside(s.quotedFrom)) return m;
  // mboxcl2 writes bodies unquoted: a `From ` line in a Content-Length body means nothing was quoted.
  const unquoted = trusted && hasUnquotedFromLine(seg);
  if (!unquoted) m.raw = unquoteMboxrd(seg);
  if (hasUnquotedFromLine(seg)) m.segment = seg;
  return m;
}
