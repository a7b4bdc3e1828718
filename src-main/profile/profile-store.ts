import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ProfileSummary } from '../../src-shared/domains/profile/profile.schemas';
import { AppError } from '../../src-shared/ipc/result';
import { isUlid } from '../../src-shared/lib/ids';
import { writeFileAtomic, type AtomicFault } from '../lib/atomic-file';
import { log } from '../lib/log';
import { KEYRING_FILE, parseKeyring, serializeKeyring, type Keyring } from './keyring';

/**
 * A profile is a folder named by its id under the profile root:
 *   profile.json   plaintext name and creation date (shown before unlock)
 *   keyring.json   KDF parameters and the wrapped data key
 *   hearth.db      the SQLCipher database (+ -wal / -shm while open)
 *   blobs/         encrypted files, later
 */
export const PROFILE_FILE = 'profile.json';
export const DATABASE_FILE = 'hearth.db';
export const BLOBS_DIR = 'blobs';

const ProfileMeta = z.strictObject({ id: z.string(), name: z.string().max(200), createdAt: z.string().max(40) });

const ownerOnlyDir = (dir: string): Promise<void> => (process.platform === 'win32' ? Promise.resolve() : fs.chmod(dir, 0o700));

export class ProfileStore {
  constructor(readonly root: string) {}

  dir(id: string): string {
    // SECURITY: ids come from clients; only ULIDs ever name a folder, so no path can escape the root.
    if (!isUlid(id)) throw new AppError('NOT_FOUND', 'No such profile.');
    return path.join(this.root, id);
  }

  databasePath(id: string): string {
    return path.join(this.dir(id), DATABASE_FILE);
  }

  async list(): Promise<ProfileSummary[]> {
    const names = await fs.readdir(this.root).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [] as string[];
      throw err;
    });
    const out: ProfileSummary[] = [];
    for (const name of names.filter(isUlid).sort()) {
      const meta = await this.readMeta(name).catch((err: unknown) => {
        log.warn(`[profile] skipping ${name}: ${(err as Error).message}`);
        return null;
      });
      if (meta) out.push(meta);
    }
    return out;
  }

  async get(id: string): Promise<ProfileSummary> {
    try {
      return await this.readMeta(id);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', 'No such profile.');
      throw err;
    }
  }

  private async readMeta(id: string): Promise<ProfileSummary> {
    const text = await fs.readFile(path.join(this.dir(id), PROFILE_FILE), 'utf8');
    let parsed: z.infer<typeof ProfileMeta>;
    try {
      parsed = ProfileMeta.parse(JSON.parse(text));
    } catch {
      throw new AppError('CORRUPT', `${PROFILE_FILE} is damaged.`, { file: PROFILE_FILE });
    }
    if (parsed.id !== id) throw new AppError('CORRUPT', `${PROFILE_FILE} belongs to another profile.`, { file: PROFILE_FILE });
    return parsed;
  }

  async writeMeta(meta: ProfileSummary): Promise<void> {
    await writeFileAtomic(path.join(this.dir(meta.id), PROFILE_FILE), `${JSON.stringify(meta, null, 2)}\n`);
  }

  /** Reads and validates the keyring; missing, empty or malformed is CORRUPT naming the file. */
  async readKeyring(id: string): Promise<Keyring> {
    const file = path.join(this.dir(id), KEYRING_FILE);
    let text: string;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) throw new AppError('CORRUPT', `${KEYRING_FILE} is not a file.`, { file: KEYRING_FILE });
      if (stat.size > 64 * 1024) throw new AppError('CORRUPT', `${KEYRING_FILE} is far too large to be a key file.`, { file: KEYRING_FILE });
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      if (err instanceof AppError) throw err;
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new AppError('CORRUPT', `${KEYRING_FILE} is missing, so this profile cannot be unlocked. Restore it from a backup.`, { file: KEYRING_FILE });
      }
      throw err;
    }
    const keyring = parseKeyring(text);
    if (keyring.profileId !== id) throw new AppError('CORRUPT', `${KEYRING_FILE} belongs to another profile.`, { file: KEYRING_FILE });
    return keyring;
  }

  async writeKeyring(id: string, keyring: Keyring, fault?: AtomicFault): Promise<void> {
    await writeFileAtomic(path.join(this.dir(id), KEYRING_FILE), serializeKeyring(keyring), fault);
  }

  /** SECURITY: folders are 0700 whatever the umask (mkdir's mode is masked by it, chmod is not). */
  async createFolder(id: string): Promise<string> {
    const madeRoot = await fs.mkdir(this.root, { recursive: true, mode: 0o700 });
    if (madeRoot !== undefined) await ownerOnlyDir(this.root);
    const dir = this.dir(id);
    await fs.mkdir(dir, { mode: 0o700 });
    await ownerOnlyDir(dir);
    await fs.mkdir(path.join(dir, BLOBS_DIR), { mode: 0o700 });
    await ownerOnlyDir(path.join(dir, BLOBS_DIR));
    return dir;
  }

  /** Moves the folder aside first, so a crash mid-delete never leaves a half profile in the list. */
  async removeFolder(id: string): Promise<void> {
    const dir = this.dir(id);
    const trash = path.join(this.root, `.deleting-${id}`);
    await fs.rename(dir, trash);
    await fs.rm(trash, { recursive: true, force: true });
  }
}
