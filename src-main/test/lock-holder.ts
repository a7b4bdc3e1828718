import { spawn } from 'node:child_process';
import path from 'node:path';

/** Another process holding a profile database's write lock (src-main/db/lock-holder.fixture.cjs). */
export interface LockHolder {
  /** Ends the holder's transaction now; resolves when the holder has released and exited. */
  release(): Promise<void>;
  /** Resolves when the holder has released (after its hold time, or release()). */
  released: Promise<void>;
}

const FIXTURE = path.resolve(import.meta.dirname, '../db/lock-holder.fixture.cjs');

/** Starts a process that takes the write lock (BEGIN IMMEDIATE) on `dbFile` and keeps it for `holdMs`; resolves once it holds it. */
export function holdWriteLock(dbFile: string, keyHex: string, holdMs: number): Promise<LockHolder> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [FIXTURE, dbFile, String(holdMs)], {
      env: { ...process.env, HEARTH_TEST_DB_KEY: keyHex },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const released = new Promise<void>((done) => child.on('exit', () => done()));
    child.stdin.on('error', () => undefined); // released already: nothing to tell
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('LOCKED\n')) resolve({ released, release: () => (child.stdin.end('release\n'), released) });
    });
    child.on('exit', (code) => {
      if (!out.includes('LOCKED\n')) reject(new Error(`lock holder exited (${code}) before taking the lock: ${err}`));
    });
  });
}
