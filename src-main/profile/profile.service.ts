import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ProfileSummary, UnlockInput } from '../../src-shared/domains/profile/profile.schemas';
import type { LockReason } from '../../src-shared/domains/session/session.contract';
import { AppError } from '../../src-shared/ipc/result';
import { wipe } from '../crypto/cipher';
import { KDF_DEFAULT, KDF_FLOOR, type KdfCost } from '../crypto/kdf';
import { removeStaleTempFiles, type AtomicFault } from '../lib/atomic-file';
import { newId, nowIso } from '../lib/ids';
import { log } from '../lib/log';
import { AttemptGuard } from './attempts';
import { createKeyring, replaceRecoveryKey, rewrapPassword, unwrapWithPassword, unwrapWithRecoveryKey, type Keyring } from './keyring';
import { withKeyringLock } from './keyring-lock';
import { assertMasterPasswordPolicy } from './password-policy';
import { DATABASE_FILE, ProfileStore } from './profile-store';
import type { ProfileSession } from './session';

export interface ProfileServiceOptions {
  root: string;
  /** Argon2id cost for new keyrings and password changes; never below KDF_FLOOR. */
  kdfCost?: KdfCost;
  /** Test hook: simulate a crash between the steps of a keyring write. */
  keyringFault?: AtomicFault;
  /** Milliseconds since the epoch; tests inject one to step through the guessing backoff. */
  clock?: () => number;
}

/** What proves the user knows the profile's secret: the master password, or the recovery key. */
export type CurrentSecret = { password: string } | { recoveryKey: string };

export interface NewPasswordOptions {
  /** CLI only (--allow-weak-password): accept a password below the policy, with a logged warning. */
  allowWeak?: boolean;
}

