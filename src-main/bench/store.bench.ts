import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CACHE_KIB, openSqlite, type SqliteHandle } from '../db/connection';
import { createdAtOf, ftsQueries, journalRows, type JournalRow } from './journal-data';
import { compared, median, seededRandom, timeSync, type Measurement } from './measure';

/**
 * The journal-like store: the same rows, schema and queries in an encrypted file (SQLCipher raw key
 * through openSqlite) and in a plain file (same library, keyPragma null), measured in turn in the
 * same run. Reads are repeated at several page-cache sizes to size DEFAULT_CACHE_KIB.
 */
export interface StoreBenchOptions {
  dir: string;
  rows: number;
  /** Rows per bulk-insert transaction. */
  chunk: number;
  singleInserts: number;
  pointReads: number;
  rangeReads: number;
  ftsSearches: number;
  /** Timed passes per read workload (after one warm-up pass); the median pass is reported. */
  rounds: number;
  cacheSizesKiB: number[];
}

export const READ_MIN_RATIO = 0.9;
export const WRITE_MIN_RATIO = 0.5;
const RANGE_ROWS = 100;
const GROUP_WRITE = 'Store writes (encrypted vs plain, synchronous=FULL, WAL)';
const groupRead = (kib: number) => `Store reads, warm, cache_size ${kib / 1024} MiB`;

const SCHEMA = [
  `CREATE TABLE journal_entries (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`,
  'CREATE INDEX journal_entries_by_created_at ON journal_entries (created_at)',
  `CREATE VIRTUAL TABLE journal_entries_fts USING fts5(title, body, content='journal_entries', content_rowid='rowid')`,
  `CREATE TRIGGER journal_entries_fts_insert AFTER INSERT ON journal_entries BEGIN
    INSERT INTO journal_entries_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
  END`,
];
const INSERT = 'INSERT INTO journal_entries (id, title, body, created_at) VALUES (@id, @title, @body, @created_at)';
const POINT = 'SELECT id, title, body, created_at FROM journal_entries WHERE id = ?';
const RANGE = 'SELECT id, title, body, created_at FROM journal_entries WHERE created_at >= ? AND created_at < ? ORDER BY created_at';
const FTS = `SELECT e.id, e.title, e.created_at FROM journal_entries_fts f JOIN journal_entries e ON e.rowid = f.rowid
  WHERE journal_entries_fts MATCH ? ORDER BY f.rank LIMIT 20`;

interface Pair {
  enc: SqliteHandle;
  plain: SqliteHandle;
}

export interface StoreBenchResult {
  measurements: Measurement[];
  /** Per cache size: whether every read met READ_MIN_RATIO. */
  cacheVerdicts: { cacheKiB: number; readsPass: boolean; worstReadRatio: number }[];
  /** File sizes after the writes, checkpointed: the working set the page cache is measured against. */
  fileBytes: { enc: number; plain: number };
}

export function benchStore(opts: StoreBenchOptions): StoreBenchResult {
  const files = { enc: path.join(opts.dir, 'journal-enc.db'), plain: path.join(opts.dir, 'journal-plain.db') };
  const keyPragma = `x'${randomBytes(32).toString('hex')}'`;
  const open = (cacheKiB: number, create: boolean): Pair => ({
    enc: openSqlite(files.enc, { keyPragma, label: 'journal-enc.db', create, cacheKiB }),
    plain: openSqlite(files.plain, { keyPragma: null, label: 'journal-plain.db', create, cacheKiB }),
  });

  const writer = open(opts.cacheSizesKiB[0]!, true);
  const measurements = [...benchWrites(writer, opts)];
  close(writer);
  const fileBytes = { enc: statSync(files.enc).size, plain: statSync(files.plain).size };

  const ids = sampleIds(files.plain, opts.rows);
  const cacheVerdicts: StoreBenchResult['cacheVerdicts'] = [];
  for (const kib of opts.cacheSizesKiB) {
    const pair = open(kib, false);
    try {
      const rows = benchReads(pair, ids, kib, opts);
      cacheVerdicts.push({ cacheKiB: kib, readsPass: rows.every((r) => r.pass), worstReadRatio: Math.min(...rows.map((r) => r.ratio ?? 0)) });
      // Only the shipped cache size is held to the target; the others are there to size it.
      measurements.push(...(kib === DEFAULT_CACHE_KIB ? rows : rows.map((r) => ({ ...r, target: 'sizing', pass: undefined }))));
    } finally {
      close(pair);
    }
  }
  return { measurements, cacheVerdicts, fileBytes };
}

function close(pair: Pair): void {
  for (const db of [pair.enc, pair.plain]) {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }
}

