import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ProfileSummary } from '../../src-shared/domains/profile/profile.schemas';
import type { KdfCost } from '../crypto/kdf';
import { syncDir, writeFileAtomic } from '../lib/atomic-file';
import { newId } from '../lib/ids';
import { KEYRING_FILE, keyringForDek, serializeKeyring } from './keyring';
import { BLOBS_DIR, DATABASE_FILE, PROFILE_FILE } from './profile-store';
import { ProfileSession } from './session';

/** A folder being built under the root: the profile list shows only ULID-named folders, so it stays hidden until renamed. */
export const BUILDING_PREFIX = '.restoring-';

/**
 * Finishes a profile folder being built around an existing data key (a restored backup, or a device joining a synced
 * account): a keyring for the new profile id wrapping that key under `password` (with a fresh recovery key),
 * profile.json, and the database opened the way unlock opens it (`create`: a new empty database; otherwise the one
 * already in the folder, which the migrator upgrades), then closed. The caller owns and wipes `dek`.
 */
export async function sealProfileFolder(
  dir: string,
  profile: ProfileSummary,
  dek: Buffer,
  password: string,
  kdfCost: KdfCost,
  create: boolean,
): Promise<{ recoveryKey: string }> {
  const { keyring, recoveryKey } = await keyringForDek(profile.id, dek, password, kdfCost, profile.createdAt);
  await writeFileAtomic(path.join(dir, KEYRING_FILE), serializeKeyring(keyring));
  await writeFileAtomic(path.join(dir, PROFILE_FILE), `${JSON.stringify(profile, null, 2)}\n`);
  const session = await ProfileSession.open(profile, dir, path.join(dir, DATABASE_FILE), dek, create);
  session.close();
  return { recoveryKey };
}

export interface ProfileFromDekRequest {
  /** The profile root (ProfileStore.root). */
  root: string;
  name: string;
  /** The account's data key (unwrapped from the synced keyring); not wiped here. */
  dek: Buffer;
  /** The master password that will unlock the new profile (the account's, so one password opens every device). */
  password: string;
  kdfCost: KdfCost;
  now: number;
}

/**
 * A new, empty local profile whose keyring wraps a GIVEN data key (docs/sync.md#joining): the second device of a
 * synced account must hold the same data key as the first, because every device-side key (items, files, sync
 * envelopes) is derived from it. Built in a hidden folder and renamed into place only when whole; any failure
 * removes it. Returns the profile and its new recovery key (per device: the recovery key wraps this device's copy).
 */
export async function createProfileFromDek(req: ProfileFromDekRequest): Promise<{ profile: ProfileSummary; recoveryKey: string }> {
  const id = newId();
  const building = path.join(req.root, `${BUILDING_PREFIX}${id}`);
  try {
    await fs.mkdir(req.root, { recursive: true, mode: 0o700 });
    await fs.mkdir(path.join(building, BLOBS_DIR), { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') for (const d of [building, path.join(building, BLOBS_DIR)]) await fs.chmod(d, 0o700);
    const profile: ProfileSummary = { id, name: req.name.trim(), createdAt: new Date(req.now).toISOString() };
    const { recoveryKey } = await sealProfileFolder(building, profile, req.dek, req.password, req.kdfCost, true);
    await fs.rename(building, path.join(req.root, id));
    await syncDir(req.root);
    return { profile, recoveryKey };
  } catch (err) {
    await fs.rm(building, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
}
