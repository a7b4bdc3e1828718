// Test helper for crash.test.ts (docs/security.md#t1): opens the encrypted database exactly as Hearth does
// (SQLCipher raw key, WAL, synchronous=FULL) and inserts seq = n+1, n+2, … one transaction each,
// printing "ACK n" only after the commit returned. The parent kills this process at a random moment.
const Sqlite = require('better-sqlite3-multiple-ciphers');

const [file, key] = process.argv.slice(2);
const db = new Sqlite(file);
db.pragma("cipher='sqlcipher'");
db.pragma('legacy=4');
db.pragma(`key="x'${key}'"`);
db.pragma('journal_mode=WAL');
db.pragma('synchronous=FULL');
db.exec('CREATE TABLE IF NOT EXISTS t (seq INTEGER PRIMARY KEY, pad TEXT NOT NULL) STRICT');
const insert = db.prepare('INSERT INTO t (seq, pad) VALUES (?, ?)');
let n = db.prepare('SELECT coalesce(max(seq), 0) AS n FROM t').get().n;
const pad = 'x'.repeat(3000);
for (;;) {
  n += 1;
  db.transaction(() => insert.run(n, pad))();
  process.stdout.write(`ACK ${n}\n`);
}
