import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KDF_FLOOR } from '../../crypto/kdf';
import { KeySet } from '../../crypto/keys';
import { createKysely, openSqlite } from '../../db/connection';
import { migrations } from '../../db/migrations';
import { migrateToLatest } from '../../db/migrator';
import { newId } from '../../lib/ids';
import { createKeyring } from '../../profile/keyring';
import { coreSettings } from '../../platform/core-settings';
import { writeSettings } from '../../platform/settings-store';
import { createWritePath } from '../../platform/write-path';
import { ProfileStore } from '../../profile/profile-store';
import { PASSWORD, tempRoot, testCore } from '../../test/helpers';
import { withClosedProfile } from './backup.test-kit';
import { writeBackup } from './backup-writer';

/** A backup taken by an older Hearth (one migration behind this build) restores and is migrated on the way in. */
describe('restore of a backup from an older schema', () => {
  it('runs the missing migrations and says how many', async () => {
    const old = new ProfileStore(tempRoot());
    const id = newId();
    const now = new Date().toISOString();
    const dir = await old.createFolder(id);
    const { keyring, dek, recoveryKey } = await createKeyring(id, PASSWORD, KDF_FLOOR, now);
    await old.writeKeyring(id, keyring);
    await old.writeMeta({ id, name: 'Old', createdAt: now });
    const keys = new KeySet(dek);
    const sqlite = openSqlite(path.join(dir, 'hearth.db'), { keyPragma: keys.dbKeyPragma(), label: 'hearth.db', create: true });
    const older = migrations.slice(0, -1);
    const db = createKysely(sqlite);
    await migrateToLatest(db, older);
    const writes = createWritePath({ db: () => db, now: Date.now, inTransaction: () => sqlite.inTransaction, onCommitted: () => undefined });
    await writes.write('settings', (trx) => writeSettings(trx, coreSettings, { theme: 'dark' }, now));
    const folder = tempRoot();
    const written = await writeBackup({ profile: { id, name: 'Old' }, dir, sqlite, dek, appVersion: '0.9.0' }, folder, {
      now: Date.now(),
      progress: () => undefined,
    });
    sqlite.close();
    keys.destroy();
    expect(written.info.schemaVersion).toBe(older.length);

    const core = testCore();
    const restored = await core.client.backup.restore({
      file: written.info.file,
      secret: { recoveryKey },
      newPassword: 'a new long passphrase 42',
      allowWeakPassword: true,
    });
    expect(restored.migrated).toBe(1);
    const after = await withClosedProfile(core.profiles.store.dir(restored.profile.id), restored.recoveryKey, (db) => ({
      version: db.pragma('user_version', { simple: true }),
      theme: (db.prepare(`SELECT value FROM settings WHERE key = 'core.theme'`).get() as { value: string }).value,
    }));
    expect(after).toEqual({ version: migrations.length, theme: '"dark"' });
  }, 180_000);
});
