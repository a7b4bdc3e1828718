import { AppError } from '../../../../src-shared/ipc/result';
import { CSV_LIMITS, formatMiB, MAX_IMPORT_BYTES, MiB, ZIP_LIMITS } from '../../../../src-shared/lib/limits';

/**
 * Hard limits for untrusted import files (docs/security.md#imports, #t10, #t11). Every check runs before the
 * expensive step it protects: size before decoding, nesting depth before `JSON.parse`, ZIP sizes from
 * the central directory before inflating. Numbers shared with the renderer or other domains live in
 * src-shared/lib/limits.ts; this object names them for the importer.
 */
export const IMPORT_LIMITS = {
  /** Largest import file accepted, in bytes (T10: "import 50 MiB"). */
  maxBytes: MAX_IMPORT_BYTES,
  /** Most items one import may produce. */
  maxItems: 100_000,
  /** Deepest JSON nesting accepted; real exports stay below 10. */
  maxJsonDepth: 100,
  /** Most columns in one CSV record. */
  maxCsvColumns: CSV_LIMITS.maxColumns,
  /** Most CSV records, header included. */
  maxCsvRecords: CSV_LIMITS.maxRecords,
  /** Most bytes one parse may inflate (a KDBX payload plus its compressed attachments): decompression bombs stop here … */
  maxInflatedBytes: 256 * MiB,
  /** … and at this many times the file's own size (as for ZIP entries), … */
  maxInflateRatio: 100,
  /** … but never below this, so small real files always open. */
  minInflateBudgetBytes: 32 * MiB,
  /** ZIP (1PUX): most entries in the central directory. */
  zipMaxEntries: ZIP_LIMITS.maxEntries,
  /** ZIP (1PUX): most uncompressed bytes over all entries, as declared in the central directory. */
  zipMaxTotalBytes: ZIP_LIMITS.maxTotalBytes,
  /** ZIP (1PUX): highest uncompressed:compressed ratio of one entry … */
  zipMaxRatio: ZIP_LIMITS.maxRatio,
  /** … applied to entries declaring at least this many bytes (tiny entries compress to almost nothing). */
  zipRatioMinBytes: ZIP_LIMITS.ratioMinBytes,
} as const;

/** Rejects an input above {@link IMPORT_LIMITS.maxBytes} before anything else looks at it. */
export function assertImportSize(bytes: Uint8Array): void {
  if (bytes.byteLength > IMPORT_LIMITS.maxBytes) {
    throw new AppError('TOO_LARGE', `The file is larger than ${formatMiB(IMPORT_LIMITS.maxBytes)}, the most Hearth imports at once.`);
  }
}

/** Throws TOO_LARGE once `count` items would exceed {@link IMPORT_LIMITS.maxItems}. */
export function assertItemCount(count: number): void {
  if (count > IMPORT_LIMITS.maxItems) {
    throw new AppError('TOO_LARGE', `The file holds more than ${IMPORT_LIMITS.maxItems.toLocaleString('en')} items, the most Hearth imports at once.`);
  }
}

/**
 * Decodes text with its byte-order mark: UTF-8 (BOM optional), UTF-16 LE/BE when a BOM says so.
 * Invalid UTF-8 is an error rather than U+FFFD soup, so a mis-encoded export never imports garbled
 * passwords.
 */
export function decodeText(bytes: Uint8Array): string {
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  try {
    // The decoder drops a leading BOM itself (ignoreBOM defaults to false).
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('INVALID_INPUT', 'The file is not valid UTF-8 text. Export it again, or save it as UTF-8, and retry.');
  }
}

/**
 * Cheap single pass over JSON text that rejects nesting deeper than {@link IMPORT_LIMITS.maxJsonDepth}
 * before `JSON.parse` (T11: "100k-deep nesting"). Brackets inside strings are ignored.
 */
export function assertJsonDepth(text: string, maxDepth: number = IMPORT_LIMITS.maxJsonDepth): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) {
        throw new AppError('INVALID_INPUT', `The file is nested more than ${maxDepth} levels deep, which no password manager writes.`);
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
}

/**
 * `JSON.parse` behind the depth guard. The parser's own message is not passed on because it can quote
 * a slice of the input, and the input is full of secrets.
 */
export function parseJsonText(text: string): unknown {
  // SECURITY: the depth guard runs first; the parser's message is dropped because it may quote secrets.
  assertJsonDepth(text);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('INVALID_INPUT', 'The file is not valid JSON. It may be truncated or damaged; export it again and retry.');
  }
}
