import { z } from 'zod';
import { defineContract, op } from '../../ipc/define';
import { NoInput } from '../../lib/schema';
import { ProfileSummary } from '../profile';

export const LockReason = z.enum(['user', 'idle', 'suspend', 'screen-lock', 'quit', 'profile-deleted']);
export type LockReason = z.infer<typeof LockReason>;

export const SessionStatus = z.strictObject({
  unlocked: z.boolean(),
  profile: ProfileSummary.nullable(),
  /** Unlocked with the recovery key: every other operation is refused until a new master password is set. */
  mustChangePassword: z.boolean(),
});
export type SessionStatus = z.infer<typeof SessionStatus>;

export const sessionContract = defineContract(
  'session',
  {
    /** Whether a profile is unlocked, and which. */
    status: op({ input: NoInput, output: SessionStatus, public: true, summary: 'Session status' }),
    /** Locks now: closes the database and overwrites the keys in memory. */
    lock: op({ input: NoInput, output: z.strictObject({ locked: z.literal(true) }), public: true, summary: 'Lock the open profile' }),
    /** The user is active: pushes the idle auto-lock back. */
    touch: op({ input: NoInput, output: z.strictObject({ idleLockAt: z.string().nullable() }), summary: 'Record user activity' }),
  },
  {
    /** The profile was locked; the renderer drops its state. */
    locked: z.strictObject({ reason: LockReason }),
    /** Auto-lock will happen soon unless the user does something. */
    autoLockWarning: z.strictObject({ secondsLeft: z.number().int().nonnegative() }),
  },
);
