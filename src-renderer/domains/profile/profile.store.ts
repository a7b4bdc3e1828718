import { create } from 'zustand';
import type { ProfileSummary } from '../../../src-shared/domains/profile/profile.schemas';
import type { LockReason } from '../../../src-shared/domains/session/session.contract';
import { AppError } from '../../../src-shared/ipc/result';
import { api, resetAfterLock } from '../../api/client';
import { describeError } from '../../lib/errors';
import { resetSessionState } from '../../lib/session-reset';
import { uiPrefs } from '../../lib/ui-prefs';

/**
 * Which top-level screen shows. Everything but 'app' and 'set-password' is reachable while locked;
 * 'set-password' follows a recovery-key unlock (main refuses everything else until it is done);
 * 'restore' restores a backup into a new profile; 'join' brings a synced account's data into a new profile.
 */
export type ProfileView = 'loading' | 'unavailable' | 'picker' | 'create' | 'restore' | 'join' | 'unlock' | 'set-password' | 'app';

export type UnlockSecret = { password: string } | { recoveryKey: string };

/** Activity is reported to main at most this often (the idle auto-lock only needs a coarse signal). */
export const TOUCH_INTERVAL_MS = 20_000;

/** UI backoff after repeated wrong secrets: none for two attempts, then 1 s, 2 s, 4 s … up to 30 s. */
export function unlockDelayMs(failures: number): number {
  return failures < 3 ? 0 : Math.min(1000 * 2 ** (failures - 3), 30_000);
}

interface ProfileState {
  view: ProfileView;
  profiles: ProfileSummary[];
  /** The profile offered on the unlock screen. */
  selectedId: string | null;
  /** The unlocked profile (also set during the recovery-key steps right after creation). */
  current: ProfileSummary | null;
  /** Why the last lock happened, for a calm note on the unlock screen. */
  lockReason: LockReason | null;
  /** Why the app cannot start (server unreachable, missing browser-mode token). */
  startError: string | null;
  unlockFailures: number;
  /** Epoch ms before which the unlock button stays disabled. */
  retryAt: number;
  autoLockWarning: { secondsLeft: number; receivedAt: number } | null;
  lastTouchAt: number;

  /** Subscribes to session events and loads the first screen; returns the cleanup. */
  start(): () => void;
  /** Reloads the profile list and the session status, and picks the screen to show. */
  refresh(): Promise<void>;
  /** Notices a lock whose event was missed (e.g. while the event stream was reconnecting). */
  checkStatus(): Promise<void>;
  choose(profileId: string): void;
  showPicker(): void;
  startCreate(): void;
  cancelCreate(): void;
  /** Creates and unlocks a profile; the recovery key goes to the caller, never into the store. */
  create(name: string, password: string): Promise<{ recoveryKey: string }>;
  /** Leaves the recovery-key steps for the app shell. */
  finishCreate(): void;
  startRestore(): void;
  cancelRestore(): void;
  /** After a restore (and its recovery-key steps): lists the new profile and offers it on the unlock screen. */
  finishRestore(profile: ProfileSummary): void;
  /** "Join a synced account…" (cancel it with cancelRestore: back to the locked screens). */
  startJoin(): void;
  /** A join made and unlocked a new profile: it becomes current; finishCreate leaves its recovery-key steps for the app. */
  joined(profile: ProfileSummary): void;
  unlock(secret: UnlockSecret): Promise<void>;
  /** After a recovery-key unlock: sets the new master password (the recovery key typed at unlock proves it). */
  setPasswordAfterRecovery(newPassword: string, recoveryKey?: string): Promise<void>;
  /** Whether the recovery key typed at unlock is still held for setPasswordAfterRecovery. */
  holdsRecoveryKey(): boolean;
  /** Leaves the set-password screen for the app shell. */
  finishRecovery(): void;
  lock(): Promise<void>;
  /** Drops every piece of session state and returns to the unlock screen. Idempotent. */
  handleLocked(reason: LockReason | null): void;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  regenerateRecoveryKey(password: string): Promise<string>;
  rename(name: string): Promise<void>;
  deleteCurrent(password: string): Promise<void>;
  /** Reports user activity (throttled), and at once while an auto-lock warning shows. */
  touch(): void;
}

