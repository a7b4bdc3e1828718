import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesContaining } from '../../test/canary';
import { errorOf, PASSWORD, tempRoot, testCore, type TestCore } from '../../test/helpers';
import { CANARY, dumpBlobs, dumpDatabase, fillEveryModule, settled, upload, withClosedProfile } from './backup.test-kit';

/**
 * Issue 13, backups (docs/security.md#t17): real encrypted profiles, real files. A backup restores into a new
 * profile row for row and byte for byte; runs are incremental; verify finds every kind of damage; nothing
 * secret reaches the backup folder in the clear.
 */

async function profileWithBackupFolder(core: TestCore) {
  const created = await core.client.profile.create({ name: 'Home', password: PASSWORD });
  const folder = tempRoot();
  await core.client.backup.configure({ folder, schedule: 'off' });
  return { ...created, folder };
}

const flipByte = async (file: string, offsetFromEnd: number): Promise<void> => {
  const fh = await fs.open(file, 'r+');
  const { size } = await fh.stat();
  const b = Buffer.alloc(1);
  await fh.read(b, 0, 1, size - offsetFromEnd);
  b[0] = b[0]! ^ 0x40;
  await fh.write(b, 0, 1, size - offsetFromEnd);
  await fh.close();
};

describe('backup and restore', () => {
  it('restores every row and stored file of every module into a new profile (canonical dump equal)', async () => {
    const core = testCore();
    const { profile, folder, recoveryKey } = await profileWithBackupFolder(core);
    const { itemId } = await fillEveryModule(core);
    const session = core.profiles.current();
    await settled(session.sqlite); // background work of the imports (run bookkeeping) has written its last row
    const rows = dumpDatabase(session.sqlite);
    const blobs = await dumpBlobs(session.dir);
    expect(blobs.count).toBeGreaterThanOrEqual(4);

    const run = await core.client.backup.run();
    expect(run.blobsCopied).toBe(blobs.count);
    expect(run.backup).toMatchObject({ profileId: profile.id, profileName: 'Home', blobCount: blobs.count });
    expect((await core.client.backup.settings()).lastBackupAt).toBe(run.backup.createdAt);
    expect((await core.client.backup.list({})).map((b) => b.file)).toEqual([run.backup.file]);
    // Canary: the vault password is in no file of the backup folder, in UTF-8 or UTF-16.
    expect(await filesContaining(folder, CANARY)).toEqual([]);

    await core.client.profile.delete({ profileId: profile.id, password: PASSWORD });
    await expect(core.client.backup.restore({ file: run.backup.file, secret: { recoveryKey } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const restored = await core.client.backup.restore({ file: run.backup.file, secret: { password: PASSWORD }, name: 'Home again' });
    expect(restored).toMatchObject({ migrated: 0, blobsRestored: blobs.count, profile: { name: 'Home again' } });
    expect(restored.profile.id).not.toBe(profile.id);
    expect((await core.client.profile.list()).map((p) => p.id)).toEqual([restored.profile.id]);
    const dir = core.profiles.store.dir(restored.profile.id);
    expect(await withClosedProfile(dir, restored.recoveryKey, dumpDatabase)).toBe(rows);
    expect((await dumpBlobs(dir)).hash).toBe(blobs.hash);

    await core.client.profile.unlock({ profileId: restored.profile.id, password: PASSWORD });
    expect((await core.client.vault.reveal({ id: itemId, field: 'password' })).value).toBe(CANARY);
    expect((await core.client.journal.list({})).entries.length).toBeGreaterThan(0);
  }, 180_000);

  it('copies only new stored files, verifies, and reports a flipped byte, a damaged blob, a cut-off file and a wrong password', async () => {
    const core = testCore();
    const { folder, recoveryKey, profile } = await profileWithBackupFolder(core);
    await upload(core, Buffer.from('first file '.repeat(300)));
    const events: { at: number; phase: string }[] = [];
    const stop = core.client.backup.onProgress((p) => events.push({ at: Date.now(), phase: p.phase }));
    const first = await core.client.backup.run();
    expect(first).toMatchObject({ blobsCopied: 1, blobsSkipped: 0 });
    const again = await core.client.backup.run();
    expect(again).toMatchObject({ blobsCopied: 0, blobsSkipped: 1 });
    await upload(core, Buffer.from('second file '.repeat(300)));
    const third = await core.client.backup.run();
    expect(third).toMatchObject({ blobsCopied: 1, blobsSkipped: 1 });
    stop();
    // Progress: at most four a second (the last word, done or failed, always goes out).
    expect(events.filter((e) => e.phase === 'done')).toHaveLength(3);
    const steps = events.filter((e) => e.phase !== 'done');
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.at - steps[i - 1]!.at).toBeGreaterThanOrEqual(250);
    // Same day, week and month: rotation (7 daily, 4 weekly, 12 monthly) keeps the newest only.
    expect((await core.client.backup.list({ folder })).map((b) => b.file)).toEqual([third.backup.file]);

    const file = third.backup.file;
    // The password and the recovery key of the time both open it (the other checks use the recovery key: no KDF, quick).
    const good = await core.client.backup.verify({ file, secret: { password: PASSWORD } });
    expect(good).toMatchObject({ ok: true, blobsChecked: 2, problems: [] });
    expect(good.chunks).toBeGreaterThan(1);
    const secret = { recoveryKey };
    expect((await core.client.backup.verify({ file, secret })).ok).toBe(true);
    expect((await errorOf(core.client.backup.verify({ file, secret: { password: 'not the password' } }))).code).toBe('WRONG_PASSWORD');

    const copy = async (name: string) => {
      const target = path.join(path.dirname(file), name);
      await fs.copyFile(file, target);
      return target;
    };
    const flipped = await copy('flipped.hearth-backup');
    await flipByte(flipped, 100);
    const badChunk = await core.client.backup.verify({ file: flipped, secret });
    expect(badChunk.ok).toBe(false);
    expect(badChunk.problems.join(' ')).toMatch(/failed authentication/);

    const cut = await copy('cut.hearth-backup');
    await fs.truncate(cut, (await fs.stat(cut)).size - 5000);
    expect((await core.client.backup.verify({ file: cut, secret })).ok).toBe(false);

    // A restore while a profile is unlocked leaves that profile open and untouched.
    const newPassword = 'a new long passphrase 42';
    const side = await core.client.backup.restore({ file, secret, newPassword, allowWeakPassword: true });
    expect(side.blobsRestored).toBe(2);
    expect(core.profiles.current().profile.id).toBe(profile.id);
    expect((await core.client.backup.settings()).lastBackupAt).toBe(third.backup.createdAt);

    const blobDir = path.join(path.dirname(file), 'blobs');
    const blobFile = (await fs.readdir(blobDir, { recursive: true, withFileTypes: true })).find((e) => e.isFile())!;
    await flipByte(path.join(blobFile.parentPath, blobFile.name), 10);
    const badBlob = await core.client.backup.verify({ file, secret });
    expect(badBlob).toMatchObject({ ok: false, blobsChecked: 2 });
    expect(badBlob.problems.join(' ')).toMatch(/SHA-256/);

    // A damaged backup restores nothing: no profile and no half-built folder is left behind.
    const before = await core.client.profile.list();
    expect((await errorOf(core.client.backup.restore({ file: flipped, secret, newPassword, allowWeakPassword: true }))).code).toBe('CORRUPT');
    expect((await errorOf(core.client.backup.restore({ file, secret, newPassword, allowWeakPassword: true }))).code).toBe('CORRUPT');
    expect(await core.client.profile.list()).toEqual(before);
    expect((await fs.readdir(core.root)).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 180_000);
});
