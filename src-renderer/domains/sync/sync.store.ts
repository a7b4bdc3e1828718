import type { z } from 'zod';
import { create } from 'zustand';
import type { SharedCollection } from '../../../src-shared/domains/sync/sync-sharing.schemas';
import type { AccountInput, SyncConflict, SyncDevice, SyncNowResult, SyncStatus } from '../../../src-shared/domains/sync/sync.schemas';
import { api } from '../../api/client';
import { describeError } from '../../lib/errors';
import { onSessionReset } from '../../lib/session-reset';

export type AccountForm = z.input<typeof AccountInput>;

interface SyncState {
  /** The unlocked profile's sync status; null until loaded. */
  status: SyncStatus | null;
  devices: SyncDevice[] | null;
  devicesError: string | null;
  conflicts: SyncConflict[] | null;
  /** The shared collections this account belongs to (the batches register); null until loaded. */
  collections: SharedCollection[] | null;
  collectionsError: string | null;
  /** This account's key fingerprint (computed on this device), read out to an owner who invites it; null until loaded. */
  fingerprint: string | null;
  /** Why the status could not be loaded or a change saved. */
  error: string | null;
  syncing: boolean;

  /** Follows the `status` event and loads the status; returns the unsubscribe. */
  start(): () => void;
  load(): Promise<void>;
  loadDevices(): Promise<void>;
  loadConflicts(): Promise<void>;
  loadCollections(): Promise<void>;
  /** Shares the batches register, or invites / removes a member; each rethrows a refusal for the form to show. */
  shareBatches(name: string): Promise<void>;
  /** The fingerprint of the key the server gives for an email: the owner compares it before inviting. */
  memberKey(email: string): Promise<string>;
  /** Invites with the fingerprint the owner confirmed; refused when the server's key for the email has another one. */
  invite(collectionId: string, email: string, role: 'editor' | 'viewer', fingerprint: string): Promise<void>;
  removeMember(collectionId: string, accountId: string): Promise<void>;
  /** Sign up or sign in this profile; rethrows a refusal for the form to show. */
  connect(kind: 'signUp' | 'signIn', form: AccountForm): Promise<SyncStatus>;
  /** Syncs now; resolves with what it did, rethrows a failure (the status shows it too). */
  syncNow(): Promise<SyncNowResult>;
  setBackground(enabled: boolean): Promise<void>;
  revoke(id: string): Promise<void>;
  signOut(): Promise<void>;
}

const initial = {
  status: null,
  devices: null,
  devicesError: null,
  conflicts: null,
  collections: null,
  collectionsError: null,
  fingerprint: null,
  error: null,
  syncing: false,
} satisfies Partial<SyncState>;

/** Settings → Sync: status, devices, shared register and conflicts of the unlocked profile's sync account. */
export const useSyncStore = create<SyncState>()((set, get) => ({
  ...initial,

  start() {
    const off = api.sync.onStatus((status) => set({ status }));
    void get().load();
    return off;
  },

  async load() {
    try {
      const status = await api.sync.status();
      set({ status, error: null });
      if (status.signedIn) await Promise.all([get().loadDevices(), get().loadConflicts(), get().loadCollections()]);
      else if (status.configured) await get().loadConflicts();
    } catch (err) {
      set({ error: describeError(err) });
    }
  },

  async loadDevices() {
    try {
      set({ devices: await api.sync.devices(), devicesError: null });
    } catch (err) {
      set({ devicesError: describeError(err) });
    }
  },

  async loadConflicts() {
    try {
      set({ conflicts: await api.sync.conflicts({ limit: 100 }) });
    } catch {
      set({ conflicts: [] });
    }
  },

  async loadCollections() {
    // The fingerprint is only shown when known: a device signed in before keys were remembered has none yet.
    void api.sync.fingerprint().then(
      (r) => set({ fingerprint: r.fingerprint }),
      () => set({ fingerprint: null }),
    );
    try {
      set({ collections: await api.sync.collections(), collectionsError: null });
    } catch (err) {
      set({ collectionsError: describeError(err) });
    }
  },

  async shareBatches(name) {
    set({ collections: withCollection(get().collections, await api.sync.shareBatches({ name })), collectionsError: null });
  },

  async memberKey(email) {
    return (await api.sync.memberKey({ email })).fingerprint;
  },

  async invite(collectionId, email, role, fingerprint) {
    set({ collections: withCollection(get().collections, await api.sync.invite({ collectionId, email, role, fingerprint })) });
  },

  async removeMember(collectionId, accountId) {
    set({ collections: withCollection(get().collections, await api.sync.removeMember({ collectionId, accountId })) });
  },

  async connect(kind, form) {
    const status = kind === 'signUp' ? await api.sync.signUp(form) : await api.sync.signIn(form);
    set({ status, error: null });
    await get().load();
    return status;
  },

  async syncNow() {
    set({ syncing: true });
    try {
      const out = await api.sync.syncNow();
      set({ status: out.status });
      return out;
    } finally {
      set({ syncing: false });
      await get().load();
    }
  },

  async setBackground(enabled) {
    try {
      set({ status: await api.sync.setBackground({ enabled }), error: null });
    } catch (err) {
      set({ error: describeError(err) });
    }
  },

  async revoke(id) {
    set({ devices: await api.sync.revokeDevice({ id }), devicesError: null });
  },

  async signOut() {
    set({ status: await api.sync.signOut(), devices: null, collections: null, fingerprint: null });
  },
}));

/** The list with `changed` in place of its old self (or added at the end). */
function withCollection(list: SharedCollection[] | null, changed: SharedCollection): SharedCollection[] {
  const rest = (list ?? []).filter((c) => c.id !== changed.id);
  const at = (list ?? []).findIndex((c) => c.id === changed.id);
  return at < 0 ? [...rest, changed] : [...rest.slice(0, at), changed, ...rest.slice(at)];
}

onSessionReset(() => useSyncStore.setState(initial));
