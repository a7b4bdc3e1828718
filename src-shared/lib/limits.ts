/**
 * Size limits for untrusted input, declared once and imported by main (which enforces them) and the
 * renderer (which refuses early, before reading a file into memory). docs/security.md#t10.
 * Pure numbers: no Node, no DOM.
 */

/** One mebibyte. */
export const MiB = 1024 * 1024;

/** Characters of base64 text for `bytes` bytes (4 per 3, padded), plus a little slack for line ends. */
export function base64Chars(bytes: number): number {
  return Math.ceil(bytes / 3) * 4 + 4;
}

/** Size in MiB for messages: `50 * MiB` → "50 MiB". */
export function formatMiB(bytes: number): string {
  return `${Math.round((bytes / MiB) * 10) / 10} MiB`;
}

/** Largest vault import file (T10: "imports 50 MiB"). */
export const MAX_IMPORT_BYTES = 50 * MiB;

/** Largest KeePass key file (real ones are 64 bytes to a few KiB). */
export const MAX_KEY_FILE_BYTES = 10 * MiB;

/** Largest image scanned for a QR code (a screenshot, a phone photo). */
export const MAX_IMAGE_BYTES = 20 * MiB;

/** Largest image in pixels (40 MP: beyond any phone screenshot or 8K screen), checked before decompressing. */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** Base64 text of an image sent over IPC: {@link MAX_IMAGE_BYTES} encoded, rounded up generously. */
export const MAX_IMAGE_BASE64_CHARS = 28 * MiB;

/** Largest batch CSV text accepted by the import operation (characters): 100,000 rows of every column. */
export const MAX_BATCH_CSV_CHARS = 32 * MiB;

/** Most data rows in one batch CSV import (header excluded); issue 13 imports 100,000 in under 10 s. */
export const MAX_BATCH_CSV_ROWS = 100_000;

/** Caps for one CSV read (`src-shared/lib/csv.ts`): columns per record, records including the header. */
export interface CsvLimits {
  readonly maxColumns: number;
  readonly maxRecords: number;
}

/** Default CSV caps, used by the vault importer (password manager exports): 100,000 items plus the header. */
export const CSV_LIMITS: CsvLimits = { maxColumns: 1000, maxRecords: 100_001 };

/** Batch CSV import: {@link MAX_BATCH_CSV_ROWS} rows plus the header, and far fewer columns than any real file has. */
export const BATCH_CSV_LIMITS: CsvLimits = { maxColumns: 60, maxRecords: MAX_BATCH_CSV_ROWS + 1 };

/** ZIP archives read from untrusted files (zip-bomb guards, applied to the central directory before inflating). */
export const ZIP_LIMITS = {
  /** Most entries in the central directory. */
  maxEntries: 10_000,
  /** Most uncompressed bytes over all entries. */
  maxTotalBytes: 200 * MiB,
  /** Highest uncompressed:compressed ratio of one entry … */
  maxRatio: 100,
  /** … applied to entries of at least this many bytes (tiny entries compress to almost nothing). */
  ratioMinBytes: 64 * 1024,
} as const;
