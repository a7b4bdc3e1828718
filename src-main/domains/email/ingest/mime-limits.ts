import { EMAIL_LIMITS } from '../../../../src-shared/domains/email/email.schemas';

/**
 * What one message may cost the parser, and the cheap checks made BEFORE postal-mime sees the bytes: a message
 * over a limit is stored as raw bytes, listed as unparsed with the human reason returned here, and never parsed.
 * The scan is one linear pass (indexOf over a latin1 view): a 10,000-part bomb is refused in milliseconds.
 */
export const MIME_LIMITS = {
  /** The whole message (larger ones are kept as raw bytes, unparsed). */
  bytes: EMAIL_LIMITS.parseBytes,
  /** MIME parts, containers included, nested messages included. */
  parts: 1000,
  /** Nesting of multiparts (and message/rfc822 inside them). */
  depth: 32,
  /** message/rfc822 parts opened inside one another; deeper ones are listed as attachments, not opened. */
  messageDepth: 8,
  /**
   * Lines (postal-mime works line by line, ~2–4 µs each): 32 MiB of base64 in 76-character lines is ~440,000;
   * 8 MiB of empty lines took 30 s of CPU before this limit.
   */
  lines: 600_000,
  /** The top-level header block. */
  headerBytes: 512 * 1024,
  /** Header bytes over all parts (postal-mime's own limit). */
  allHeaderBytes: 2 * 1024 * 1024,
  /** Body text kept for the index, UTF-8 bytes. */
  textBytes: 1024 * 1024,
  /** Attachment names and text attachments kept for the index, UTF-8 bytes. */
  attachmentTextBytes: 256 * 1024,
  /** Characters of the one-line snippet. */
  snippet: 200,
} as const;

/** Thrown inside the parse when a limit is met halfway (a nested message's parts); its message is the human reason. */
export class MimeLimitError extends Error {}

const tooLargeReason = (): string => `Larger than ${MIME_LIMITS.bytes / 1024 / 1024} MiB: kept as raw bytes, not indexed`;
export const partsReason = (): string => `More than ${MIME_LIMITS.parts.toLocaleString('en-US')} MIME parts`;
const depthReason = (): string => `MIME parts nested more than ${MIME_LIMITS.depth} levels deep`;
const headerReason = (): string => `Header block larger than ${MIME_LIMITS.headerBytes / 1024} KiB`;
const linesReason = (): string => `More than ${MIME_LIMITS.lines.toLocaleString('en-US')} lines`;
export const NO_HEADERS = 'No headers: not an email';

/** A latin1 string of the bytes: one char per byte, so string offsets are byte offsets (no copy of meaning, just fast indexOf). */
export function latin1(raw: Uint8Array): string {
  return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
}

/**
 * Where the header block ends: the offset of the blank line's first byte (the body starts after it), or the whole
 * length when there is no blank line (a message of headers only). Searches at most `limit` bytes; -1 beyond that.
 */
export function headerEnd(text: string, limit: number = MIME_LIMITS.headerBytes): number {
  if (text.startsWith('\n') || text.startsWith('\r\n')) return 0;
  const lf = text.indexOf('\n\n');
  const crlf = text.indexOf('\n\r\n');
  const hits = [lf, crlf].filter((i) => i >= 0);
  const end = hits.length ? Math.min(...hits) + 1 : text.length;
  return end > limit ? -1 : end;
}

/**
 * The message without a leading mbox From_ line (`From sender date`, no colon after a field name), which some
 * tools leave at the top of .eml files; the same bytes otherwise. Part numbers do not depend on it.
 */
export function withoutFromLine(raw: Uint8Array): Uint8Array {
  if (raw.byteLength < 5 || latin1(raw.subarray(0, 5)) !== 'From ') return raw;
  const eol = raw.indexOf(0x0a);
  return eol < 0 ? raw : raw.subarray(eol + 1);
}

/** A header field's first line: a printable name without spaces, then a colon (RFC 5322 3.6.8). */
const FIELD = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;
const BOUNDARY = /boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))/gi;

/**
 * Why `raw` must not be parsed, or null when it may be. Checks the size, that it starts with a header block of
 * bounded size, the number of lines, and counts delimiter lines of every boundary the message declares (parts) and how deeply they nest.
 */
export function limitReason(raw: Uint8Array): string | null {
  if (raw.byteLength > MIME_LIMITS.bytes) return tooLargeReason();
  if (raw.byteLength === 0) return 'Empty: no headers and no body';
  const text = latin1(raw);
  if (!FIELD.test(text.slice(0, 1000))) return NO_HEADERS;
  if (headerEnd(text) < 0) return headerReason();
  if (tooManyLines(raw)) return linesReason();
  return structureReason(text);
}

function tooManyLines(raw: Uint8Array): boolean {
  if (raw.byteLength <= MIME_LIMITS.lines) return false;
  let lines = 0;
  for (let at = raw.indexOf(0x0a); at >= 0; at = raw.indexOf(0x0a, at + 1)) if (++lines > MIME_LIMITS.lines) return true;
  return false;
}

/** Counts parts and nesting from the delimiter lines of the declared boundaries (RFC 2046 5.1.1), without parsing. */
function structureReason(text: string): string | null {
  const boundaries = new Set<string>();
  for (const m of text.matchAll(BOUNDARY)) {
    boundaries.add(m[1] ?? m[2] ?? '');
    // Each declared boundary is at least one container part.
    if (boundaries.size > MIME_LIMITS.parts) return partsReason();
  }
  if (boundaries.size === 0) return null;
  const open: string[] = [];
  let parts = 0;
  for (let at = text.startsWith('--') ? 0 : text.indexOf('\n--'); at >= 0; at = text.indexOf('\n--', at + 1)) {
    const start = text[at] === '\n' ? at + 3 : 2;
    const eol = text.indexOf('\n', start);
    let end = eol < 0 ? text.length : eol;
    // Trailing blanks are allowed after a delimiter; trimmed by hand (a `[ \t]+$` pattern backtracks on long runs).
    while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === '\r')) end--;
    let line = text.slice(start, end);
    const closing = line.endsWith('--') && boundaries.has(line.slice(0, -2));
    if (closing) line = line.slice(0, -2);
    else if (!boundaries.has(line)) continue;
    const level = open.lastIndexOf(line);
    if (closing) {
      if (level >= 0) open.length = level;
      continue;
    }
    if (level >= 0) open.length = level + 1;
    else open.push(line);
    if (++parts > MIME_LIMITS.parts) return partsReason();
    if (open.length > MIME_LIMITS.depth) return depthReason();
  }
  return null;
}
