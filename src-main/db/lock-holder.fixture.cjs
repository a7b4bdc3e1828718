// Test helper for the two-process tests (docs/security.md#t8): another process holding the profile's write lock.
// Opens the encrypted database as Hearth does (key from HEARTH_TEST_DB_KEY, never argv), takes the write lock
// with BEGIN IMMEDIATE, prints "LOCKED", and ends the transaction (COMMIT, "RELEASED") after HOLD_MS
// milliseconds or when a line arrives on stdin, whichever comes first.
const Sqlite = require('better-sqlite3-multiple-ciphers');

const [file, holdMs] = process.argv.slice(2);
const db = new Sqlite(file, { fileMustExist: true });
db.pragma("cipher='sqlcipher'");
db.pragma('legacy=4');
db.pragma(`key="x'${process.env.HEARTH_TEST_DB_KEY}'"`);
db.pragma('journal_mode=WAL');
db.exec('BEGIN IMMEDIATE');
db.prepare('SELECT count(*) FROM sqlite_master').get();
process.stdout.write('LOCKED\n');
let done = false;
const release = () => {
  if (done) return;
  done = true;
  db.exec('COMMIT');
  db.close();
  process.stdout.write('RELEASED\n');
  process.exit(0);
};
setTimeout(release, Number(holdMs));
process.stdin.on('data', release);
process.stdin.on('end', release);
