import { z } from 'zod';
import { Id, IsoTimestamp, nonEmptyText, Secret } from '../../lib/schema';
import { ProfileSummary } from '../profile';

/** Limits of the backup contract's inputs. */
export const BACKUP_LIMITS = { path: 4096, keepMax: 400 } as const;

/** How often the automatic backup runs while a profile is unlocked. */
export const BackupSchedule = z.enum(['off', 'daily', 'weekly']);
export type BackupSchedule = z.infer<typeof BackupSchedule>;

/** Rotation: how many of the newest daily, weekly (ISO week) and monthly backups are kept. */
export const BackupKeep = z.strictObject({
  daily: z.number().int().min(0).max(BACKUP_LIMITS.keepMax),
  weekly: z.number().int().min(0).max(BACKUP_LIMITS.keepMax),
  monthly: z.number().int().min(0).max(BACKUP_LIMITS.keepMax),
});
export type BackupKeep = z.infer<typeof BackupKeep>;
export const DEFAULT_BACKUP_KEEP: BackupKeep = { daily: 7, weekly: 4, monthly: 12 };

/** The unlocked profile's backup settings and state. */
export const BackupSettings = z.object({
  /** The chosen folder (absolute path); null until the user picks one. */
  folder: z.string().nullable(),
  schedule: BackupSchedule,
  keep: BackupKeep,
  lastBackupAt: IsoTimestamp.nullable(),
  /** The last automatic or manual run's failure, in words; null after a success. */
  lastError: z.string().nullable(),
  /** When the scheduler will run next (null: off or no folder). */
  nextDueAt: IsoTimestamp.nullable(),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

export const ConfigureInput = z.strictObject({
  /** An absolute folder path; null forgets the folder (automatic backups stop). */
  folder: z.string().max(BACKUP_LIMITS.path).nullable().optional(),
  schedule: BackupSchedule.optional(),
  keep: BackupKeep.optional(),
});

/** One backup file's plaintext header: readable without any key (names and dates only, like profile.json). */
export const BackupInfo = z.object({
  /** Absolute path of the backup file. */
  file: z.string(),
  profileId: Id,
  profileName: z.string(),
  createdAt: IsoTimestamp,
  appVersion: z.string(),
  /** The database schema version (highest migration) when it was taken. */
  schemaVersion: z.number().int(),
  /** Bytes of this file. */
  bytes: z.number().int(),
  /** Stored files (blobs) it refers to, and their total encrypted size. */
  blobCount: z.number().int(),
  blobBytes: z.number().int(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const RunResult = z.object({
  backup: BackupInfo,
  /** Blobs copied into the backup folder by this run, and those already there from earlier runs. */
  blobsCopied: z.number().int(),
  blobsSkipped: z.number().int(),
  /** Backup files removed by rotation, and blob files no kept backup needs any more. */
  removed: z.array(z.string()),
  blobsRemoved: z.number().int(),
  ms: z.number().int(),
});
export type RunResult = z.infer<typeof RunResult>;

export const ListInput = z.strictObject({
  /** Absent: the unlocked profile's configured folder. */
  folder: z.string().max(BACKUP_LIMITS.path).optional(),
});

/** The master password or the recovery key that was current when the backup was taken. */
const BackupSecret = z.union([z.strictObject({ password: Secret }), z.strictObject({ recoveryKey: z.string().min(1).max(200) })]);

export const VerifyInput = z.strictObject({ file: nonEmptyText(BACKUP_LIMITS.path), secret: BackupSecret });
export const VerifyReport = z.object({
  ok: z.boolean(),
  backup: BackupInfo,
  /** Authenticated chunks of the file, and blobs checked against their recorded hash. */
  chunks: z.number().int(),
  blobsChecked: z.number().int(),
  /** What failed, in words (empty when ok). */
  problems: z.array(z.string()).max(1000),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

export const RestoreInput = z.strictObject({
  file: nonEmptyText(BACKUP_LIMITS.path),
  secret: BackupSecret,
  /** The new profile's name (default: the backup's name + " (restored <date>)"). */
  name: z.string().trim().min(1).max(200).optional(),
  /** Required when restoring with the recovery key: the new profile's master password. */
  newPassword: Secret.optional(),
  allowWeakPassword: z.boolean().optional(),
});
/** A restore always makes a new profile; like create, it returns a new recovery key to show once. */
export const RestoreResult = z.object({
  profile: ProfileSummary,
  recoveryKey: z.string(),
  /** Migrations run because the backup came from an older Hearth. */
  migrated: z.number().int(),
  blobsRestored: z.number().int(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

export const BackupProgress = z.object({
  phase: z.enum(['snapshot', 'blobs', 'write', 'rotate', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
});
export type BackupProgress = z.infer<typeof BackupProgress>;