type LockListener = (reason: LockReason) => void;
type UnlockListener = (session: ProfileSession) => void | Promise<void>;
/** Told after a master password change is on disk, with the new password and keyring (sync sends them to its server). */
export type PasswordChangeListener = (change: { session: ProfileSession; newPassword: string; keyring: Keyring }) => Promise<void>;

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
  readonly #passwordListeners = new Set<PasswordChangeListener>();
  readonly #attempts: AttemptGuard;
  /** Set by a recovery-key unlock; cleared by a password change. */
  #mustChangePassword = false;

  constructor(opts: ProfileServiceOptions) {
    this.store = new ProfileStore(opts.root);
    const cost = opts.kdfCost ?? KDF_DEFAULT;
    this.#cost = {
      memoryKiB: Math.max(cost.memoryKiB, KDF_FLOOR.memoryKiB),
      iterations: Math.max(cost.iterations, KDF_FLOOR.iterations),
      parallelism: Math.max(cost.parallelism, KDF_FLOOR.parallelism),
    };
    this.#fault = opts.keyringFault;
    this.#attempts = new AttemptGuard(opts.clock);
  }

  isUnlocked = (): boolean => this.#session !== null;

  /** The open session or null, whatever the password state (for status only: domains use current()). */
  session(): ProfileSession | null {
    return this.#session;
  }

  /** True after a recovery-key unlock until a new master password is set. */
  get mustChangePassword(): boolean {
    return this.#session !== null && this.#mustChangePassword;
  }

  /** The open session for domain work: LOCKED, or PASSWORD_CHANGE_REQUIRED right after a recovery unlock. */
  current(): ProfileSession {
    const session = this.#open();
    if (this.#mustChangePassword) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 'You unlocked with the recovery key. Set a new master password first.');
    }
    return session;
  }

  /** The open session whatever the password state (status, lock, the password change itself). */
  #open(): ProfileSession {
    if (!this.#session) throw new AppError('LOCKED', 'Hearth is locked. Unlock your profile first.');
    return this.#session;
  }

  onLock(listener: LockListener): () => void {
    this.#lockListeners.add(listener);
    return () => this.#lockListeners.delete(listener);
  }

  onPasswordChange(listener: PasswordChangeListener): () => void {
    this.#passwordListeners.add(listener);
    return () => this.#passwordListeners.delete(listener);
  }

  onUnlock(listener: UnlockListener): () => void {
    this.#unlockListeners.add(listener);
    return () => this.#unlockListeners.delete(listener);
  }

  async create(name: string, password: string, opts: NewPasswordOptions = {}): Promise<{ profile: ProfileSummary; recoveryKey: string }> {
    assertMasterPasswordPolicy(password, opts);
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
    const dek = await this.#attempts.run(profile.id, async () => unwrap(await this.store.readKeyring(profile.id), input));
    try {
      this.lock('user');
      const dir = this.store.dir(profile.id);
      await removeStaleTempFiles(dir);
      await this.#assertDatabaseFile(profile.id);
      await this.#openSession(profile, dir, dek, false);
      // SECURITY: a recovery unlock must end with a new master password (the old one is forgotten or known to others).
      this.#mustChangePassword = 'recoveryKey' in input;
      log.info(`[profile] unlocked${this.#mustChangePassword ? ' with the recovery key' : ''}`);
      return profile;
    } finally {
      wipe(dek);
    }
  }

  async #assertDatabaseFile(id: string): Promise<void> {
    // SECURITY: never create a fresh empty database over a missing or broken one (docs/security.md#t5).
    const stat = await fs.stat(this.store.databasePath(id)).catch(() => null);
    if (!stat)
      throw new AppError('CORRUPT', `${DATABASE_FILE} is missing. Restore it from a backup; Hearth will not create an empty one in its place.`, {
        file: DATABASE_FILE,
      });
    if (!stat.isFile()) throw new AppError('CORRUPT', `${DATABASE_FILE} is not a file.`, { file: DATABASE_FILE });
  }

  async #openSession(profile: ProfileSummary, dir: string, dek: Buffer, create: boolean): Promise<void> {
    // Loaded on first unlock: the database stack (Kysely, the SQLite addon, migrations) costs ~100 ms to load,
    // and commands that never open a profile (`hearth profile list`) should not pay it.
    const { ProfileSession: Session } = await import('./session');
    const session = await Session.open(profile, dir, path.join(dir, DATABASE_FILE), dek, create);
    this.#session = session;
    try {
      for (const l of this.#unlockListeners) await l(session);
    } catch (err) {
      // An unlock that answers with an error must not leave the profile open (a write at unlock failed: docs/security.md#t6).
      this.lock('user');
      throw err;
    }
  }

  /** Closes the database, overwrites the keys and tells listeners (clipboard, renderer). */
  lock(reason: LockReason): boolean {
    const session = this.#session;
    if (!session) return false;
    this.#session = null;
    this.#mustChangePassword = false;
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
    await withKeyringLock(this.store.dir(profileId), () => this.#checkSecret(profileId, { password }));
    if (this.#session?.profile.id === profileId) this.lock('profile-deleted');
    await this.store.removeFolder(profileId);
    log.info('[profile] deleted');
  }

  /**
   * Checks the current secret (the password, or the recovery key after a recovery unlock) against the
   * keyring on disk, then re-wraps the same data key under the new password. The keyring stays locked
   * from the read to the write, so a concurrent change elsewhere gets BUSY instead of being lost.
   */
  async changePassword(current: CurrentSecret, newPassword: string, opts: NewPasswordOptions = {}): Promise<void> {
    const session = this.#open();
    assertMasterPasswordPolicy(newPassword, { ...opts, field: 'newPassword' });
    const id = session.profile.id;
    let changed: Keyring | null = null;
    await this.#rewriteKeyring(id, current, async (keyring) => (changed = await rewrapPassword(keyring, session.keys.dek, newPassword, this.#cost, nowIso())));
    this.#mustChangePassword = false;
    log.info('[profile] password changed');
    for (const l of this.#passwordListeners) {
      // The change is on disk: a listener failing (say, sync could not queue it) must not make it look undone.
      await l({ session, newPassword, keyring: changed! }).catch((err: unknown) => log.error('[profile] a password-change listener failed', err));
    }
  }

  async regenerateRecoveryKey(password: string): Promise<string> {
    const session = this.current();
    let recoveryKey = '';
    await this.#rewriteKeyring(session.profile.id, { password }, async (keyring) => {
      const replaced = replaceRecoveryKey(keyring, session.keys.dek, nowIso());
      recoveryKey = replaced.recoveryKey;
      return replaced.keyring;
    });
    return recoveryKey;
  }

  /** Re-checks the master password of the open profile (re-prompt before sensitive actions). */
  async verifyPassword(password: string): Promise<void> {
    const session = this.current();
    await this.#checkSecret(session.profile.id, { password });
  }

  /** One counted, backed-off check of a secret against the keyring on disk; returns that keyring. */
  #checkSecret(profileId: string, secret: CurrentSecret): Promise<Keyring> {
    return this.#attempts.run(profileId, async () => {
      const keyring = await this.store.readKeyring(profileId);
      wipe(await unwrap(keyring, secret));
      return keyring;
    });
  }

  async #rewriteKeyring(profileId: string, secret: CurrentSecret, change: (keyring: Keyring) => Promise<Keyring>): Promise<void> {
    await withKeyringLock(this.store.dir(profileId), async () => {
      const keyring = await this.#checkSecret(profileId, secret);
      await this.store.writeKeyring(profileId, await change(keyring), this.#fault);
    });
  }
}

/** The data key from the keyring, with whichever secret was given. */
function unwrap(keyring: Keyring, secret: CurrentSecret): Promise<Buffer> {
  return 'password' in secret ? unwrapWithPassword(keyring, secret.password) : Promise.resolve().then(() => unwrapWithRecoveryKey(keyring, secret.recoveryKey));
}

// The contract handlers live beside the service; re-exported so callers keep one import.
export { createProfileHandlers, createSessionHandlers, type IdleClock } from './profile.handlers';
