import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../src-shared/domains/profile/profile.schemas';
import { KDF_FLOOR } from '../crypto/kdf';
import { errorOf, PASSWORD, testCore } from '../test/helpers';
import {
  createKeyring,
  KEYRING_FILE,
  parseKeyring,
  replaceRecoveryKey,
  rewrapPassword,
  serializeKeyring,
  unwrapWithPassword,
  unwrapWithRecoveryKey,
  type Keyring,
} from './keyring';
import { PROFILE_FILE } from './profile-store';

/**
 * Tests a hand-made mutation sample showed missing (docs/architecture.md#mutation-testing): every header field a
 * wrap depends on must be in its associated data. Each tamper goes through the file format (serialize, edit, parse),
 * as a changed keyring.json would.
 */
const NOW = '2026-01-01T00:00:00.000Z';

function edited(k: Keyring, edit: (json: Record<string, any>) => void): Keyring {
  const json = JSON.parse(serializeKeyring(k)) as Record<string, any>;
  edit(json);
  return parseKeyring(JSON.stringify(json));
}

describe('keyring associated data (mutation tests)', () => {
  it('the password wrap is bound to the profile id and the format version', async () => {
    const { keyring, dek } = await createKeyring(ulid(), PASSWORD, KDF_FLOOR, NOW);
    expect((await unwrapWithPassword(keyring, PASSWORD)).equals(dek)).toBe(true);
    for (const edit of [(j: Record<string, any>) => (j.profileId = ulid()), (j: Record<string, any>) => (j.version = 0)]) {
      expect((await errorOf(unwrapWithPassword(edited(keyring, edit), PASSWORD))).code).toBe('WRONG_PASSWORD');
    }
  });

  it('the recovery wrap is bound to the profile id, both creation dates and the format version', async () => {
    const { keyring, dek, recoveryKey } = await createKeyring(ulid(), PASSWORD, KDF_FLOOR, NOW);
    expect(unwrapWithRecoveryKey(keyring, recoveryKey).equals(dek)).toBe(true);
    const edits: ((j: Record<string, any>) => void)[] = [
      (j) => (j.profileId = ulid()),
      (j) => (j.createdAt = '2020-01-01T00:00:00.000Z'),
      (j) => (j.recovery.createdAt = '2020-01-01T00:00:00.000Z'),
      (j) => (j.version = 0),
    ];
    for (const edit of edits) {
      const err = (() => {
        try {
          unwrapWithRecoveryKey(edited(keyring, edit), recoveryKey);
        } catch (e) {
          return e as { code?: string };
        }
        return null;
      })();
      expect(err?.code, String(edit)).toBe('WRONG_PASSWORD');
    }
    // The password-only fields (KDF parameters, changedAt) are not the recovery wrap's business: it still opens.
    expect(
      unwrapWithRecoveryKey(
        edited(keyring, (j) => (j.changedAt = NOW.replace('01T', '02T'))),
        recoveryKey,
      ).equals(dek),
    ).toBe(true);
  });

  it('parses only a well-formed keyring: bad JSON or shape is CORRUPT naming the file, a newer format SCHEMA_TOO_NEW', async () => {
    const { keyring } = await createKeyring(ulid(), PASSWORD, KDF_FLOOR, NOW);
    expect(parseKeyring(serializeKeyring(keyring))).toEqual(keyring);
    const refused = (text: string) => {
      try {
        parseKeyring(text);
      } catch (e) {
        return e as { code: string; file?: string; message: string };
      }
      throw new Error('parsed');
    };
    expect(refused('{"format": ')).toMatchObject({ code: 'CORRUPT', file: KEYRING_FILE, message: expect.stringMatching(/not valid JSON/) });
    expect(refused('{}')).toMatchObject({ code: 'CORRUPT', file: KEYRING_FILE, message: expect.stringMatching(/not a Hearth key file/) });
    const newer = refused(JSON.stringify({ ...JSON.parse(serializeKeyring(keyring)), version: 2 }));
    expect(newer).toMatchObject({ code: 'SCHEMA_TOO_NEW', file: KEYRING_FILE, message: expect.stringMatching(/newer Hearth \(format 2\)/) });
    const notAKey = expect.objectContaining({ code: 'WRONG_PASSWORD', message: expect.stringMatching(/not a recovery key/) });
    expect(() => unwrapWithRecoveryKey(keyring, 'not a key')).toThrow(notAKey);
  });

  it('a new password or a new recovery key keeps the data key and the header, and retires only the old secret', async () => {
    const id = ulid();
    const { keyring, dek, recoveryKey } = await createKeyring(id, PASSWORD, KDF_FLOOR, NOW);
    const later = '2026-02-01T00:00:00.000Z';
    const rewrapped = parseKeyring(serializeKeyring(await rewrapPassword(keyring, dek, 'a new master passphrase', KDF_FLOOR, later)));
    expect(rewrapped).toMatchObject({ profileId: id, createdAt: NOW, changedAt: later, recovery: keyring.recovery });
    expect(rewrapped.kdf.salt).not.toBe(keyring.kdf.salt);
    expect((await unwrapWithPassword(rewrapped, 'a new master passphrase')).equals(dek)).toBe(true);
    expect((await errorOf(unwrapWithPassword(rewrapped, PASSWORD))).code).toBe('WRONG_PASSWORD');
    expect(unwrapWithRecoveryKey(rewrapped, recoveryKey).equals(dek)).toBe(true);

    const replaced = replaceRecoveryKey(keyring, dek, later);
    const k2 = parseKeyring(serializeKeyring(replaced.keyring));
    expect(k2).toMatchObject({ profileId: id, createdAt: NOW, changedAt: later, password: keyring.password, kdf: keyring.kdf });
    expect(unwrapWithRecoveryKey(k2, replaced.recoveryKey).equals(dek)).toBe(true);
    expect(() => unwrapWithRecoveryKey(k2, recoveryKey)).toThrow(expect.objectContaining({ code: 'WRONG_PASSWORD' }));
    expect((await unwrapWithPassword(k2, PASSWORD)).equals(dek)).toBe(true);
  });

  it('a profile folder copied under a new id, with both files relabelled, unlocks with neither the password nor the recovery key', async () => {
    const core = testCore();
    const { profile, recoveryKey } = await core.call<{ profile: ProfileSummary; recoveryKey: string }>('profile:create', { name: 'Orig', password: PASSWORD });
    await core.call('session:lock');
    const copyId = ulid();
    const from = path.join(core.root, profile.id);
    const to = path.join(core.root, copyId);
    cpSync(from, to, { recursive: true });
    // Relabel: the store checks that both files name their folder, so a naive copy is refused before any unwrap.
    const keyring = JSON.parse(readFileSync(path.join(to, KEYRING_FILE), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(to, KEYRING_FILE), JSON.stringify({ ...keyring, profileId: copyId }));
    const meta = JSON.parse(readFileSync(path.join(to, PROFILE_FILE), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(to, PROFILE_FILE), JSON.stringify({ ...meta, id: copyId, name: 'Copy' }));

    expect((await core.call<ProfileSummary[]>('profile:list')).map((p) => p.id)).toContain(copyId);
    expect((await errorOf(core.call('profile:unlock', { profileId: copyId, password: PASSWORD }))).code).toBe('WRONG_PASSWORD');
    expect((await errorOf(core.call('profile:unlock', { profileId: copyId, recoveryKey }))).code).toBe('WRONG_PASSWORD');
    expect(core.profiles.isUnlocked()).toBe(false);
    // The original is untouched and still opens.
    await core.call('profile:unlock', { profileId: profile.id, password: PASSWORD });
    expect(core.profiles.isUnlocked()).toBe(true);
  });
});
