import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/ipc/result';

export const KEYRING_LOCK_FILE = 'keyring.lock';
/** A lock older than this is left over from a crash even if its pid was reused. */
export const STALE_LOCK_MS = 10 * 60_000;
/** A lock file that does not parse yet may be one being written this instant. */
const UNREADABLE_GRACE_MS = 5_000;

interface LockInfo {
  pid: number;
  at: number;
  token: string;
}

const busy = () =>
  new AppError('BUSY', 'Another Hearth window or command is changing this profile\u2019s keys. Try again in a moment.', { file: KEYRING_LOCK_FILE });

/**
 * Keyring read-modify-write under an exclusive lock file (created with O_EXCL), held across the key
 * derivation, so two processes changing the keyring at once cannot both succeed with one change lost:
 * the second gets BUSY. A lock whose process is gone, or that is older than STALE_LOCK_MS, is taken over.
 */
export async function withKeyringLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const file = path.join(dir, KEYRING_LOCK_FILE);
  const token = await acquire(file);
  try {
    return await work();
  } finally {
    // Remove only our own lock: if it was taken over as stale, it is not ours any more.
    const info = await readLock(file);
    if (info?.token === token) await fs.rm(file, { force: true });
  }
}

async function acquire(file: string): Promise<string> {
  const token = randomBytes(12).toString('hex');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await fs.open(file, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, at: Date.now(), token } satisfies LockInfo));
      } catch (err) {
        // A full disk creates the file but not its content: remove the empty lock, or the next try is BUSY (docs/security.md#t7).
        await handle.close();
        await fs.rm(file, { force: true });
        throw err;
      }
      await handle.close();
      return token;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (attempt > 0 || !(await takeOverStale(file))) throw busy();
    }
  }
  throw busy();
}

async function readLock(file: string): Promise<LockInfo | null> {
  try {
    const info = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<LockInfo>;
    if (typeof info.pid === 'number' && typeof info.at === 'number' && typeof info.token === 'string') return info as LockInfo;
  } catch {
    // missing or half-written
  }
  return null;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Moves a stale lock aside (rename is atomic, so only one taker wins); true when it was stale. */
async function takeOverStale(file: string): Promise<boolean> {
  const info = await readLock(file);
  const stat = await fs.stat(file).catch(() => null);
  if (!stat) return true; // released meanwhile: try again
  const age = Date.now() - (info?.at ?? stat.mtimeMs);
  const stale = info ? age > STALE_LOCK_MS || !processAlive(info.pid) : age > UNREADABLE_GRACE_MS;
  if (!stale) return false;
  const aside = `${file}.stale-${randomBytes(6).toString('hex')}`;
  try {
    await fs.rename(file, aside);
  } catch {
    return false; // someone else took it over first
  }
  const moved = await readLock(aside);
  if (info && moved?.token !== info.token) {
    // It changed between our check and the rename: a live lock. Put it back (never over a newer one).
    await fs.link(aside, file).catch(() => undefined);
    await fs.rm(aside, { force: true });
    return false;
  }
  await fs.rm(aside, { force: true });
  return true;
}
