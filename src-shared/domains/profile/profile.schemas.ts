import { z } from 'zod';
import { Id, IsoTimestamp, nonEmptyText, Secret } from '../../lib/schema';

export const ProfileName = nonEmptyText(80);

export const ProfileSummary = z.strictObject({
  id: Id,
  name: z.string(),
  createdAt: IsoTimestamp,
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;

/** Only the CLI may set it (`--allow-weak-password`); main refuses it from any other caller. */
const AllowWeakPassword = z.boolean().optional();

export const CreateProfileInput = z.strictObject({
  name: ProfileName,
  password: Secret,
  allowWeakPassword: AllowWeakPassword,
});
export type CreateProfileInput = z.infer<typeof CreateProfileInput>;

export const CreateProfileOutput = z.strictObject({
  profile: ProfileSummary,
  /** Shown once, in readable groups. Never stored in plaintext, never sent again. */
  recoveryKey: z.string(),
});

export const UnlockInput = z.union([
  z.strictObject({ profileId: Id, password: Secret }),
  z.strictObject({ profileId: Id, recoveryKey: z.string().min(1).max(200) }),
]);
export type UnlockInput = z.infer<typeof UnlockInput>;

export const RenameProfileInput = z.strictObject({ profileId: Id, name: ProfileName });
export const DeleteProfileInput = z.strictObject({ profileId: Id, password: Secret });
/** The current secret is the master password, or the recovery key right after a recovery unlock. */
export const ChangePasswordInput = z.union([
  z.strictObject({ currentPassword: Secret, newPassword: Secret, allowWeakPassword: AllowWeakPassword }),
  z.strictObject({ currentRecoveryKey: z.string().min(1).max(200), newPassword: Secret, allowWeakPassword: AllowWeakPassword }),
]);
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;
export const RegenerateRecoveryKeyInput = z.strictObject({ password: Secret });
