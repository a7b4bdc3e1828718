import { z } from 'zod';
import { defineContract, op } from '../../ipc/define';
import { NoInput } from '../../lib/schema';
import {
  AccountInput,
  BackgroundInput,
  ConflictsInput,
  JoinInput,
  JoinResult,
  RevokeInput,
  SyncConflict,
  SyncDevice,
  SyncNowResult,
  SyncStatus,
} from './sync.schemas';
import { sharingOps } from './sync-sharing.schemas';

/**
 * Optional end-to-end encrypted sync with a Hearth sync server (docs/sync.md): sign up or in, join on a new device,
 * sync now or in the background, devices, conflicts. Passwords are inputs only; tokens never leave main.
 */
export const syncContract = defineContract(
  'sync',
  {
    status: op({ input: NoInput, output: SyncStatus, summary: 'Sync account, last sync, last error, pending changes' }),
    signUp: op({ input: AccountInput, output: SyncStatus, summary: 'Create a sync account for this profile (its master password) and sync' }),
    signIn: op({ input: AccountInput, output: SyncStatus, summary: 'Sign this profile in to its sync account again' }),
    join: op({
      input: JoinInput,
      output: JoinResult,
      // Public: a new device has no profile yet; it starts at the profile picker.
      public: true,
      summary: 'Join a synced account on this device: a new profile with its data, unlocked',
    }),
    syncNow: op({ input: NoInput, output: SyncNowResult, summary: 'Sync now' }),
    devices: op({ input: NoInput, output: z.array(SyncDevice).max(1000), summary: 'Devices of the sync account' }),
    revokeDevice: op({ input: RevokeInput, output: z.array(SyncDevice).max(1000), summary: 'Revoke a device: it can no longer sync' }),
    signOut: op({ input: NoInput, output: SyncStatus, summary: 'Sign this device out (local data stays)' }),
    conflicts: op({ input: ConflictsInput, output: z.array(SyncConflict).max(500), summary: 'Values that lost a sync conflict' }),
    setBackground: op({ input: BackgroundInput, output: SyncStatus, summary: 'Turn background sync on or off' }),

    // ── Shared collections (sync-sharing.schemas.ts): a shop's batches register shared with staff ──
    ...sharingOps,
  },
  {
    /** The status changed (a sync started or ended, an error, sign in or out). */
    status: SyncStatus,
  },
);
