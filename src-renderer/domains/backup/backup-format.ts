import type { BackupInfo, BackupProgress, RunResult, VerifyReport } from '../../../src-shared/domains/backup/backup.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { describeError, type SecretKind } from '../../lib/errors';
import { formatSize } from '../files';

/** Words for the backup screens: progress phases, run results, sizes, verify reports and typed errors. */

const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;

const PHASES: Record<BackupProgress['phase'], string> = {
  snapshot: 'Copying the database',
  blobs: 'Copying stored files',
  write: 'Writing the backup',
  rotate: 'Removing old backups',
  done: 'Finished',
  failed: 'Failed',
};

/** "Copying stored files: 3 of 10" for a progress event. */
export function phaseLabel(p: BackupProgress): string {
  const base = PHASES[p.phase];
  return p.phase === 'blobs' && p.total > 0 ? `${base}: ${p.done.toLocaleString()} of ${p.total.toLocaleString()}` : base;
}

/** The toast after "Back up now": what was copied, what was already there, what rotation removed. */
export function runSummary(r: RunResult): string {
  const parts = [`Backed up in ${(r.ms / 1000).toFixed(1)} s`, `${count(r.blobsCopied, 'file')} copied`];
  if (r.blobsSkipped > 0) parts.push(`${r.blobsSkipped.toLocaleString()} already there`);
  if (r.removed.length > 0) parts.push(`${count(r.removed.length, 'old backup')} removed`);
  return parts.join(' · ');
}

/** "1.2 MB · 3 stored files (340 KB)": the file and the stored files it refers to. */
export function backupSize(b: Pick<BackupInfo, 'bytes' | 'blobCount' | 'blobBytes'>): string {
  const files = b.blobCount > 0 ? ` · ${count(b.blobCount, 'stored file')} (${formatSize(b.blobBytes)})` : '';
  return `${formatSize(b.bytes)}${files}`;
}

/** One line for a verify report that found nothing wrong, or how many problems it found. */
export function verifySummary(r: VerifyReport): string {
  if (r.ok) return `Everything checks out: ${count(r.chunks, 'chunk')} and ${count(r.blobsChecked, 'stored file')} are intact.`;
  return `This backup is damaged: ${count(r.problems.length, 'problem')} found.`;
}

/**
 * A typed error of verify or restore in words: a wrong secret says it is wrong for this backup (the field's hint says
 * which one it needs: that of the day it was taken); a damaged backup says so.
 */
export function describeBackupError(err: unknown, secret: SecretKind): string {
  if (err instanceof AppError && err.code === 'WRONG_PASSWORD') {
    return secret === 'password' ? 'Wrong password for this backup.' : 'Wrong recovery key for this backup.';
  }
  if (err instanceof AppError && err.code === 'CORRUPT' && !/damaged|corrupt/i.test(err.message)) return `This backup is damaged: ${err.message}`;
  return describeError(err, secret);
}

/** The default name of a restored profile, as main would give it. */
export const restoredName = (profileName: string): string => `${profileName} (restored)`.slice(0, 200);
