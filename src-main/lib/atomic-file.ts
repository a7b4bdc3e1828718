import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Test-only hooks to simulate a crash between the steps of an atomic write (docs/security.md#t2). */
export type AtomicStep = 'after-temp-write' | 'after-temp-sync' | 'after-rename';
export type AtomicFault = (step: AtomicStep) => void;

const TEMP_MARK = '.tmp-';

/**
 * Atomic file replace (docs/security.md#atomic-writes): write a 0600 temp file in the same folder with O_EXCL,
 * fsync it, rename it over the target, then fsync the folder. A crash at any point leaves either
 * the old file or the new one, never a mix.
 */
export async function writeFileAtomic(target: string, data: Buffer | string, fault?: AtomicFault): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `${path.basename(target)}${TEMP_MARK}${randomBytes(6).toString('hex')}`);
  let renamed = false;
  try {
    const handle = await fs.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      fault?.('after-temp-write');
      await handle.sync();
      fault?.('after-temp-sync');
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, target);
    renamed = true;
    fault?.('after-rename');
    await syncDir(dir);
  } catch (err) {
    if (!renamed) await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/** Windows: antivirus and indexers briefly hold files open; retry EPERM/EBUSY a few times. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== 'EPERM' && code !== 'EBUSY')) throw err;
      await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
    }
  }
}

export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // Directories cannot be opened for fsync on Windows.
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * How old a temp file must be before it counts as left by a crash. Another process (the app while the CLI
 * unlocks) may be between writing a temp file and renaming it this very moment: a real write takes well under
 * a second, so a minute-old temp file is an orphan (docs/security.md#t8).
 */
export const STALE_TEMP_MS = 60_000;

/** Removes temp files left by a crash mid-write (called when a profile folder is opened); returns their names. */
export async function removeStaleTempFiles(dir: string, olderThanMs = STALE_TEMP_MS): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const now = Date.now();
  const stale: string[] = [];
  for (const n of names.filter((name) => name.includes(TEMP_MARK))) {
    const stat = await fs.stat(path.join(dir, n)).catch(() => null);
    if (stat && now - stat.mtimeMs >= olderThanMs) stale.push(n);
  }
  await Promise.all(stale.map((n) => fs.rm(path.join(dir, n), { force: true })));
  return stale;
}
