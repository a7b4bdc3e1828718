import type { syncContract } from '../../../src-shared/domains/sync/sync.contract';
import type { SyncReport, SyncStatus } from '../../../src-shared/domains/sync/sync.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import type { SessionResponse } from '../../../src-shared/sync/protocol';
import type { ModuleFactory } from '../../platform/module';
import { createProfileFromDek } from '../../profile/profile-from-dek';
import { createBlobSync, withBlobs } from '../../sync/blob-sync';
import { loadPrivateKey, rememberIdentity } from '../../sync/collection-store';
import { createSharedCollections, type SharedCollections } from '../../sync/collections';
import { createSyncEngine } from '../../sync/engine';
import { createSyncHttpClient, type SyncHttpClient } from '../../sync/http-client';
import { personalSpaceKeys, wipeSpaceKeys } from '../../sync/keys';
import type { SpaceKeys } from '../../sync/types';
import { assertSameDataKey, pendingAuthFor, sendPendingAuth, signInAccount, signUpAccount } from './sync-account';
import { previewConflict } from './sync-conflicts';
import { describeSyncError, isFatal, toAppError } from './sync-errors';
import { createSyncRunner, type SyncRunner } from './sync-runner';
import { signedIn, syncSettingsDef, type StoredSync } from './sync-settings';
import { sharingHandlers } from './sync-sharing';
import { readOutcome, writeOutcome } from './sync-state-store';

