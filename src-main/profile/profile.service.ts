import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { profileContract } from '../../src-shared/domains/profile/profile.contract';
import type { ProfileSummary, UnlockInput } from '../../src-shared/domains/profile/profile.schemas';
import type { LockReason, sessionContract } from '../../src-shared/domains/session/session.contract';
import type { ServiceOf } from '../../src-shared/ipc/define';
import { AppError } from '../../src-shared/ipc/result';
import { wipe } from '../crypto/cipher';
import { KDF_DEFAULT, KDF_FLOOR, type KdfCost } from '../crypto/kdf';
import { removeStaleTempFiles, type AtomicFault } from '../lib/atomic-file';
import { newId, nowIso } from '../lib/ids';
import { log } from '../lib/log';
import { createKeyring, replaceRecoveryKey, rewrapPassword, unwrapWithPassword, unwrapWithRecoveryKey } from './keyring';
import { DATABASE_FILE, ProfileStore } from './profile-store';
import { ProfileSession } from './session';

export interface ProfileServiceOptions {
  root: string;
  /** Argon2id cost for new keyrings and password changes; never below KDF_FLOOR. */
  kdfCost?: KdfCost;
  /** Test hook: simulate a crash between the steps of a keyring write. */
  keyringFault?: AtomicFault;
}

type LockListener = (reason: LockReason) => void;
type UnlockListener = (session: ProfileSession) => void | Promise<void>;

/**
 * The gatekeeper: creates, unlocks and locks profiles, and owns the one open session.
 * Domains never see keys except through `current()`; the router's `unlocked` guard asks `isUnlocked()`.
 */
export class ProfileService {
  readonly store: ProfileStore;
  #session: ProfileSession | null = null;
  readonly #cost: KdfCost;
  readonly #fault?: AtomicFault;
  readonly #lockListeners = new Set<LockListener>();
  readonly #unlockListeners = new Set<UnlockListener>();

