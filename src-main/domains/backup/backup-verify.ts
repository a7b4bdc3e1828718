import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { VerifyReport } from '../../../src-shared/domains/backup/backup.schemas';
import { wipe } from '../../crypto/cipher';
import { sha256File } from './backup-blobs';
import { isDamage, openBackup, readBody, type BackupSecret, type BodyResult } from './backup-body';
import type { ManifestBlob } from './backup-format';
import { backupBlobPath, backupInfo } from './backup-paths';

const MAX_PROBLEMS = 100;

/**
 * Checks a backup without restoring it: unwraps the data key with the secret of that time (WRONG_PASSWORD
 * otherwise), authenticates every chunk of the body, and checks every stored file the manifest names
 * against its size and SHA-256. Damage is reported in `problems`, never thrown.
 */
export async function verifyBackup(file: string, secret: BackupSecret): Promise<VerifyReport> {
  const opened = await openBackup(file, secret);
  const problems: string[] = [];
  let body: BodyResult | null = null;
  try {
    body = await readBody(opened);
  } catch (err) {
    if (!isDamage(err)) throw err;
    problems.push(err.message);
  } finally {
    wipe(opened.dek);
  }
  let blobsChecked = 0;
  if (body) {
    if (body.manifest.blobs.length !== opened.header.blobCount) problems.push('The manifest and the header disagree on the number of stored files.');
    for (const blob of body.manifest.blobs) {
      const problem = await checkBlob(path.dirname(file), blob);
      blobsChecked++;
      if (problem && problems.length < MAX_PROBLEMS) problems.push(problem);
      else if (problem && problems.length === MAX_PROBLEMS) problems.push('… and more damaged or missing stored files.');
    }
  }
  return { ok: problems.length === 0, backup: await backupInfo(file), chunks: body?.chunks ?? 0, blobsChecked, problems };
}

async function checkBlob(dir: string, [id, size, sha256]: ManifestBlob): Promise<string | null> {
  const file = backupBlobPath(dir, id);
  const stat = await fs.stat(file).catch(() => null);
  const name = `blobs/${id.slice(0, 2)}/${id.slice(0, 12)}…`;
  if (!stat) return `Stored file ${name} is missing.`;
  if (stat.size !== size) return `Stored file ${name} is ${stat.size} bytes; the backup recorded ${size}.`;
  if ((await sha256File(file)) !== sha256) return `Stored file ${name} is damaged (its SHA-256 differs from the one recorded).`;
  return null;
}