const lockedState = {
  current: null,
  autoLockWarning: null,
  unlockFailures: 0,
  retryAt: 0,
  lastTouchAt: 0,
} satisfies Partial<ProfileState>;

/** Chooses the locked screen for a profile list: create when empty, else unlock the remembered one. */
function lockedView(profiles: ProfileSummary[], preferredId: string | null): Pick<ProfileState, 'view' | 'selectedId'> {
  if (profiles.length === 0) return { view: 'create', selectedId: null };
  const selected = profiles.find((p) => p.id === preferredId) ?? (profiles.length === 1 ? profiles[0] : undefined);
  return selected ? { view: 'unlock', selectedId: selected.id } : { view: 'picker', selectedId: null };
}

/** Bumped on every lock, so a status answer that was in flight during the lock is ignored. */
let lockEpoch = 0;

/** The recovery key typed at unlock, kept only until the new master password is set (or the lock). */
let heldRecoveryKey: string | null = null;

/** Profiles, the session and the lock/unlock flow. */
export const useProfileStore = create<ProfileState>()((set, get) => ({
  view: 'loading',
  profiles: [],
  selectedId: null,
  lockReason: null,
  startError: null,
  ...lockedState,

  start() {
    const offLocked = api.session.onLocked(({ reason }) => get().handleLocked(reason));
    const offWarning = api.session.onAutoLockWarning(({ secondsLeft }) => set({ autoLockWarning: { secondsLeft, receivedAt: Date.now() } }));
    void get().refresh();
    return () => {
      offLocked();
      offWarning();
    };
  },

  async refresh() {
    const epoch = lockEpoch;
    try {
      const [status, profiles] = await Promise.all([api.session.status(), api.profile.list()]);
      if (epoch !== lockEpoch) return;
      if (status.unlocked && status.profile) {
        set({ view: status.mustChangePassword ? 'set-password' : 'app', profiles, current: status.profile, selectedId: status.profile.id, startError: null });
        return;
      }
      set({ ...lockedView(profiles, uiPrefs.lastProfileId()), profiles, lockReason: uiPrefs.takeLockReason(), startError: null });
    } catch (err) {
      set({ view: 'unavailable', startError: describeError(err) });
    }
  },

  async checkStatus() {
    if (get().current === null) return;
    const status = await api.session.status().catch(() => null);
    if (status && !status.unlocked) get().handleLocked(null);
  },

  choose: (profileId) => set({ view: 'unlock', selectedId: profileId, unlockFailures: 0, retryAt: 0, lockReason: null }),
  showPicker: () => set({ view: 'picker', lockReason: null }),
  startCreate: () => set({ view: 'create', lockReason: null }),
  cancelCreate() {
    const { profiles, selectedId } = get();
    if (profiles.length > 0) set(lockedView(profiles, selectedId ?? uiPrefs.lastProfileId()));
  },

  async create(name, password) {
    const out = await api.profile.create({ name, password });
    uiPrefs.setLastProfileId(out.profile.id);
    set((s) => ({ current: out.profile, selectedId: out.profile.id, profiles: [...s.profiles, out.profile], lockReason: null }));
    return { recoveryKey: out.recoveryKey };
  },

  finishCreate() {
    if (get().current) set({ view: 'app' });
  },

  startRestore: () => set({ view: 'restore', lockReason: null }),
  cancelRestore() {
    const { profiles, selectedId } = get();
    set(lockedView(profiles, selectedId ?? uiPrefs.lastProfileId()));
  },
  finishRestore(profile) {
    uiPrefs.setLastProfileId(profile.id);
    set((s) => ({
      profiles: [...s.profiles.filter((p) => p.id !== profile.id), profile],
      view: 'unlock',
      selectedId: profile.id,
      unlockFailures: 0,
      retryAt: 0,
      lockReason: null,
    }));
  },

  startJoin: () => set({ view: 'join', lockReason: null }),
  joined(profile) {
    uiPrefs.setLastProfileId(profile.id);
    set((s) => ({
      current: profile,
      selectedId: profile.id,
      profiles: [...s.profiles.filter((p) => p.id !== profile.id), profile],
      lockReason: null,
      lastTouchAt: Date.now(),
    }));
  },

  async unlock(secret) {
    const { selectedId, retryAt } = get();
    if (!selectedId) throw new AppError('INVALID_INPUT', 'Choose a profile first.');
    if (Date.now() < retryAt) throw new AppError('BUSY', 'Please wait a moment before trying again.');
    try {
      const profile = await api.profile.unlock({ profileId: selectedId, ...secret });
      uiPrefs.setLastProfileId(profile.id);
      const recovered = 'recoveryKey' in secret;
      heldRecoveryKey = recovered ? secret.recoveryKey : null;
      set({ ...lockedState, view: recovered ? 'set-password' : 'app', current: profile, lockReason: null, lastTouchAt: Date.now() });
    } catch (err) {
      if (err instanceof AppError && err.code === 'WRONG_PASSWORD') {
        const failures = get().unlockFailures + 1;
        set({ unlockFailures: failures, retryAt: Date.now() + unlockDelayMs(failures) });
      }
      throw err;
    }
  },

  async setPasswordAfterRecovery(newPassword, recoveryKey) {
    const currentRecoveryKey = recoveryKey ?? heldRecoveryKey;
    if (!currentRecoveryKey) throw new AppError('INVALID_INPUT', 'Enter your recovery key.');
    await api.profile.changePassword({ currentRecoveryKey, newPassword });
    heldRecoveryKey = null;
  },

  holdsRecoveryKey: () => heldRecoveryKey !== null,

  finishRecovery() {
    if (get().current) set({ view: 'app', lastTouchAt: Date.now() });
  },

  async lock() {
    try {
      await api.session.lock();
    } finally {
      get().handleLocked('user');
    }
  },

  handleLocked(reason) {
    const { current, view, profiles, selectedId } = get();
    if (current === null && view !== 'app') return;
    lockEpoch += 1;
    heldRecoveryKey = null;
    const remaining = reason === 'profile-deleted' ? profiles.filter((p) => p.id !== current?.id) : profiles;
    if (reason === 'profile-deleted') uiPrefs.setLastProfileId(null);
    if (reason) uiPrefs.setLockReason(reason);
    resetSessionState();
    set({ ...lockedState, ...lockedView(remaining, current?.id ?? selectedId), profiles: remaining, lockReason: reason });
    resetAfterLock();
  },

  async changePassword(currentPassword, newPassword) {
    await api.profile.changePassword({ currentPassword, newPassword });
  },

  async regenerateRecoveryKey(password) {
    const { recoveryKey } = await api.profile.regenerateRecoveryKey({ password });
    return recoveryKey;
  },

  async rename(name) {
    const current = get().current;
    if (!current) throw new AppError('LOCKED', 'Hearth is locked.');
    const renamed = await api.profile.rename({ profileId: current.id, name });
    set((s) => ({ current: renamed, profiles: s.profiles.map((p) => (p.id === renamed.id ? renamed : p)) }));
  },

  async deleteCurrent(password) {
    const current = get().current;
    if (!current) throw new AppError('LOCKED', 'Hearth is locked.');
    await api.profile.delete({ profileId: current.id, password });
    get().handleLocked('profile-deleted');
  },

  touch() {
    const { current, view, lastTouchAt, autoLockWarning } = get();
    if (current === null || view !== 'app') return;
    const now = Date.now();
    if (autoLockWarning === null && now - lastTouchAt < TOUCH_INTERVAL_MS) return;
    set({ lastTouchAt: now, autoLockWarning: null });
    void api.session.touch().catch(() => undefined);
  },
}));
