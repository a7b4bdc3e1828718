import { z } from 'zod';
import { defineContract, op } from '../../ipc/define';
import { NoInput } from '../../lib/schema';
import {
  ChangePasswordInput,
  CreateProfileInput,
  CreateProfileOutput,
  DeleteProfileInput,
  ProfileSummary,
  RegenerateRecoveryKeyInput,
  RenameProfileInput,
  UnlockInput,
} from './profile.schemas';

export const profileContract = defineContract('profile', {
  /** Every profile under the profile root, oldest first. Names only: nothing secret. */
  list: op({ input: NoInput, output: z.array(ProfileSummary), public: true, summary: 'List profiles' }),
  /** Creates a profile, unlocks it, and returns the recovery key to show once. */
  create: op({ input: CreateProfileInput, output: CreateProfileOutput, public: true, summary: 'Create a profile' }),
  /** Unlocks with the master password or the recovery key. */
  unlock: op({ input: UnlockInput, output: ProfileSummary, public: true, summary: 'Unlock a profile' }),
  /** Renames a profile (the name is plaintext metadata, so no password is needed). */
  rename: op({ input: RenameProfileInput, output: ProfileSummary, public: true, summary: 'Rename a profile' }),
  /** Deletes a profile folder after checking its master password. */
  delete: op({ input: DeleteProfileInput, output: z.strictObject({ deleted: z.literal(true) }), public: true, summary: 'Delete a profile' }),
  /** Re-wraps the data key under a new password; no data is re-encrypted. */
  changePassword: op({ input: ChangePasswordInput, output: z.strictObject({ changed: z.literal(true) }), summary: 'Change the master password' }),
  /** Replaces the recovery key after checking the master password; the old one stops working. */
  regenerateRecoveryKey: op({ input: RegenerateRecoveryKeyInput, output: z.strictObject({ recoveryKey: z.string() }), summary: 'Replace the recovery key' }),
});
