/**
 * What the OS meant when a database write failed: SQLite reports some refusals only as a bare SQLITE_IOERR_*
 * ("disk I/O error"), and an open of a file on read-only media as CANTOPEN. Light on purpose (no SQLite
 * import): the module runtime loads it at start, before any database is opened.
 */
import { accessSync, closeSync, constants, existsSync, openSync, readdirSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/ipc/result';

/** OS errors of a file or file system this process may not write (a read-only mount, a folder it does not own). */
export const READ_ONLY_OS = new Set(['EROFS', 'EACCES', 'EPERM']);

/** False when this process may not write the file or its folder (read-only folder, file or file system). */
function writable(file: string): boolean {
  try {
    accessSync(path.dirname(file), constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** False when this process cannot write the database file, its folder, or the file system they are on. */
export function canWrite(file: string): boolean {
  return writable(file) && siblingOpensForWriting(file);
}

/**
 * SQLite reports a write refused by the OS as a bare SQLITE_IOERR_* ("disk I/O error"), without the errno. When
 * that happens, look at the database's folder: a file system that turned read-only (a USB stick's ext4 remounted
 * read-only after an error) becomes READ_ONLY, a full one DISK_FULL (docs/security.md#t6, #t7). Anything else is
 * returned as it was.
 */
export function explainIoError(err: unknown, file: string): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_IOERR')) return err;
  const dir = path.dirname(file);
  if (!canWrite(file)) {
    return new AppError('READ_ONLY', 'Hearth can no longer write to the profile folder: the disk has become read-only. Nothing was changed.', {
      file: path.basename(file),
    });
  }
  const free = (() => {
    try {
      return statfsSync(dir).bavail;
    } catch {
      return null;
    }
  })();
  if (free === 0) return new AppError('DISK_FULL', 'The disk is full. Free some space and try again; nothing was changed.', { file: path.basename(file) });
  return err;
}

/**
 * A file system that turned read-only after an error (ext4's errors=remount-ro) can still look writable to
 * access(2); opening an existing file for writing (and writing nothing) tells the truth. Never one of SQLite's
 * own files: closing a second descriptor of those would drop the locks SQLite holds on them.
 */
function siblingOpensForWriting(file: string): boolean {
  if (process.platform === 'win32') return true; // no such remount there, and scanners briefly lock files
  const own = path.basename(file);
  const dir = path.dirname(file);
  const sibling = readdirSync(dir, { withFileTypes: true }).find((e) => e.isFile() && !e.name.startsWith(own));
  if (!sibling) return true;
  try {
    closeSync(openSync(path.join(dir, sibling.name), 'r+'));
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'EROFS'; // permissions are access(2)'s business
  }
}
