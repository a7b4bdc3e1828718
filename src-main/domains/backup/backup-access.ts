import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CallContext } from '../../../src-shared/ipc/define';
import { AppError } from '../../../src-shared/ipc/result';
import { BACKUP_EXT } from './backup-format';

/**
 * SECURITY: which paths a caller may name (docs/architecture.md#backups). The CLI, tests and browser mode (a person
 * typing a path on their own computer) may name any absolute folder or file. The desktop renderer may only use a
 * folder that main's own folder dialog returned in this process or the configured backup folder, and a backup
 * file inside one of those: script injected into the page cannot point main at arbitrary paths.
 */
export interface PathGuard {
  /** A folder the user chose in main's dialog. */
  remember(folder: string): void;
  folder(folder: string, call: CallContext, configured: string | null): Promise<string>;
  file(file: string, call: CallContext, configured: string | null): Promise<string>;
}

/** The path with every symbolic link resolved, also for a file that does not exist (yet): through its nearest existing parent. */
async function real(p: string): Promise<string> {
  const abs = path.resolve(p);
  try {
    return await fs.realpath(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(await real(parent), path.basename(abs));
  }
}

const inside = (child: string, parent: string): boolean => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

export function createPathGuard(): PathGuard {
  const picked = new Set<string>();
  const allowed = async (configured: string | null): Promise<string[]> => Promise.all([...picked, ...(configured ? [configured] : [])].map(real));
  const absolute = (p: string, what: string): string => {
    if (!path.isAbsolute(p)) throw new AppError('INVALID_INPUT', `Give the ${what} as an absolute path.`);
    return path.resolve(p);
  };
  return {
    remember: (folder) => void picked.add(path.resolve(folder)),
    async folder(folder, call, configured) {
      const resolved = absolute(folder, 'backup folder');
      if (call.transport !== 'electron') return resolved;
      const target = await real(resolved);
      if (!(await allowed(configured)).includes(target)) throw new AppError('FORBIDDEN', 'Choose the backup folder with the folder dialog.');
      return resolved;
    },
    async file(file, call, configured) {
      const resolved = absolute(file, 'backup file');
      if (call.transport !== 'electron') return resolved;
      const target = await real(resolved);
      if (!target.endsWith(BACKUP_EXT) || !(await allowed(configured)).some((dir) => inside(target, dir))) {
        throw new AppError('FORBIDDEN', 'Choose a backup from a folder picked with the folder dialog.');
      }
      return resolved;
    },
  };
}
