import { AppError } from '../../src-shared/ipc/result';
import { formatMiB, ZIP_LIMITS } from '../../src-shared/lib/limits';
import { inflateWithinBudget } from './inflate-budget';

/**
 * A deliberately small, defensive ZIP reader for untrusted archives such as 1PUX files (docs/security.md#t11).
 * Import it through `lib/zip`, which adds reading whole archives and writing them.
 *
 * The central directory is read and checked first (entry count, names, declared sizes, ratios), and
 * only then is the one entry we need inflated, through fflate's streaming `Inflate` with a byte
 * budget, so an archive that lies about its sizes is cut off as soon as it exceeds them. Nothing is
 * ever written to disk. ZIP64 and encrypted entries are refused (1Password and Hearth write neither).
 */

/** Zip-bomb guards; {@link ZIP_LIMITS} unless a caller asks for tighter ones. */
export type ZipLimits = { readonly [K in keyof typeof ZIP_LIMITS]: number };

/** One central-directory record. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  isSymlink: boolean;
}

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** True when the bytes start with a ZIP local file header (`PK\x03\x04`). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const damaged = (what: string): AppError => new AppError('INVALID_INPUT', `The archive is damaged or not a ZIP file (${what}).`);

/**
 * Reads the central directory. With `enforceLimits` (the default) it also applies the T11 checks:
 * at most `limits.maxEntries` entries, safe names, declared total and ratio caps.
 */
export function readZipDirectory(bytes: Uint8Array, enforceLimits = true, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (view.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new AppError('UNSUPPORTED', 'ZIP64 archives are not supported.');
  if (enforceLimits && count > limits.maxEntries) {
    throw new AppError('TOO_LARGE', `The archive has ${count} files; Hearth accepts at most ${limits.maxEntries}.`);
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CDH_SIG) throw damaged('bad central directory');
    const nameLen = view.getUint16(p + 28, true);
    const next = p + 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (next > eocd) throw damaged('bad central directory');
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
      isSymlink: view.getUint16(p + 4, true) >> 8 === 3 && ((view.getUint32(p + 38, true) >>> 16) & S_IFMT) === S_IFLNK,
    });
    p = next;
  }
  // SECURITY: every limit is checked on central-directory metadata before a single byte is inflated.
  if (enforceLimits) checkZipEntries(entries, limits);
  return entries;
}

/**
 * The T11 checks over central-directory metadata: safe unique names, no symlinks, declared total
 * size and per-entry compression ratio within `limits`.
 */
export function checkZipEntries(entries: readonly Pick<ZipEntry, 'name' | 'size' | 'compressedSize' | 'isSymlink'>[], limits: ZipLimits = ZIP_LIMITS): void {
  if (entries.length > limits.maxEntries) {
    throw new AppError('TOO_LARGE', `The archive has ${entries.length} files; Hearth accepts at most ${limits.maxEntries}.`);
  }
  const seen = new Set<string>();
  let total = 0;
  for (const e of entries) {
    if (!isSafeEntryName(e.name)) {
      throw new AppError('INVALID_INPUT', 'The archive contains a file with an unsafe name (absolute, or reaching outside with "..").');
    }
    if (e.isSymlink) throw new AppError('INVALID_INPUT', 'The archive contains a symbolic link, which Hearth never reads.');
    const key = e.name.normalize('NFC').toLowerCase();
    if (seen.has(key)) throw new AppError('INVALID_INPUT', 'The archive contains two files with the same name.');
    seen.add(key);
    total += e.size;
    if (total > limits.maxTotalBytes) {
      throw new AppError('TOO_LARGE', `The archive would expand to more than ${formatMiB(limits.maxTotalBytes)}.`);
    }
    if (e.size >= limits.ratioMinBytes && e.size / Math.max(e.compressedSize, 1) > limits.maxRatio) {
      throw new AppError('TOO_LARGE', `The archive looks like a ZIP bomb: a file expands more than ${limits.maxRatio} times.`);
    }
  }
}

/** A relative name with no `..` segment, no drive letter, no leading slash or backslash and no NUL. */
export function isSafeEntryName(name: string): boolean {
  if (name === '' || name.includes('\0') || /^[/\\]/.test(name) || /^[a-zA-Z]:/.test(name)) return false;
  return !name.split(/[/\\]/).includes('..');
}

/** Inflates one entry, refusing to produce more than its declared size. */
export function extractZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.flags & 1) throw new AppError('UNSUPPORTED', 'Encrypted ZIP archives are not supported.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lfh = entry.localHeaderOffset;
  if (lfh + 30 > bytes.length || view.getUint32(lfh, true) !== LFH_SIG) throw damaged('bad local header');
  const start = lfh + 30 + view.getUint16(lfh + 26, true) + view.getUint16(lfh + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw damaged('truncated entry');
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw damaged('size mismatch');
    return data.slice();
  }
  if (entry.method !== 8) throw new AppError('UNSUPPORTED', `The archive uses an unsupported compression method (${entry.method}).`);
  return inflateCapped(data, entry.size);
}

/** Streaming inflate that throws as soon as the output passes `declared` bytes (a lying archive). */
function inflateCapped(data: Uint8Array, declared: number): Uint8Array {
  const out = inflateWithinBudget(
    data,
    {
      left: declared,
      what: 'A file in the archive',
      tooLarge: () => new AppError('TOO_LARGE', 'The archive is a ZIP bomb: a file expands beyond its declared size.'),
      corrupt: () => damaged('corrupt compressed data'),
    },
    'raw',
  );
  if (out.length !== declared) throw damaged('size mismatch');
  return out;
}