/** What exists while a signed-in profile is unlocked: the client, the engine and the background runner. */
interface Live {
  client: SyncHttpClient;
  engine: ReturnType<typeof createSyncEngine>;
  runner: SyncRunner<SyncReport>;
  keys: SpaceKeys;
  /** Shared collections (src-main/sync/collections.ts): their keys, and where the batches tables sync. */
  collections: SharedCollections;
  /** Unregisters the lazy file fetcher from the blob store (src-main/sync/blob-sync.ts). */
  detachBlobs: () => void;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * The sync module (docs/sync.md): the account flows (sign up, sign in, join a new device), the engine of the
 * unlocked profile (src-main/sync/engine.ts) over the HTTP client, and background sync — every minute, 2 s after
 * a local change, with backoff after failures; stopped by lock, sign-out, the switch, or an error retrying cannot
 * fix. Sync never sits in front of a write: domains write locally as always, and a failing server only shows in
 * the status. Tokens live in the encrypted settings (sync-settings.ts) and nowhere else.
 */
export const createSyncModule: ModuleFactory<typeof syncContract> = (ctx) => {
  const settings = ctx.settings(syncSettingsDef);
  const profiles = ctx.host.profiles;
  // Background sync belongs to the long-running front doors (and tests); a CLI command exits when done.
  const backgroundAllowed = ctx.host.transport !== 'cli';
  let live: Live | null = null;
  let unsubscribe: (() => void) | null = null;
  /** Bumped on every lock: work that started before a lock must not touch the next profile. */
  let generation = 0;

  // A master password changed here must reach the server too, or the old password would still sign in there and
  // receive the keyring. The new auth secret can only be made now, while the new password is known: it waits in the
  // encrypted settings until a pass sends it (at once if online), proved by the data key (sync-account.ts).
  profiles.onPasswordChange(async ({ newPassword, keyring }) => {
    if ((await settings.get()).accountId === null) return;
    await settings.set({ pendingAuth: await pendingAuthFor(newPassword, keyring) });
    live?.runner.poke();
  });

  async function status(): Promise<SyncStatus> {
    const s = await settings.get();
    const outcome = await readOutcome(ctx.db());
    const pending = live ? await live.engine.pendingCount().catch(() => 0) : 0;
    return {
      configured: s.accountId !== null,
      signedIn: signedIn(s) !== null,
      serverUrl: s.serverUrl,
      email: s.email,
      deviceName: s.deviceName,
      deviceId: s.deviceId,
      lastSyncAt: outcome.lastSyncAt,
      lastError: outcome.lastError,
      pending,
      nextAttemptAt: iso(live?.runner.nextAttemptAt ?? null),
      background: s.background,
      stopped: s.stopped,
      running: live?.runner.running ?? false,
    };
  }

  /** Sends the status event (best effort: never while locked, never throws). */
  function announce(): void {
    if (!profiles.isUnlocked()) return;
    const gen = generation;
    status()
      .then((s) => {
        if (gen === generation) ctx.emit('status', s);
      })
      .catch(() => undefined);
  }

  /** Tells the server about a password changed here (before anything else: until then it takes the old one). */
  async function sendPasswordChange(client: SyncHttpClient): Promise<void> {
    const pending = (await settings.get()).pendingAuth;
    if (!pending) return;
    await sendPendingAuth(client, pending, profiles.current().keys.dek);
    // Cleared only if no newer change was queued while this one was on its way.
    if ((await settings.get()).pendingAuth?.newAuthSecret === pending.newAuthSecret) await settings.set({ pendingAuth: null });
    ctx.log.info('sync: the server has the new master password; the account’s other devices sign in again');
  }

  async function onePass(client: SyncHttpClient, engine: Live['engine'], collections: SharedCollections): Promise<SyncReport> {
    const started = Date.now();
    const gen = generation;
    try {
      await sendPasswordChange(client);
      // Which collections this account is in now (keys, roles, routes) before the engine routes and seals.
      await collections.refresh();
      const r = await engine.syncOnce();
      if (gen === generation) await ctx.write((trx) => writeOutcome(trx, { lastSyncAt: new Date(ctx.now()).toISOString(), lastError: null }));
      return { pushed: r.pushed, pulled: r.pulled, applied: r.applied, conflicts: r.conflicts, ms: Date.now() - started };
    } catch (err) {
      if (gen === generation && profiles.isUnlocked()) {
        const at = new Date(ctx.now()).toISOString();
        await ctx.write((trx) => writeOutcome(trx, { lastError: { ...describeSyncError(err), at } })).catch(() => undefined);
        if (isFatal(err)) {
          // Retrying cannot fix it (revoked, or signed out elsewhere): drop the dead session and stop.
          await settings.set({ session: null, stopped: true }).catch(() => undefined);
          deactivate();
        }
      }
      ctx.log.warn(`sync failed: ${err instanceof Error ? err.name : 'error'} ${describeSyncError(err).code}`);
      throw err;
    }
  }

  /** Builds the engine for the unlocked profile when it has a session; starts background sync if switched on. */
  function activate(s: StoredSync): Live | null {
    deactivate();
    const si = signedIn(s);
    if (!si) return null;
    const gen = generation;
    const client = createSyncHttpClient({
      baseUrl: si.serverUrl,
      session: { tokens: si.session, deviceId: si.deviceId },
      // A rotated refresh token must be saved before the next request: the old one, reused, ends the session.
      onTokens: async (tokens) => {
        if (gen === generation && profiles.isUnlocked()) await settings.set({ session: tokens });
      },
    });
    const keys = personalSpaceKeys(profiles.current().keys.dek, si.spaceId);
    // Files: named and uploaded around each pass, fetched from the server when first opened here.
    const store = ctx.host.blobs().store;
    const blobs = createBlobSync({ db: ctx.db, write: ctx.write, store, transport: client, spaceOf: () => si.spaceId, now: ctx.now });
    const collections = createSharedCollections({
      db: ctx.db,
      write: ctx.write,
      client,
      accountId: si.accountId,
      personal: keys,
      privateKey: () => loadPrivateKey(ctx.db(), profiles.current().keys.dek),
    });
    const engine = withBlobs(
      createSyncEngine({ db: ctx.db, write: ctx.write, transport: client, spaces: collections.spaces, spaceOf: collections.spaceOf, now: ctx.now }),
      blobs,
    );
    const runner = createSyncRunner({ now: ctx.now, pass: () => onePass(client, engine, collections), fatal: isFatal, changed: announce });
    const l: Live = { client, engine, keys, collections, runner, detachBlobs: blobs.attach() };
    live = l;
    if (backgroundAllowed && s.background && !s.stopped) l.runner.start();
    unsubscribe = ctx.host.events.subscribe((channel) => {
      // Another domain's write committed (its `<domain>:changed` event): sync soon. Writes sync's own apply makes
      // arrive while a pass runs and are ignored, so a pass does not schedule another.
      if (channel.endsWith(':changed') && !channel.startsWith('sync:') && live === l && !l.runner.running) l.runner.poke();
    });
    return l;
  }

  function deactivate(): void {
    unsubscribe?.();
    unsubscribe = null;
    if (!live) return;
    live.runner.stop();
    live.detachBlobs();
    live.collections.close();
    wipeSpaceKeys(live.keys);
    live = null;
  }

  function requireLive(): Live {
    if (live) return live;
    throw new AppError('FORBIDDEN', 'This profile is not signed in to a sync server. Sign up or sign in under Settings → Sync.');
  }

  /** Saves a new session (sign up, sign in, join) and starts syncing; the first pass's failure only shows in the status. */
  async function adopt(
    session: SessionResponse,
    input: { serverUrl: string; email: string; deviceName: string },
  ): Promise<{ status: SyncStatus; report: SyncReport | null }> {
    // The sealed X25519 private key: opens shared collections' keys on later unlocks without asking the server.
    await ctx.write((trx) => rememberIdentity(trx, session.wrappedPrivateKey));
    const saved = await settings.set({
      serverUrl: input.serverUrl,
      email: input.email,
      deviceName: input.deviceName,
      accountId: session.accountId,
      spaceId: session.spaceId,
      deviceId: session.deviceId,
      session: session.tokens,
      stopped: false,
    });
    const l = activate(saved);
    const report = l ? await l.runner.run().catch(() => null) : null;
    const out = await status();
    announce();
    return { status: out, report };
  }

  return {
    handlers: {
      status: () => status(),

      // Shared collections (sync-sharing.ts): list, share the batches register, invite, remove (rotates the key).
      ...sharingHandlers(() => requireLive().collections),

      async signUp(input) {
        if ((await settings.get()).accountId !== null) throw new AppError('CONFLICT', 'This profile already has a sync account. Sign in to it instead.');
        // SECURITY: an unattended unlocked window must not be able to send this profile's data to a server of someone else's choosing.
        await profiles.verifyPassword(input.password);
        const session = profiles.current();
        const keyring = await profiles.store.readKeyring(session.profile.id);
        const client = createSyncHttpClient({ baseUrl: input.serverUrl });
        const created = await signUpAccount(client, { ...input, keyring, dek: session.keys.dek });
        return (await adopt(created, input)).status;
      },

      async signIn(input) {
        // No local password check needed: the account's keyring must open with this password AND hold this profile's
        // data key (assertSameDataKey), which only someone who knows the password of this data can arrange.
        const current = await settings.get();
        const client = createSyncHttpClient({ baseUrl: input.serverUrl });
        const session = await signInAccount(client, input, async (s, dek) => {
          assertSameDataKey(dek, profiles.current().keys.dek);
          if (current.accountId !== null && current.accountId !== s.accountId) {
            throw new AppError('CONFLICT', 'This profile was synced with another sync account. Sign in to that one.');
          }
          return s;
        });
        return (await adopt(session, input)).status;
      },

      async join(input) {
        const client = createSyncHttpClient({ baseUrl: input.serverUrl });
        const made = await signInAccount(client, input, (session, dek) =>
          createProfileFromDek({
            root: profiles.store.root,
            name: input.profileName,
            dek,
            password: input.password,
            kdfCost: ctx.host.kdfCost,
            now: ctx.now(),
          }).then((p) => ({ ...p, session })),
        );
        await profiles.unlock({ profileId: made.profile.id, password: input.password });
        const first = await adopt(made.session, input);
        return { profile: made.profile, recoveryKey: made.recoveryKey, ...first };
      },

      async syncNow() {
        const l = requireLive();
        try {
          const report = await l.runner.run();
          return { report, status: await status() };
        } catch (err) {
          throw toAppError(err, 'sync');
        }
      },

      async devices() {
        const l = requireLive();
        try {
          return (await l.client.devices()).devices;
        } catch (err) {
          throw toAppError(err, 'sync');
        }
      },

      async revokeDevice(input) {
        const l = requireLive();
        if (input.id === (await settings.get()).deviceId)
          throw new AppError('INVALID_INPUT', 'This is the device you are using: to stop syncing it, sign out.');
        try {
          await l.client.revokeDevice(input.id);
          return (await l.client.devices()).devices;
        } catch (err) {
          throw toAppError(err, 'sync');
        }
      },

      async signOut() {
        const l = live;
        deactivate();
        if (l) await l.client.signOut().catch(() => undefined); // best effort: offline, the token expires on its own
        await settings.set({ session: null, stopped: false });
        const out = await status();
        announce();
        return out;
      },

      async conflicts(input) {
        const s = await settings.get();
        if (!s.serverUrl || !s.spaceId) return [];
        // Reading the history needs no session: an engine without one never reaches the server here.
        const engine =
          live?.engine ??
          createSyncEngine({ db: ctx.db, write: ctx.write, transport: createSyncHttpClient({ baseUrl: s.serverUrl }), spaces: () => [], now: ctx.now });
        return (await engine.conflicts(input.limit ?? 100)).map(previewConflict);
      },

      async setBackground(input) {
        const s = await settings.set({ background: input.enabled });
        if (live) {
          if (input.enabled && backgroundAllowed && !s.stopped) live.runner.start();
          else live.runner.stop();
        }
        const out = await status();
        announce();
        return out;
      },
    },

    onUnlock: async () => {
      generation += 1;
      try {
        activate(await settings.get());
      } catch (err) {
        // Never fail an unlock over sync: the app works without it.
        ctx.log.warn(`sync not started: ${err instanceof Error ? err.name : 'error'}`);
      }
    },
    onLock: () => {
      generation += 1;
      deactivate();
    },
  };
};
