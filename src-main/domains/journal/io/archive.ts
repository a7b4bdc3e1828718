import { parseTar } from 'nanotar';
import { AppError } from '../../../../src-shared/ipc/result';
import { isSafeEntryName, isZip, readZipFiles } from '../../../lib/zip';
import { checkInputSize, invalid, JOURNAL_ZIP_LIMITS } from './limits';
import type { SourceFile } from './model';

/**
 * Archives as folders: a ZIP (Day One, Standard Notes, Hearth exports, a zipped Markdown vault) or a POSIX
 * tar (Joplin JEX) becomes the list of files inside, so every importer reads one shape: relative paths + bytes.
 */

/** True when the bytes are a POSIX/ustar tar (magic "ustar" at offset 257). */
export function isTar(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && String.fromCharCode(...bytes.subarray(257, 262)) === 'ustar';
}

/** The files of a ZIP, through lib/zip's bomb checks (central directory first, inflate budget per entry). */
export function unzipFiles(bytes: Uint8Array): SourceFile[] {
  return [...readZipFiles(bytes, JOURNAL_ZIP_LIMITS)].map(([path, data]) => ({ path, bytes: data }));
}

/**
 * The regular files of a tar. A tar is not compressed, so its members can never total more than the input;
 * links, devices and unsafe names are refused like in a ZIP (docs/security.md#t11).
 */
export function untarFiles(bytes: Uint8Array): SourceFile[] {
  let items;
  try {
    // nanotar reads `data.buffer` from offset 0, so it gets a copy that starts at the tar's first byte.
    items = parseTar(bytes.slice());
  } catch {
    throw invalid('The archive is damaged or not a tar file.');
  }
  const files: SourceFile[] = [];
  for (const item of items) {
    if (item.type === 'directory') continue;
    if (item.type !== 'file' && item.type !== 'contiguousFile') {
      // SECURITY: a link could point anywhere; Hearth never follows one out of an archive.
      throw invalid('The archive contains a link or special file, which Hearth never reads.');
    }
    if (!isSafeEntryName(item.name)) throw invalid('The archive contains a file with an unsafe name (absolute, or reaching outside with "..").');
    const data = item.data ?? new Uint8Array(0);
    if (data.length !== item.size) throw invalid('The archive is truncated.');
    files.push({ path: item.name, bytes: data });
  }
  checkInputSize(files);
  return files;
}

/**
 * The input as files: one ZIP or tar is opened, anything else is returned as it is. Paths use "/" and never
 * start with "./"; a lone folder wrapping everything (an archive made by zipping a folder) is kept, importers
 * look for their marker files at any single top folder.
 */
export function expandInput(files: readonly SourceFile[]): { files: SourceFile[]; archive: 'zip' | 'tar' | null } {
  checkInputSize(files);
  if (files.length === 1 && files[0]) {
    const only = files[0];
    if (isZip(only.bytes)) return { files: normalizePaths(unzipFiles(only.bytes)), archive: 'zip' };
    if (isTar(only.bytes)) return { files: normalizePaths(untarFiles(only.bytes)), archive: 'tar' };
  }
  return { files: normalizePaths([...files]), archive: null };
}

function normalizePaths(files: SourceFile[]): SourceFile[] {
  return files.map((f) => {
    const path = f.path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
    if (!isSafeEntryName(path)) throw new AppError('INVALID_INPUT', 'A file in the import has an unsafe name.');
    return { path, bytes: f.bytes };
  });
}
