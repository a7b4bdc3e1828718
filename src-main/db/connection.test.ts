import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { tempRoot } from '../test/helpers';
import { openSqlite } from './connection';

const rawKey = () => `x'${randomBytes(32).toString('hex')}'`;

describe('db.connection', () => {
  it('honours the raw-key syntax: only the same raw key opens the file', () => {
    const file = path.join(tempRoot(), 'raw.db');
    const key = rawKey();
    const db = openSqlite(file, { keyPragma: key, label: 'raw.db', create: true });
    db.exec("CREATE TABLE t (v TEXT) STRICT; INSERT INTO t VALUES ('hello')");
    db.close();

    const again = openSqlite(file, { keyPragma: key, label: 'raw.db', create: false });
    expect(again.prepare('SELECT v FROM t').get()).toEqual({ v: 'hello' });
    again.close();

    expect(() => openSqlite(file, { keyPragma: rawKey(), label: 'raw.db', create: false })).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
    // If the x'…' form were taken as a passphrase, the hex digits as a passphrase would differ from
    // the raw key; opening with the bare hex as a passphrase must fail too.
    const hexOnly = key.slice(2, -1);
    const asPassphrase = new Sqlite(file);
    asPassphrase.pragma(`cipher='sqlcipher'`);
    asPassphrase.pragma('legacy=4');
    asPassphrase.pragma(`key='${hexOnly}'`);
    expect(() => asPassphrase.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    asPassphrase.close();
  });

  it('writes a SQLCipher v4 file: no plaintext header, readable with the sqlcipher cipher only', () => {
    const file = path.join(tempRoot(), 'v4.db');
    const key = rawKey();
    const db = openSqlite(file, { keyPragma: key, label: 'v4.db', create: true });
    db.exec('CREATE TABLE t (v TEXT) STRICT');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3');

    // The default SQLite3MC cipher (not sqlcipher) with the same key cannot read it.
    const other = new Sqlite(file);
    other.pragma(`key="${key}"`);
    expect(() => other.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow();
    other.close();
  });

  it('refuses to treat a missing file as a new database when not creating', () => {
    const file = path.join(tempRoot(), 'missing.db');
    expect(() => openSqlite(file, { keyPragma: rawKey(), label: 'missing.db', create: false })).toThrow(
      expect.objectContaining({ code: 'CORRUPT', file: 'missing.db' }),
    );
  });
});
