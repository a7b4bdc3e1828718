import Sqlite from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../../src-shared/ipc/result';
import type { Database } from './database';

export type SqliteHandle = InstanceType<typeof Sqlite>;

export interface OpenOptions {
  /** SQLCipher raw key, as `x'<64 hex>'`. */
  keyPragma: string | null;
  /** The database file name relative to the profile folder, for error messages. */
  label: string;
  create: boolean;
  /** Page cache in KiB; sized by `npm run bench`. */
  cacheKiB?: number;
}

/** Electron needs the addon built for its own ABI; main passes its path (see scripts/native-abi.mjs). */
let nativeBinding: string | undefined;
export const setNativeBinding = (path: string | undefined): void => {
  nativeBinding = path;
};

/** 128 MiB: the smallest page cache at which encrypted reads match plain ones (npm run bench). A ceiling, not an allocation. */
export const DEFAULT_CACHE_KIB = 128 * 1024;

/**
 * Opens the profile database with SQLite3MultipleCiphers in SQLCipher v4 mode, keyed with the raw
 * 256-bit database key (no passphrase KDF), then sets WAL, synchronous=FULL and foreign keys.
 * A wrong key and a damaged first page look alike to SQLCipher; callers have already checked the key
 * against the keyring, so a failure here means the file is damaged (SECURITY.md §3.2).
 */
export function openSqlite(file: string, opts: OpenOptions): SqliteHandle {
  let db: SqliteHandle | undefined;
  try {
    db = new Sqlite(file, { fileMustExist: !opts.create, nativeBinding });
    if (opts.keyPragma !== null) {
      // SECURITY: cipher and legacy must come before the key, or SQLite3MC uses its default cipher.
      db.pragma(`cipher='sqlcipher'`);
      db.pragma('legacy=4');
      db.pragma(`key="${opts.keyPragma}"`);
    }
    const { n } = db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number };
    // SECURITY: SQLite reads a short or empty file as a new, empty database. An existing profile always
    // has a schema, so an empty one means the file was truncated: refuse rather than build on it (T5).
    if (!opts.create && n === 0) throw new AppError('CORRUPT', `${opts.label} is empty or truncated.`, { file: opts.label });
    db.pragma('journal_mode=WAL');
    db.pragma('synchronous=FULL');
    if (process.platform === 'darwin') db.pragma('fullfsync=ON');
    db.pragma('foreign_keys=ON');
    db.pragma('temp_store=MEMORY');
    db.pragma('busy_timeout=5000');
    db.pragma(`cache_size=-${opts.cacheKiB ?? DEFAULT_CACHE_KIB}`);
    return db;
  } catch (err) {
    db?.close();
    throw toOpenError(err, opts.label);
  }
}

function toOpenError(err: unknown, label: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new AppError('CORRUPT', `${label} is damaged or is not a Hearth database.`, { file: label });
  }
  if (code === 'SQLITE_CANTOPEN') return new AppError('CORRUPT', `${label} is missing or cannot be opened.`, { file: label });
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new AppError('BUSY', `${label} is in use by another process.`, { file: label });
  if (code === 'SQLITE_READONLY') return new AppError('READ_ONLY', `${label} is read-only.`, { file: label });
  if (code === 'SQLITE_FULL') return new AppError('DISK_FULL', 'The disk is full.', { file: label });
  return new AppError('CORRUPT', `${label} could not be opened.`, { file: label });
}

export function createKysely(sqlite: SqliteHandle): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
