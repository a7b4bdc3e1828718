import { AppError } from '../../../../src-shared/ipc/result';
import { formatMiB, MiB, ZIP_LIMITS } from '../../../../src-shared/lib/limits';
import type { ZipLimits } from '../../../lib/zip';

/**
 * Caps for one journal import (docs/security.md#t10, #t11). A Day One or Hearth export carries its photos, so the
 * byte caps are higher than a vault file's; every cap is checked before the work it guards.
 */
export const JOURNAL_IMPORT_LIMITS = {
  /** Bytes over all input files (a folder, or one archive). */
  maxInputBytes: 512 * MiB,
  /** Files in a folder or inside an archive. */
  maxFiles: 20_000,
  /** Entries (notes) in one import. */
  maxEntries: 100_000,
  /** One text file (JSON, Markdown, a Joplin item). */
  maxTextBytes: 100 * MiB,
} as const;

/** Archives read by journal imports: more members and bytes than a vault archive (photos), the same ratio rule. */
export const JOURNAL_ZIP_LIMITS: ZipLimits = { ...ZIP_LIMITS, maxEntries: JOURNAL_IMPORT_LIMITS.maxFiles, maxTotalBytes: 1024 * MiB };

/** The error for input that is not what it claims to be; never includes the content itself. */
export const invalid = (message: string): AppError => new AppError('INVALID_INPUT', message);

/** Throws TOO_LARGE when the input passes the byte or file caps. */
export function checkInputSize(files: readonly { bytes: Uint8Array }[]): void {
  if (files.length > JOURNAL_IMPORT_LIMITS.maxFiles) {
    throw new AppError('TOO_LARGE', `The import has ${files.length} files; Hearth accepts at most ${JOURNAL_IMPORT_LIMITS.maxFiles}.`);
  }
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
  if (total > JOURNAL_IMPORT_LIMITS.maxInputBytes) {
    throw new AppError('TOO_LARGE', `The import is larger than ${formatMiB(JOURNAL_IMPORT_LIMITS.maxInputBytes)}.`);
  }
}

/** Throws TOO_LARGE once an importer has produced more entries than the cap. */
export function checkEntryCount(count: number): void {
  if (count > JOURNAL_IMPORT_LIMITS.maxEntries) {
    throw new AppError('TOO_LARGE', `The import has more than ${JOURNAL_IMPORT_LIMITS.maxEntries} entries.`);
  }
}

/**
 * Text of a file: UTF-8 (a BOM is dropped) or UTF-16 with a BOM. Anything else is refused as INVALID_INPUT
 * rather than imported as mojibake, which would lose the user's words silently.
 */
export function decodeText(bytes: Uint8Array, what: string): string {
  if (bytes.length > JOURNAL_IMPORT_LIMITS.maxTextBytes) {
    throw new AppError('TOO_LARGE', `${what} is larger than ${formatMiB(JOURNAL_IMPORT_LIMITS.maxTextBytes)}.`);
  }
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw invalid(`${what} is not UTF-8 text.`);
  }
}

/** JSON of a file, or INVALID_INPUT naming the file (a truncated export fails here, quickly). */
export function parseJson(bytes: Uint8Array, what: string): unknown {
  const text = decodeText(bytes, what);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid(`${what} is not valid JSON (is the file complete?).`);
  }
}
