import { strToU8, zipSync } from 'fflate';
import { AppError } from '../../src-shared/ipc/result';
import { formatMiB, ZIP_LIMITS } from '../../src-shared/lib/limits';
import { extractZipEntry, isSafeEntryName, readZipDirectory, type ZipLimits } from './zip-read';

/**
 * ZIP archives in one place, built on fflate: reading untrusted archives with zip-bomb limits
 * (zip-read.ts: the central directory is checked before a byte is inflated) and writing exports.
 * Limits come from `src-shared/lib/limits.ts` (ZIP_LIMITS); a caller may pass tighter ones.
 */
export { checkZipEntries, extractZipEntry, isSafeEntryName, isZip, readZipDirectory, type ZipEntry, type ZipLimits } from './zip-read';

/**
 * Every file of an untrusted archive by name (folders skipped), after the entry-count, name, total-size
 * and ratio checks. Each entry is inflated with a budget of its declared size, so the total cannot pass
 * `limits.maxTotalBytes` even when the archive lies.
 */
export function readZipFiles(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const entry of readZipDirectory(bytes, true, limits)) {
    if (entry.name.endsWith('/') && entry.size === 0) continue;
    files.set(entry.name, extractZipEntry(bytes, entry));
  }
  return files;
}

/** Options for {@link writeZip}. */
export interface WriteZipOptions {
  /** Deflate level, 0 (store) to 9. Default 6. */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Modification time of every entry (pass the injected clock for reproducible archives). ZIP stores 1980–2099 only. */
  mtime: Date | number;
  limits?: ZipLimits;
}

const ZIP_EPOCH = Date.UTC(1980, 0, 2); // a day's margin: ZIP stores local DOS time
const ZIP_END = Date.UTC(2099, 11, 30);

/**
 * An archive of `files` (name → bytes, or text written as UTF-8). Refuses what the reader would refuse:
 * unsafe or duplicate names (INVALID_INPUT), more entries or bytes than `limits` (TOO_LARGE), so Hearth
 * never writes an archive it could not read back.
 */
export function writeZip(files: Readonly<Record<string, Uint8Array | string>>, options: WriteZipOptions): Uint8Array {
  const limits = options.limits ?? ZIP_LIMITS;
  const names = Object.keys(files);
  if (names.length > limits.maxEntries) {
    throw new AppError('TOO_LARGE', `An archive holds at most ${limits.maxEntries} files; this one would have ${names.length}.`);
  }
  const seen = new Set<string>();
  const input: Record<string, Uint8Array> = {};
  let total = 0;
  for (const name of names) {
    // SECURITY: the same name rules as reading, so an archive Hearth writes never escapes an unzip folder.
    if (!isSafeEntryName(name)) throw new AppError('INVALID_INPUT', `"${name.slice(0, 80)}" is not a safe file name inside an archive.`);
    const key = name.normalize('NFC').toLowerCase();
    if (seen.has(key)) throw new AppError('INVALID_INPUT', `Two files in the archive would be named "${name.slice(0, 80)}".`);
    seen.add(key);
    const value = files[name] ?? new Uint8Array(0);
    const bytes = typeof value === 'string' ? strToU8(value) : value;
    total += bytes.length;
    if (total > limits.maxTotalBytes) throw new AppError('TOO_LARGE', `The archive would hold more than ${formatMiB(limits.maxTotalBytes)}.`);
    input[name] = bytes;
  }
  const ms = Math.min(Math.max(typeof options.mtime === 'number' ? options.mtime : options.mtime.getTime(), ZIP_EPOCH), ZIP_END);
  return zipSync(input, { level: options.level ?? 6, mtime: new Date(ms) });
}
