import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../src-shared/ipc/result';

/**
 * One backup run per profile folder at a time, across processes (the app's schedule and `hearth backup now`):
 * `run.lock` created with O_EXCL holding the pid and host name. A lock whose process is gone (kill -9, power
 * cut) is taken over; so is one from another computer (a synced folder) older than six hours.
 */
const LOCK = 'run.lock';
const FOREIGN_STALE_MS = 6 * 3600_000;

export async function ensureOwnerOnlyDir(dir: string): Promise<void> {
  await fs.mkdir(path.dirname(dir), { recursive: true, mode: 0o700 });
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') await fs.chmod(dir, 0o700);
}

export async function withFolderLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  await ensureOwnerOnlyDir(dir);
  const file = path.join(dir, LOCK);
  await acquire(file, true);
  try {
    return await fn();
  } finally {
    await fs.rm(file, { force: true }).catch(() => undefined);
  }
}

async function acquire(file: string, retry: boolean): Promise<void> {
  try {
    const fh = await fs.open(file, 'wx', 0o600);
    try {
      await fh.writeFile(JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString() }));
    } catch (err) {
      // A full disk creates the file but not its content: leave no empty lock behind (docs/security.md#t7).
      await fh.close();
      await fs.rm(file, { force: true });
      throw err;
    }
    await fh.close();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !retry || !(await isStale(file))) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST')
        throw new AppError('BUSY', 'Another backup of this profile is running (in the app or a hearth command). Try again when it has finished.');
      throw err;
    }
    await fs.rm(file, { force: true });
    await acquire(file, false);
  }
}

async function isStale(file: string): Promise<boolean> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)]);
    const held = JSON.parse(text) as { pid?: unknown; host?: unknown };
    if (held.host !== os.hostname()) return Date.now() - stat.mtimeMs > FOREIGN_STALE_MS;
    return typeof held.pid !== 'number' || !alive(held.pid);
  } catch {
    return true; // unreadable: a crash between create and write
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
