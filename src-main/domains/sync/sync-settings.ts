import { z } from 'zod';
import { SyncKdf, Tokens, WrappedKeyring } from '../../../src-shared/sync/protocol';
import { SyncLastError } from '../../../src-shared/domains/sync/sync.schemas';
import { defineSettings } from '../../platform/settings-store';

/**
 * What this profile keeps about its sync account, in the encrypted settings table (namespace `sync`; the settings
 * table is device-local and never synced, see src-main/sync/tables.ts). The session's tokens live here and nowhere
 * else: not in events, logs or any op's output.
 */
const Stored = z.object({
  serverUrl: z.string().nullable(),
  email: z.string().nullable(),
  accountId: z.string().nullable(),
  /** The personal space (the account id on the server). */
  spaceId: z.string().nullable(),
  deviceId: z.string().nullable(),
  deviceName: z.string().nullable(),
  /** Null when signed out (or the server ended the session). */
  session: Tokens.nullable(),
  background: z.boolean(),
  /** Background sync stopped on an error retrying cannot fix (revoked, signed out elsewhere). */
  stopped: z.boolean(),
  lastSyncAt: z.string().nullable(),
  lastError: SyncLastError.nullable(),
  /**
   * A master password change made here that the server has not heard of yet (sync-account.ts pendingAuthFor): the
   * new auth secret, KDF parameters and keyring, sent before the next pass. Until then the server still takes the old password.
   */
  pendingAuth: z.object({ newAuthSecret: z.string(), kdf: SyncKdf, keyring: WrappedKeyring }).nullable(),
});
export type StoredSync = z.infer<typeof Stored>;

export const syncSettingsDef = defineSettings<StoredSync>({
  namespace: 'sync',
  schema: Stored,
  defaults: {
    serverUrl: null,
    email: null,
    accountId: null,
    spaceId: null,
    deviceId: null,
    deviceName: null,
    session: null,
    background: true,
    stopped: false,
    lastSyncAt: null,
    lastError: null,
    pendingAuth: null,
  },
});

/** A profile with a sync account and a live session: what the engine needs to run. */
export interface SignedIn {
  serverUrl: string;
  accountId: string;
  spaceId: string;
  deviceId: string;
  session: z.infer<typeof Tokens>;
}

export function signedIn(s: StoredSync): SignedIn | null {
  if (!s.serverUrl || !s.accountId || !s.spaceId || !s.deviceId || !s.session) return null;
  return { serverUrl: s.serverUrl, accountId: s.accountId, spaceId: s.spaceId, deviceId: s.deviceId, session: s.session };
}