  constructor(opts: ProfileServiceOptions) {
    this.store = new ProfileStore(opts.root);
    const cost = opts.kdfCost ?? KDF_DEFAULT;
    this.#cost = {
      memoryKiB: Math.max(cost.memoryKiB, KDF_FLOOR.memoryKiB),
      iterations: Math.max(cost.iterations, KDF_FLOOR.iterations),
      parallelism: Math.max(cost.parallelism, KDF_FLOOR.parallelism),
    };
    this.#fault = opts.keyringFault;
  }

  isUnlocked = (): boolean => this.#session !== null;

  /** The open session, or LOCKED. */
  current(): ProfileSession {
    if (!this.#session) throw new AppError('LOCKED', 'Hearth is locked. Unlock your profile first.');
    return this.#session;
  }

  onLock(listener: LockListener): () => void {
    this.#lockListeners.add(listener);
    return () => this.#lockListeners.delete(listener);
  }

  onUnlock(listener: UnlockListener): () => void {
    this.#unlockListeners.add(listener);
    return () => this.#unlockListeners.delete(listener);
  }

  async create(name: string, password: string): Promise<{ profile: ProfileSummary; recoveryKey: string }> {
    this.lock('user');
    const id = newId();
    const now = nowIso();
    const profile: ProfileSummary = { id, name: name.trim(), createdAt: now };
    const dir = await this.store.createFolder(id);
    const { keyring, dek, recoveryKey } = await createKeyring(id, password, this.#cost, now);
    try {
      await this.store.writeKeyring(id, keyring);
      await this.store.writeMeta(profile);
      await this.#openSession(profile, dir, dek, true);
      log.info('[profile] created');
      return { profile, recoveryKey };
    } catch (err) {
      // A half-made profile is worthless and would confuse the list: remove the whole new folder.
      await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
      throw err;
    } finally {
      wipe(dek);
    }
  }

  async unlock(input: UnlockInput): Promise<ProfileSummary> {
    const profile = await this.store.get(input.profileId);
    const keyring = await this.store.readKeyring(profile.id);
    const dek = 'password' in input ? await unwrapWithPassword(keyring, input.password) : unwrapWithRecoveryKey(keyring, input.recoveryKey);
    try {
      this.lock('user');
      const dir = this.store.dir(profile.id);
      await removeStaleTempFiles(dir);
      await this.#assertDatabaseFile(profile.id);
      await this.#openSession(profile, dir, dek, false);
      log.info('[profile] unlocked');
      return profile;
    } finally {
      wipe(dek);
    }
  }

  async #assertDatabaseFile(id: string): Promise<void> {
    // SECURITY: never create a fresh empty database over a missing or broken one (T5).
    const stat = await fs.stat(this.store.databasePath(id)).catch(() => null);
    if (!stat) throw new AppError('CORRUPT', `${DATABASE_FILE} is missing. Restore it from a backup; Hearth will not create an empty one in its place.`, { file: DATABASE_FILE });
    if (!stat.isFile()) throw new AppError('CORRUPT', `${DATABASE_FILE} is not a file.`, { file: DATABASE_FILE });
  }

  async #openSession(profile: ProfileSummary, dir: string, dek: Buffer, create: boolean): Promise<void> {
    const session = await ProfileSession.open(profile, dir, path.join(dir, DATABASE_FILE), dek, create);
    this.#session = session;
    for (const l of this.#unlockListeners) await l(session);
  }

  /** Closes the database, overwrites the keys and tells listeners (clipboard, renderer). */
  lock(reason: LockReason): boolean {
    const session = this.#session;
    if (!session) return false;
    this.#session = null;
    session.close();
    log.info(`[profile] locked (${reason})`);
    for (const l of this.#lockListeners) l(reason);
    return true;
  }

  async rename(profileId: string, name: string): Promise<ProfileSummary> {
    const profile = await this.store.get(profileId);
    const renamed = { ...profile, name: name.trim() };
    await this.store.writeMeta(renamed);
    if (this.#session?.profile.id === profileId) Object.assign(this.#session.profile, renamed);
    return renamed;
  }

  async delete(profileId: string, password: string): Promise<void> {
    await this.store.get(profileId);
    const keyring = await this.store.readKeyring(profileId);
    wipe(await unwrapWithPassword(keyring, password));
    if (this.#session?.profile.id === profileId) this.lock('profile-deleted');
    await this.store.removeFolder(profileId);
    log.info('[profile] deleted');
  }

  /** Checks the current password against the keyring on disk, then re-wraps the same data key. */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    const session = this.current();
    const id = session.profile.id;
    const keyring = await this.store.readKeyring(id);
    wipe(await unwrapWithPassword(keyring, currentPassword));
    const next = await rewrapPassword(keyring, session.keys.dek, newPassword, this.#cost, nowIso());
    await this.store.writeKeyring(id, next, this.#fault);
    log.info('[profile] password changed');
  }

  async regenerateRecoveryKey(password: string): Promise<string> {
    const session = this.current();
    const keyring = await this.store.readKeyring(session.profile.id);
    wipe(await unwrapWithPassword(keyring, password));
    const { keyring: next, recoveryKey } = replaceRecoveryKey(keyring, session.keys.dek, nowIso());
    await this.store.writeKeyring(session.profile.id, next, this.#fault);
    return recoveryKey;
  }

  /** Re-checks the master password of the open profile (re-prompt before sensitive actions). */
  async verifyPassword(password: string): Promise<void> {
    const session = this.current();
    wipe(await unwrapWithPassword(await this.store.readKeyring(session.profile.id), password));
  }
}

/** The profile contract, over a ProfileService. */
export function createProfileHandlers(profiles: ProfileService): ServiceOf<typeof profileContract> {
  return {
    list: () => profiles.store.list(),
    create: ({ name, password }) => profiles.create(name, password),
    unlock: (input) => profiles.unlock(input),
    rename: ({ profileId, name }) => profiles.rename(profileId, name),
    delete: async ({ profileId, password }) => {
      await profiles.delete(profileId, password);
      return { deleted: true as const };
    },
    changePassword: async ({ currentPassword, newPassword }) => {
      await profiles.changePassword(currentPassword, newPassword);
      return { changed: true as const };
    },
    regenerateRecoveryKey: async ({ password }) => ({ recoveryKey: await profiles.regenerateRecoveryKey(password) }),
  };
}

export interface IdleClock {
  touch(): string | null;
}

/** The session contract, over a ProfileService and the idle lock. */
export function createSessionHandlers(profiles: ProfileService, idle: IdleClock): ServiceOf<typeof sessionContract> {
  return {
    status: () => {
      const s = profiles.isUnlocked() ? profiles.current() : null;
      return { unlocked: s !== null, profile: s ? { ...s.profile } : null };
    },
    lock: () => {
      profiles.lock('user');
      return { locked: true as const };
    },
    touch: () => ({ idleLockAt: idle.touch() }),
  };
}