/** Bulk insert in `chunk`-row transactions, then single-row autocommit inserts, alternating the files. */
function benchWrites(pair: Pair, opts: StoreBenchOptions): Measurement[] {
  for (const db of [pair.enc, pair.plain]) for (const ddl of SCHEMA) db.exec(ddl);
  const bulk = { enc: 0, plain: 0 };
  for (let first = 0; first < opts.rows; first += opts.chunk) {
    const rows = journalRows(first, Math.min(opts.chunk, opts.rows - first));
    bulk.enc += insertInOneTransaction(pair.enc, rows);
    bulk.plain += insertInOneTransaction(pair.plain, rows);
  }
  const single = { enc: 0, plain: 0 };
  const block = 100;
  for (let first = 0; first < opts.singleInserts; first += block) {
    const rows = journalRows(opts.rows + first, Math.min(block, opts.singleInserts - first));
    single.enc += insertOneByOne(pair.enc, rows);
    single.plain += insertOneByOne(pair.plain, rows);
  }
  const perSecond = (count: number, ms: number) => (count * 1000) / ms;
  return [
    compared(
      GROUP_WRITE,
      `bulk insert ${opts.rows / 1000}k rows + FTS (${opts.chunk / 1000}k rows/txn), rows/s`,
      perSecond(opts.rows, bulk.enc),
      perSecond(opts.rows, bulk.plain),
      'ops/s',
      WRITE_MIN_RATIO,
    ),
    compared(
      GROUP_WRITE,
      `single-row INSERT transactions (${opts.singleInserts}), txn/s`,
      perSecond(opts.singleInserts, single.enc),
      perSecond(opts.singleInserts, single.plain),
      'ops/s',
      WRITE_MIN_RATIO,
    ),
  ];
}

function insertInOneTransaction(db: SqliteHandle, rows: JournalRow[]): number {
  const insert = db.prepare(INSERT);
  const all = db.transaction((rs: JournalRow[]) => {
    for (const r of rs) insert.run(r);
  });
  return timeSync(() => all(rows));
}

function insertOneByOne(db: SqliteHandle, rows: JournalRow[]): number {
  const insert = db.prepare(INSERT);
  return timeSync(() => {
    for (const r of rows) insert.run(r);
  });
}

function sampleIds(plainFile: string, rows: number): string[] {
  const db = openSqlite(plainFile, { keyPragma: null, label: 'journal-plain.db', create: false });
  try {
    return db.prepare('SELECT id FROM journal_entries ORDER BY created_at LIMIT ?').pluck().all(rows) as string[];
  } finally {
    db.close();
  }
}

interface ReadWorkload {
  name: string;
  sql: string;
  inputs: unknown[][];
  all: boolean;
}

/** Point, range and FTS reads at one cache size; each warmed once, then timed `rounds` times per file. */
function benchReads(pair: Pair, ids: string[], cacheKiB: number, opts: StoreBenchOptions): Measurement[] {
  const rand = seededRandom(cacheKiB);
  const workloads: ReadWorkload[] = [
    {
      name: `point read by id (${opts.pointReads / 1000}k random ids)`,
      sql: POINT,
      all: false,
      inputs: Array.from({ length: opts.pointReads }, () => [ids[Math.floor(rand() * ids.length)]!]),
    },
    {
      name: `range read, ${RANGE_ROWS} rows by created_at (${opts.rangeReads} ranges)`,
      sql: RANGE,
      all: true,
      inputs: Array.from({ length: opts.rangeReads }, () => {
        const start = Math.floor(rand() * (opts.rows - RANGE_ROWS));
        return [createdAtOf(start), createdAtOf(start + RANGE_ROWS)];
      }),
    },
    { name: `FTS5 MATCH, ORDER BY rank LIMIT 20 (${opts.ftsSearches} queries)`, sql: FTS, all: true, inputs: ftsQueries(opts.ftsSearches).map((q) => [q]) },
  ];
  for (const db of [pair.enc, pair.plain]) warmTable(db);
  return workloads.map((w) => {
    const run = (db: SqliteHandle) => {
      const stmt = db.prepare(w.sql);
      return timeSync(() => {
        for (const args of w.inputs) {
          if (w.all) stmt.all(...args);
          else stmt.get(...args);
        }
      });
    };
    run(pair.enc);
    run(pair.plain);
    const enc: number[] = [];
    const plain: number[] = [];
    for (let r = 0; r < opts.rounds; r++) {
      // Alternate which file goes first, so drift (thermal, neighbours) does not favour one side.
      if (r % 2 === 0) {
        enc.push(run(pair.enc));
        plain.push(run(pair.plain));
      } else {
        plain.push(run(pair.plain));
        enc.push(run(pair.enc));
      }
    }
    const n = w.inputs.length;
    return compared(groupRead(cacheKiB), w.name, median(enc) / n, median(plain) / n, 'ms/op', READ_MIN_RATIO);
  });
}

/** Pulls the table, its created_at index and the FTS index through the page cache once. */
function warmTable(db: SqliteHandle): void {
  db.prepare('SELECT sum(length(title)) + sum(length(body)) FROM journal_entries').get();
  db.prepare('SELECT count(*) FROM journal_entries INDEXED BY journal_entries_by_created_at WHERE created_at >= ?').get('');
  db.prepare('SELECT sum(length(block)) FROM journal_entries_fts_data').get();
}
