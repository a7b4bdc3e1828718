import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../src-shared/domains/backup/backup.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { isUlid } from '../../../src-shared/lib/ids';
import { log } from '../../lib/log';
import { BACKUP_EXT, readBackupHeader } from './backup-format';

/**
 * The backup folder's layout (docs/formats.md#backups):
 *
 *   <folder>/hearth-backups/<profileId>/<UTC stamp>.hearth-backup   one file per run (header + encrypted body)
 *   <folder>/hearth-backups/<profileId>/blobs/<2 hex>/<64-hex id>    stored files, copied as they are (encrypted)
 *
 * Anything being written ends in `.partial` until it is complete; listing ignores those and the next run deletes them.
 */
export const BACKUPS_DIR = 'hearth-backups';
export const PARTIAL = '.partial';
const BLOB_ID = /^[0-9a-f]{64}$/;

export function profileBackupDir(folder: string, profileId: string): string {
  if (!isUlid(profileId)) throw new AppError('INVALID_INPUT', 'Not a profile id.');
  return path.join(folder, BACKUPS_DIR, profileId);
}

export function backupBlobPath(dir: string, id: string): string {
  if (!BLOB_ID.test(id)) throw new AppError('CORRUPT', 'A backup manifest names a stored file with a malformed id.');
  return path.join(dir, 'blobs', id.slice(0, 2), id);
}

/** `20261202T143017123Z.hearth-backup`: sorts by time, no characters Windows refuses. */
export const backupFileName = (ms: number): string => `${new Date(ms).toISOString().replace(/[-:.]/g, '')}${BACKUP_EXT}`;

/** Complete backup files of one profile's folder, oldest first. */
export async function backupFilesIn(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => n.endsWith(BACKUP_EXT))
    .sort()
    .map((n) => path.join(dir, n));
}

/** Deletes what an interrupted run left (`*.partial*` in the folder and in its blob shards). */
export async function removePartials(dir: string): Promise<number> {
  let removed = 0;
  const sweep = async (d: string) => {
    for (const name of await fs.readdir(d).catch(() => [] as string[])) {
      if (!name.includes(PARTIAL)) continue; // also SQLite's `<snapshot>.partial-journal`
      await fs.rm(path.join(d, name), { force: true });
      removed++;
    }
  };
  await sweep(dir);
  for (const shard of await fs.readdir(path.join(dir, 'blobs')).catch(() => [] as string[])) await sweep(path.join(dir, 'blobs', shard));
  return removed;
}

/** One file's BackupInfo from its plaintext header (no key needed). */
export async function backupInfo(file: string): Promise<BackupInfo> {
  const { header, bytes } = await readBackupHeader(file);
  return {
    file,
    profileId: header.profileId,
    profileName: header.profileName,
    createdAt: header.createdAt,
    appVersion: header.appVersion,
    schemaVersion: header.schemaVersion,
    bytes,
    blobCount: header.blobCount,
    blobBytes: header.blobBytes,
  };
}

/**
 * Every readable backup in `folder`, newest first: the folder a user picked (its `hearth-backups/<profile>/`
 * sub-folders) or one profile's backup folder itself. Unreadable headers are skipped with a log line.
 */
export async function listBackups(folder: string): Promise<BackupInfo[]> {
  const stat = await fs.stat(folder).catch(() => null);
  if (!stat?.isDirectory()) throw new AppError('NOT_FOUND', `There is no folder at ${folder} (is the drive connected?).`);
  const root = path.join(folder, BACKUPS_DIR);
  const profiles = (await fs.readdir(root).catch(() => [] as string[])).filter(isUlid);
  const dirs = profiles.length > 0 ? profiles.map((p) => path.join(root, p)) : [folder];
  const out: BackupInfo[] = [];
  for (const dir of dirs) {
    for (const file of await backupFilesIn(dir)) {
      try {
        out.push(await backupInfo(file));
      } catch (err) {
        log.warn(`[backup] skipping ${path.basename(file)}: ${(err as Error).message}`);
      }
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.file < b.file ? 1 : -1));
}
