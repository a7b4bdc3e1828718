import { AppError } from '../../../../src-shared/ipc/result';
import { ByteWindow } from './byte-window';
import { isFromLine, MAX_FROM_LINE } from './mbox-quote';

/**
 * The mbox reader's input side: reads chunks into a `ByteWindow` and finds real From_ lines in it with
 * `Buffer.indexOf('From ')` (only candidate lines are decoded and checked, never body lines).
 */

const LF = 0x0a;
const GT = 0x3e;
const FROM = Buffer.from('From ', 'latin1');

/** A From_ line: its absolute offset and the offset just past its line end (or EOF). */
export interface FromLine {
  at: number;
  lineEnd: number;
}

export class MboxScanner {
  readonly w: ByteWindow;
  eof = false;
  /** The next `From ` search starts here. */
  private scan: number;
  /** Whether the input's first byte, a line start with no `\n` before it, was checked. */
  private startChecked = false;
  /** The offset of the last `From ` line that was not a From_ line (-1: none yet). */
  falseFrom = -1;
  /** The offset of the last `>From ` seen, at a line start or not (-1: none yet). */
  quotedFrom = -1;
  private readonly it: AsyncIterator<Buffer | Uint8Array>;

  constructor(
    input: AsyncIterable<Buffer | Uint8Array>,
    readonly inputStart: number,
    private readonly signal?: AbortSignal,
  ) {
    this.w = new ByteWindow(inputStart);
    this.scan = inputStart;
    this.it = input[Symbol.asyncIterator]();
  }

  /** Reads one more chunk; false at the end of the input. */
  async more(): Promise<boolean> {
    this.checkAborted();
    if (this.eof) return false;
    const r = await this.it.next();
    if (r.done) {
      this.eof = true;
      return false;
    }
    this.w.append(r.value);
    return true;
  }

  checkAborted(): void {
    if (this.signal?.aborted) throw new AppError('CANCELLED', 'The import was cancelled.');
  }

  /** The offset before which no From_ line can begin any more (bytes before it are settled). */
  get settled(): number {
    return this.startChecked ? this.scan - 1 : this.inputStart;
  }

  /** Searches on from just past the From_ line `f` (its body's first line is a line start too). */
  resumeAfter(f: FromLine): void {
    this.startChecked = true;
    this.scan = f.lineEnd;
  }

  /**
   * Whether a From_ line starts at `c` (a line start): the line, or 'more' when the bytes read so far cannot
   * tell. A line longer than MAX_FROM_LINE is not one.
   */
  fromLineAt(c: number): FromLine | null | 'more' {
    const w = this.w;
    if (w.end - c < FROM.length) return this.eof ? null : 'more';
    if (!w.view(c, c + FROM.length).equals(FROM)) return null;
    const nl = w.indexOf(LF, c, Math.min(w.end, c + MAX_FROM_LINE));
    let lineEnd = nl + 1;
    if (nl < 0) {
      if (w.end - c >= MAX_FROM_LINE) return null;
      if (!this.eof) return 'more';
      lineEnd = w.end;
    }
    return isFromLine(w.view(c, lineEnd).toString('latin1')) ? { at: c, lineEnd } : null;
  }

  /**
   * The next From_ line in the bytes read so far, or 'more' (at EOF: there is none). Searches `From ` (its `F` is
   * rarer than a line end, so the search jumps further) and looks at the byte before: a line end makes a candidate,
   * a `>` a quoted line.
   */
  find(): FromLine | 'more' {
    const w = this.w;
    if (!this.startChecked) {
      const r = this.fromLineAt(this.inputStart);
      if (r === 'more') return r;
      this.startChecked = true;
      if (r) return r;
    }
    for (;;) {
      const j = w.indexOf(FROM, this.scan);
      if (j < 0) {
        this.scan = Math.max(this.scan, w.end - FROM.length + 1);
        return 'more';
      }
      const prev = j > this.inputStart ? w.byte(j - 1) : -1;
      if (prev === LF) {
        const r = this.fromLineAt(j);
        if (r === 'more') {
          this.scan = j;
          return r;
        }
        if (r) {
          this.scan = j;
          return r;
        }
        this.falseFrom = j;
      } else if (prev === GT) this.quotedFrom = j;
      this.scan = j + 1;
    }
  }

  /** Reads until `at` bytes are there (false: the input ended first). */
  async fill(at: number): Promise<boolean> {
    while (this.w.end < at) if (!(await this.more())) return false;
    return true;
  }
}

export function tooLarge(at: number, max: number): AppError {
  return new AppError('TOO_LARGE', `The message at byte ${at} of the mbox is larger than ${Math.round(max / 2 ** 20)} MiB; it was not imported.`);
}
