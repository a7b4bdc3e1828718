import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RestoreResult } from '../../../src-shared/domains/backup/backup.schemas';
import type { ProfileSummary } from '../../../src-shared/domains/profile/profile.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { wipe } from '../../crypto/cipher';
import type { KdfCost } from '../../crypto/kdf';
import { syncDir } from '../../lib/atomic-file';
import { newId } from '../../lib/ids';
import { BUILDING_PREFIX, sealProfileFolder } from '../../profile/profile-from-dek';
import { BLOBS_DIR, DATABASE_FILE } from '../../profile/profile-store';
import { migrations } from '../../db/migrations';
import { copyFileHashed } from './backup-blobs';
import { openBackup, readBody, type BackupSecret } from './backup-body';
import { damagedBackup } from './backup-format';
import { backupBlobPath, PARTIAL } from './backup-paths';

export interface RestoreRequest {
  file: string;
  secret: BackupSecret;
  name?: string;
  /** The new profile's master password (required with a recovery key; else the backup's password is kept). */
  newPassword?: string;
  /** The profile root (ProfileStore.root) and the KDF cost for the new keyring. */
  root: string;
  kdfCost: KdfCost;
  now: number;
}

const RESTORING = BUILDING_PREFIX;
/** A `.restoring-*` folder older than this was left by a crash (a restore takes minutes, not a day). */
const STALE_MS = 24 * 3600_000;

/**
 * Restores a backup into a NEW profile (new id; never over an existing one), built in `<root>/.restoring-<id>`
 * (which the profile list ignores) and renamed into place only when whole: the database streamed out of the
 * authenticated body, every stored file copied and checked against the manifest's SHA-256, a new keyring for the
 * new id wrapping the same data key (with a new recovery key), profile.json. The database is then opened the way
 * unlock opens it, so the migrator upgrades a backup from an older Hearth. Any failure removes the folder.
 */
export async function restoreBackup(req: RestoreRequest): Promise<RestoreResult> {
  if ('recoveryKey' in req.secret && !req.newPassword) {
    throw new AppError('INVALID_INPUT', 'Restoring with the recovery key needs a new master password for the restored profile.', {
      issues: [{ path: 'newPassword', message: 'Required with a recovery key' }],
    });
  }
  const password = req.newPassword ?? ('password' in req.secret ? req.secret.password : '');
  const opened = await openBackup(req.file, req.secret);
  const id = newId();
  const building = path.join(req.root, `${RESTORING}${id}`);
  try {
    await removeStaleRestores(req.root, req.now);
    await fs.mkdir(req.root, { recursive: true, mode: 0o700 });
    await fs.mkdir(path.join(building, BLOBS_DIR), { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') for (const d of [building, path.join(building, BLOBS_DIR)]) await fs.chmod(d, 0o700);

    const dbTemp = path.join(building, `${DATABASE_FILE}${PARTIAL}`);
    const out = await fs.open(dbTemp, 'wx', 0o600);
    let body;
    try {
      body = await readBody(opened, async (chunk) => void (await out.write(chunk)));
      await out.sync();
    } finally {
      await out.close();
    }
    await fs.rename(dbTemp, path.join(building, DATABASE_FILE));

    const dir = path.dirname(req.file);
    for (const [blobId, size, sha256] of body.manifest.blobs) {
      const copied = await copyFileHashed(backupBlobPath(dir, blobId), path.join(building, BLOBS_DIR, blobId.slice(0, 2), blobId)).catch(
        (err: NodeJS.ErrnoException) => {
          if (err.code === 'ENOENT') throw damagedBackup(req.file, `stored file ${blobId.slice(0, 12)}… is missing from its blobs folder`);
          throw err;
        },
      );
      if (copied.size !== size || copied.sha256 !== sha256)
        throw damagedBackup(req.file, `stored file ${blobId.slice(0, 12)}… does not match its recorded SHA-256`);
    }

    const createdAt = new Date(req.now).toISOString();
    const profile: ProfileSummary = { id, name: req.name ?? `${opened.header.profileName} (restored ${createdAt.slice(0, 10)})`, createdAt };
    // A new keyring for the same data key, then the unlock path's open: migrated to this build's schema, then closed.
    const { recoveryKey } = await sealProfileFolder(building, profile, opened.dek, password, req.kdfCost, false);
    await fs.rename(building, path.join(req.root, id));
    await syncDir(req.root);
    return {
      profile,
      recoveryKey,
      migrated: Math.max(0, migrations.length - opened.header.schemaVersion),
      blobsRestored: body.manifest.blobs.length,
    };
  } catch (err) {
    await fs.rm(building, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  } finally {
    wipe(opened.dek);
  }
}

async function removeStaleRestores(root: string, now: number): Promise<void> {
  for (const name of await fs.readdir(root).catch(() => [] as string[])) {
    if (!name.startsWith(RESTORING)) continue;
    const stat = await fs.stat(path.join(root, name)).catch(() => null);
    if (stat && now - stat.mtimeMs > STALE_MS) await fs.rm(path.join(root, name), { recursive: true, force: true });
  }
}
