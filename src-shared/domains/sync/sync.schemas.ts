import { z } from 'zod';
import { IsoTimestamp, nonEmptyText, Secret } from '../../lib/schema';
import { DeviceName, Email } from '../../sync/protocol';
import { ProfileSummary } from '../profile';

/** Limits of the sync contract's inputs and outputs. */
export const SYNC_UI_LIMITS = { url: 2048, conflicts: 500, valuePreview: 500 } as const;

/**
 * A sync server's base URL: https://, or plain http:// only to this computer (127.0.0.1, localhost, [::1]), since
 * tokens travel in headers. The HTTP client refuses anything else as well; this gives the form a clear message first.
 */
export const ServerUrl = z
  .string()
  .trim()
  .max(SYNC_UI_LIMITS.url)
  .url('Enter the server address, e.g. https://sync.example.org')
  .refine((u) => /^https:\/\//i.test(u) || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i.test(u), {
    message: 'Use https:// (plain http:// only for a server on this computer)',
  })
  .transform((u) => u.replace(/\/+$/, ''));

/** The last failed sync, in words; `code` is the server's or the client's error code (NETWORK, UNAUTHORIZED …). */
export const SyncLastError = z.object({ code: z.string().max(40), message: z.string().max(500), at: IsoTimestamp });
export type SyncLastError = z.infer<typeof SyncLastError>;

/** Where this profile stands with its sync server. Never carries a token or a password. */
export const SyncStatus = z.object({
  /** The profile has a sync account (signed up or joined; stays true after sign-out so it can sign in again). */
  configured: z.boolean(),
  /** This device holds a session (false after sign-out or when the device was revoked). */
  signedIn: z.boolean(),
  serverUrl: z.string().max(SYNC_UI_LIMITS.url).nullable(),
  email: z.string().max(254).nullable(),
  deviceName: z.string().max(100).nullable(),
  deviceId: z.string().max(64).nullable(),
  lastSyncAt: IsoTimestamp.nullable(),
  lastError: SyncLastError.nullable(),
  /** Local changes not yet acknowledged by the server. */
  pending: z.number().int().min(0),
  /** When background sync tries next (null: off, stopped or signed out). */
  nextAttemptAt: IsoTimestamp.nullable(),
  /** The user's switch: sync every minute and shortly after local changes. */
  background: z.boolean(),
  /** Background sync stopped on an error retrying cannot fix (signed out elsewhere, device revoked): sign in again. */
  stopped: z.boolean(),
  /** A sync pass is running now. */
  running: z.boolean(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** Sign up or sign in this (unlocked) profile: the password is this profile's master password. */
export const AccountInput = z.strictObject({
  serverUrl: ServerUrl,
  email: Email,
  password: Secret,
  deviceName: DeviceName,
});
export type AccountInput = z.input<typeof AccountInput>;

/** Join a synced account on a new device: a new local profile holding the account's data key. Works while locked. */
export const JoinInput = AccountInput.extend({ profileName: nonEmptyText(200) });
export type JoinInput = z.input<typeof JoinInput>;

/** What one sync pass did. */
export const SyncReport = z.object({
  pushed: z.number().int().min(0),
  pulled: z.number().int().min(0),
  applied: z.number().int().min(0),
  conflicts: z.number().int().min(0),
  ms: z.number().int().min(0),
});
export type SyncReport = z.infer<typeof SyncReport>;

export const SyncNowResult = z.object({ report: SyncReport, status: SyncStatus });
export type SyncNowResult = z.infer<typeof SyncNowResult>;

/** Like a restore, a join makes a new profile with its own new recovery key (shown once). */
export const JoinResult = z.object({ profile: ProfileSummary, recoveryKey: z.string(), report: SyncReport.nullable(), status: SyncStatus });
export type JoinResult = z.infer<typeof JoinResult>;

export const SyncDevice = z.object({
  id: z.string().max(64),
  name: z.string().max(100),
  createdAt: z.string().max(40),
  lastSeenAt: z.string().max(40).nullable(),
  revokedAt: z.string().max(40).nullable(),
  /** This device. */
  current: z.boolean(),
});
export type SyncDevice = z.infer<typeof SyncDevice>;

export const RevokeInput = z.strictObject({ id: z.string().uuid() });
export const ConflictsInput = z.strictObject({ limit: z.number().int().min(1).max(SYNC_UI_LIMITS.conflicts).optional() });
export const BackgroundInput = z.strictObject({ enabled: z.boolean() });

/** A value that lost a last-writer-wins race (kept in the item's history), for the conflicts view. */
export const SyncConflict = z.object({
  id: z.string().max(64),
  table: z.string().max(64),
  rowId: z.string().max(200),
  field: z.string().max(64),
  /** The losing value as short text; secrets (password, TOTP, notes of secret fields) are shown as "(hidden)". */
  value: z.string().max(SYNC_UI_LIMITS.valuePreview),
  hlc: z.string().max(100),
  lostToHlc: z.string().max(100),
  at: z.string().max(40),
});
export type SyncConflict = z.infer<typeof SyncConflict>;
