import { chmodSync, existsSync, statSync } from 'node:fs';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, type Driver } from 'kysely';
import { AppError } from '../../src-shared/ipc/result';
import type { Database } from './database';
import { canWrite, READ_ONLY_OS } from './os-errors';

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

/** 128 MiB: the smallest page cache at which encrypted reads match plain ones (npm run bench). A ceiling, not an allocation. */
export const DEFAULT_CACHE_KIB = 128 * 1024;

/**
 * Opens the profile database with SQLite3MultipleCiphers in SQLCipher v4 mode, keyed with the raw
 * 256-bit database key (no passphrase KDF), then sets WAL, synchronous=FULL and foreign keys.
 * A wrong key and a damaged first page look alike to SQLCipher; callers have already checked the key
 * against the keyring, so a failure here means the file is damaged (docs/security.md#sqlcipher).
 */
export function openSqlite(file: string, opts: OpenOptions): SqliteHandle {
  let db: SqliteHandle | undefined;
  try {
    // Never a silent read-only session (docs/security.md#t6): on a read-only disk or folder SQLite would open the
    // file for reading, and every write after the unlock would fail. Say so before SQLite tries.
    if (!opts.create && existsSync(file) && !canWrite(file)) throw readOnlyError(opts.label);
    db = new Sqlite(file, { fileMustExist: !opts.create });
    ownerOnly(file);
    if (opts.keyPragma !== null) {
      // SECURITY: cipher and legacy must come before the key, or SQLite3MC uses its default cipher.
      db.pragma(`cipher='sqlcipher'`);
      db.pragma('legacy=4');
      db.pragma(`key="${opts.keyPragma}"`);
    }
    const { n } = db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number };
    // SECURITY: SQLite reads a short or empty file as a new, empty database. An existing profile always
    // has a schema, so an empty one means the file was truncated: refuse rather than build on it (docs/security.md#t5).
    if (!opts.create && n === 0) throw new AppError('CORRUPT', `${opts.label} is empty or truncated.`, { file: opts.label });
    db.pragma('journal_mode=WAL');
    db.pragma('synchronous=FULL');
    if (process.platform === 'darwin') db.pragma('fullfsync=ON');
    db.pragma('foreign_keys=ON');
    db.pragma('temp_store=MEMORY');
    db.pragma(`busy_timeout=${busyTimeoutMs()}`);
    db.pragma(`cache_size=-${opts.cacheKiB ?? DEFAULT_CACHE_KIB}`);
    return db;
  } catch (err) {
    db?.close();
    throw toOpenError(err, opts.label, file);
  }
}

/** How long a write waits for another process's write lock before BUSY (docs/security.md#t8). */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * The busy timeout: DEFAULT_BUSY_TIMEOUT_MS, or HEARTH_BUSY_TIMEOUT_MS (0–60000) so the two-process tests
 * can show the wait and the BUSY that ends it without waiting 5 s each time.
 */
export function busyTimeoutMs(): number {
  const raw = Number(process.env.HEARTH_BUSY_TIMEOUT_MS);
  return process.env.HEARTH_BUSY_TIMEOUT_MS && Number.isInteger(raw) && raw >= 0 && raw <= 60_000 ? raw : DEFAULT_BUSY_TIMEOUT_MS;
}

/**
 * SECURITY: the database and its -wal/-shm are readable by the owner only, whatever the umask.
 * SQLite gives a new -wal/-shm the database file's mode, so fixing the main file first covers them.
 */
function ownerOnly(file: string): void {
  if (process.platform === 'win32') return;
  // Only when needed: on read-only media an unneeded chmod would fail before SQLite could say why (docs/security.md#t6).
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f) && (statSync(f).mode & 0o777) !== 0o600) chmodSync(f, 0o600);
}

const readOnlyError = (label: string): AppError =>
  new AppError(
    'READ_ONLY',
    `Hearth cannot write to the profile folder (${label} and its -wal/-shm files must be writable). Check the folder's permissions and whether the disk is read-only or write-protected, or copy the profile somewhere writable.`,
    { file: label },
  );

function toOpenError(err: unknown, label: string, file: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code ?? '';
  // SQLite opens a file it may not write read-only and fails later creating the -wal/-shm (CANTOPEN or
  // an extended READONLY code): that is a permission problem, not damage.
  if (code.startsWith('SQLITE_READONLY') || READ_ONLY_OS.has(code) || (code.startsWith('SQLITE_CANTOPEN') && existsSync(file) && !canWrite(file))) {
    return readOnlyError(label);
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new AppError('CORRUPT', `${label} is damaged or is not a Hearth database.`, { file: label });
  }
  if (code === 'SQLITE_CANTOPEN') return new AppError('CORRUPT', `${label} is missing or cannot be opened.`, { file: label });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new AppError('BUSY', `${label} is in use by another process.`, { file: label });
  if (code === 'SQLITE_FULL') return new AppError('DISK_FULL', 'The disk is full.', { file: label });
  return new AppError('CORRUPT', `${label} could not be opened.`, { file: label });
}

/**
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM …).
 * Kysely then sends its own ROLLBACK, which fails with "cannot rollback - no transaction is active" and
 * replaces the real error (a full disk would surface as INTERNAL). Skip the ROLLBACK when SQLite already
 * ended the transaction, so the caller sees the original error.
 */
class SqliteDialectKeepingErrors extends SqliteDialect {
  constructor(private readonly sqlite: SqliteHandle) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      if (this.sqlite.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

export function createKysely(sqlite: SqliteHandle): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialectKeepingErrors(sqlite) });
}
