/**
 * Test support for file-system faults (docs/security.md#t6, #t7): small scratch file systems a test mounts
 * itself — a tmpfs of a few MiB, or an ext4 loop image that can be made to fail like a dying USB stick —
 * plus filling one to the last byte. Mounting needs root on Linux (CI runs as root); elsewhere the tests
 * using these helpers are skipped with the reason printed once.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, rmdirSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ScratchMount {
  /** The mount point. */
  dir: string;
  remountReadOnly(): void;
  remountReadWrite(): void;
  /** Fills the file system to its last byte with one file (returned); `unfill` deletes it. */
  fill(): string;
  unfill(): void;
  /** Unmounts and removes the mount point and any image; safe to call twice. */
  unmount(): void;
}

export interface Ext4Mount extends ScratchMount {
  /** Makes the kernel record a file-system error: with errors=remount-ro the mount turns read-only at once, open files included. */
  failToReadOnly(): void;
}

function run(cmd: string, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stderr ?? ''}${r.stdout ?? ''}${r.error?.message ?? ''}`.trim() };
}

function must(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${(r.stderr || r.error?.message || '').trim()}`);
  return r.stdout.trim();
}

const mountPoint = (): string => mkdtempSync(path.join(os.tmpdir(), 'hearth-mnt-'));

/** Why scratch mounts cannot be made here, or null when they can (probed once with a 1 MiB tmpfs). */
export const MOUNT_SKIP_REASON: string | null = ((): string | null => {
  if (process.platform !== 'linux') return `skipped: scratch file systems need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'skipped: mounting a scratch tmpfs needs root (CI runs .ci/run as root)';
  const dir = mountPoint();
  try {
    const r = run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
    if (!r.ok) return `skipped: mount -t tmpfs is not permitted here (${r.out.split('\n')[0]})`;
    run('umount', [dir]);
    return null;
  } finally {
    rmdirSync(dir);
  }
})();

/** Why ext4 loop images cannot be made here, or null. */
export const EXT4_SKIP_REASON: string | null = ((): string | null => {
  if (MOUNT_SKIP_REASON) return MOUNT_SKIP_REASON;
  for (const tool of ['mkfs.ext4', 'losetup']) if (!run('which', [tool]).ok) return `skipped: ${tool} is not installed`;
  if (!existsSync('/sys/fs/ext4')) return 'skipped: the kernel has no ext4 (no /sys/fs/ext4)';
  const free = run('losetup', ['-f']);
  if (!free.ok) return `skipped: no free loop device (${free.out.split('\n')[0]})`;
  return null;
})();

let announced = false;
/** Prints the skip reason once per test file (so a skipped fault test is visible in the output). */
export function announceSkip(reason: string | null): void {
  if (reason && !announced) console.warn(reason);
  announced ||= reason !== null;
}

function scratch(dir: string, cleanup: () => void): ScratchMount {
  const fillFile = path.join(dir, 'fill.bin');
  let mounted = true;
  return {
    dir,
    remountReadOnly: () => must('mount', ['-o', 'remount,ro', dir]),
    remountReadWrite: () => must('mount', ['-o', 'remount,rw', dir]),
    fill: () => {
      fillUp(fillFile);
      return fillFile;
    },
    unfill: () => rmSync(fillFile, { force: true }),
    unmount: () => {
      if (!mounted) return;
      mounted = false;
      // Lazy: a handle a failed test left open must not keep the mount (and this test run) hanging.
      run('umount', ['-l', dir]);
      cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A tmpfs of `sizeMiB` at a fresh mount point, owner-only. */
export function mountTmpfs(sizeMiB: number): ScratchMount {
  const dir = mountPoint();
  must('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m,mode=0700`, 'tmpfs', dir]);
  return scratch(dir, () => undefined);
}

/** An ext4 image of `sizeMiB` on a loop device, mounted with errors=remount-ro. */
export function mountExt4(sizeMiB: number): Ext4Mount {
  const dir = mountPoint();
  const image = `${dir}.img`;
  writeFileSync(image, '');
  must('truncate', ['-s', `${sizeMiB}M`, image]);
  must('mkfs.ext4', ['-q', '-F', image]);
  const loop = must('losetup', ['-f', '--show', image]);
  const detach = (): void => {
    run('losetup', ['-d', loop]);
    rmSync(image, { force: true });
  };
  try {
    must('mount', ['-o', 'errors=remount-ro', loop, dir]);
  } catch (err) {
    detach();
    throw err;
  }
  const base = scratch(dir, detach);
  const trigger = `/sys/fs/ext4/${path.basename(loop)}/trigger_fs_error`;
  return {
    ...base,
    failToReadOnly: () => {
      if (!existsSync(trigger)) throw new Error(`${trigger} is missing: this kernel cannot inject an ext4 error`);
      writeFileSync(trigger, 'hearth test: simulated media failure');
    },
  };
}

/** Writes `file` until the file system refuses another byte (ENOSPC), in ever smaller pieces. */
export function fillUp(file: string): void {
  const fd = openSync(file, 'a');
  try {
    for (const size of [1 << 20, 64 << 10, 4 << 10, 512, 1]) {
      const chunk = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          if (writeSync(fd, chunk) < size) break;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw err;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Every regular file under `dir`, as sorted paths relative to it (to show a failed write left nothing behind). */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}
