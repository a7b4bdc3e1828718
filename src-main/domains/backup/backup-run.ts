import type { backupContract } from '../../../src-shared/domains/backup/backup.contract';
import type { BackupProgress, RunResult } from '../../../src-shared/domains/backup/backup.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import type { DomainContext, SettingsAccess } from '../../platform/context';
import { withFolderLock } from './backup-lock';
import { profileBackupDir } from './backup-paths';
import { rotateFolder } from './backup-rotate';
import type { StoredBackupSettings } from './backup-settings';
import { writeBackup, type WriteOptions } from './backup-writer';

/** Progress events at most four a second; the last word (done, failed) always goes out. */
const PROGRESS_MS = 250;

export interface BackupRunner {
  /** One backup of the unlocked profile now, then rotation; runs queue one after another. */
  run(): Promise<RunResult>;
  /** Stops a run in progress (lock): its `.partial` files are removed, earlier backups untouched. */
  abort(): void;
}

/** Turns file-system failures in the backup folder into typed errors that name the folder. */
export function backupFolderError(err: unknown, folder: string): unknown {
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return new AppError('DISK_FULL', `The disk holding ${folder} is full; the earlier backups are untouched.`);
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new AppError('READ_ONLY', `Hearth cannot write to the backup folder ${folder}.`);
  if (code === 'ENOENT') return new AppError('NOT_FOUND', `The backup folder ${folder} is not there (is the drive connected?).`);
  if (code === 'ABORT_ERR' || (err as Error).name === 'AbortError') return new AppError('CANCELLED', 'The backup stopped because the profile was locked.');
  return err;
}

export function createBackupRunner(
  ctx: DomainContext<typeof backupContract>,
  settings: SettingsAccess<StoredBackupSettings>,
  hooks: Pick<WriteOptions, 'afterChunk'> = {},
): BackupRunner {
  let queue: Promise<unknown> = Promise.resolve();
  let controller: AbortController | null = null;

  let lastEmit = Number.NEGATIVE_INFINITY; // across runs: a run that starts right after another is throttled too
  const emit = (p: BackupProgress): void => {
    const t = Date.now();
    if (p.phase !== 'done' && p.phase !== 'failed' && t - lastEmit < PROGRESS_MS) return;
    lastEmit = t;
    ctx.emit('progress', p);
  };

  async function once(): Promise<RunResult> {
    const started = Date.now();
    const { folder, keep } = await settings.get();
    if (!folder) throw new AppError('INVALID_INPUT', 'Choose a backup folder first (Settings → Backups, or hearth backup config --folder DIR).');
    const session = ctx.host.profiles.current();
    controller = new AbortController();
    const signal = controller.signal;
    try {
      const dir = profileBackupDir(folder, session.profile.id);
      const result = await withFolderLock(dir, async () => {
        const source = { profile: session.profile, dir: session.dir, sqlite: session.sqlite, dek: session.keys.dek, appVersion: ctx.host.version };
        const written = await writeBackup(source, folder, { now: ctx.now(), progress: emit, signal, ...hooks });
        emit({ phase: 'rotate', done: 0, total: 1 });
        const rotated = await rotateFolder(dir, keep, session.keys.dek, ctx.host.systemTimeZone());
        return { ...written, ...rotated };
      });
      await settings.set({ lastBackupAt: result.info.createdAt, lastError: null });
      emit({ phase: 'done', done: 1, total: 1 });
      ctx.log.info(`backup written: ${result.blobsCopied} stored files copied, ${result.removed.length} old backups rotated out`);
      return {
        backup: result.info,
        blobsCopied: result.blobsCopied,
        blobsSkipped: result.blobsSkipped,
        removed: result.removed,
        blobsRemoved: result.blobsRemoved,
        ms: Date.now() - started,
      };
    } catch (raw) {
      const err = backupFolderError(raw, folder);
      emit({ phase: 'failed', done: 0, total: 1 });
      const message = err instanceof AppError ? err.message : 'The backup failed inside Hearth.';
      if (ctx.host.profiles.isUnlocked() && !signal.aborted) await settings.set({ lastError: message }).catch(() => undefined);
      throw err;
    } finally {
      controller = null;
    }
  }

  return {
    run() {
      const next = queue.then(once, once);
      queue = next.catch(() => undefined);
      return next;
    },
    abort: () => controller?.abort(),
  };
}
