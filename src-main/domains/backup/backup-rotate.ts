import { promises as fs } from 'node:fs';
import type { BackupKeep } from '../../../src-shared/domains/backup/backup.schemas';
import { log } from '../../lib/log';
import { removeUnreferencedBlobs } from './backup-blobs';
import { readBody } from './backup-body';
import { readBackupHeader } from './backup-format';
import { backupFilesIn } from './backup-paths';
import { rotate } from './backup-rotation';

/**
 * Rotation of one profile's backup folder, run only after a new backup is in place: deletes the backup files
 * the keep rules drop (backup-rotation.ts), then the blob files no kept backup's manifest names. A file whose
 * header cannot be read is never deleted; when a kept backup's manifest cannot be read, no blob is deleted.
 */
export async function rotateFolder(dir: string, keep: BackupKeep, dek: Buffer, timeZone: string): Promise<{ removed: string[]; blobsRemoved: number }> {
  const dated: { id: string; createdAt: string }[] = [];
  for (const file of await backupFilesIn(dir)) {
    const header = await readBackupHeader(file).catch(() => null);
    if (header) dated.push({ id: file, createdAt: header.header.createdAt });
  }
  const { keep: kept, remove } = rotate(dated, keep, timeZone);
  const removed: string[] = [];
  for (const b of remove) {
    await fs.rm(b.id, { force: true });
    removed.push(b.id);
  }
  const referenced = new Set<string>();
  for (const b of kept) {
    try {
      const opened = await readBackupHeader(b.id);
      const { manifest } = await readBody({ file: b.id, ...opened, dek }, undefined, { manifestOnly: true });
      for (const [id] of manifest.blobs) referenced.add(id);
    } catch (err) {
      log.warn(`[backup] kept every stored file: a kept backup's manifest is unreadable (${(err as Error).message})`);
      return { removed, blobsRemoved: 0 };
    }
  }
  return { removed, blobsRemoved: await removeUnreferencedBlobs(dir, referenced) };
}
