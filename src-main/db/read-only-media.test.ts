/**
 * T6 read-only media (docs/security.md#t6): a real profile on a file system the test mounts and then makes
 * read-only. Hearth's choice: an unlock on read-only media fails with a typed READ_ONLY naming hearth.db (a
 * WAL database there could only be read with `immutable=1`, which ignores a -wal an unclean shutdown left, and
 * unlock itself writes: migrations, crash leftovers, blob collection); a disk that turns read-only while the
 * profile is open keeps answering reads and refuses every write with READ_ONLY. Nothing changes on the media.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errorOf, PASSWORD, testCore, uploadBlob, type TestCore } from '../test/helpers';
import { announceSkip, EXT4_SKIP_REASON, listFiles, MOUNT_SKIP_REASON, mountExt4, mountTmpfs, type ScratchMount } from '../test/scratch-mount';

announceSkip(MOUNT_SKIP_REASON ?? EXT4_SKIP_REASON);

const login = (title: string) => ({ type: 'login' as const, title, login: { username: 'me', password: 'first-Pa55word', urls: [] } });

/** Every file under `dir` with a hash of its bytes, to show nothing on the media changed. */
const snapshot = (dir: string): string[] =>
  listFiles(dir).map(
    (f) =>
      `${f} ${createHash('sha256')
        .update(readFileSync(path.join(dir, f)))
        .digest('hex')}`,
  );

/** A profile with an item, a stored file and a changed setting; returns its id and folder. */
async function seed(core: TestCore): Promise<{ id: string; dir: string; itemId: string }> {
  const { profile } = await core.client.profile.create({ name: 'Stick', password: PASSWORD });
  const item = await core.client.vault.create({ item: login('On the stick') });
  await core.blobs().store.put([Buffer.from('a stored file')]);
  await core.client.settings.set({ theme: 'dark' });
  return { id: profile.id, dir: path.join(core.root, profile.id), itemId: item.id };
}

describe.skipIf(MOUNT_SKIP_REASON !== null)('read-only media (T6)', () => {
  const mounts: ScratchMount[] = [];
  afterAll(() => {
    for (const m of mounts) m.unmount();
  });

  it('refuses to unlock a profile on read-only media with READ_ONLY, still lists it, and changes nothing', { timeout: 120_000 }, async () => {
    const mnt = mountTmpfs(16);
    mounts.push(mnt);
    const core = testCore(path.join(mnt.dir, 'profiles'));
    const { id, dir } = await seed(core);
    core.profiles.lock('user');
    const before = snapshot(mnt.dir);
    mnt.remountReadOnly();

    expect((await core.client.profile.list({})).map((p) => p.id)).toEqual([id]);
    const unlock = await errorOf(core.client.profile.unlock({ profileId: id, password: PASSWORD }));
    expect(unlock.toJSON()).toMatchObject({ code: 'READ_ONLY', file: 'hearth.db' });
    expect(unlock.message).toMatch(/read-only|cannot write/i);
    expect(core.profiles.isUnlocked()).toBe(false);
    expect((await errorOf(core.client.profile.create({ name: 'Another', password: PASSWORD }))).code).toBe('READ_ONLY');
    expect((await errorOf(core.client.profile.rename({ profileId: id, name: 'Renamed' }))).code).toBe('READ_ONLY');
    expect(snapshot(mnt.dir)).toEqual(before);

    // Writable again: the same profile opens with everything in it.
    mnt.remountReadWrite();
    await core.client.profile.unlock({ profileId: id, password: PASSWORD });
    expect(core.profiles.current().sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await core.client.settings.get({})).theme).toBe('dark');
    expect(readdirSync(dir)).toContain('hearth.db');
  });

  it.skipIf(EXT4_SKIP_REASON !== null)(
    'keeps answering reads and refuses every write with READ_ONLY when the disk turns read-only while unlocked',
    { timeout: 120_000 },
    async () => {
      const mnt = mountExt4(16);
      mounts.push(mnt);
      const core = testCore(path.join(mnt.dir, 'profiles'));
      const { id, itemId } = await seed(core);
      const c = core.client;
      mnt.failToReadOnly();

      expect((await c.vault.get({ id: itemId })).title).toBe('On the stick');
      expect((await c.vault.list({})).items.map((i) => i.id)).toEqual([itemId]);
      const writes: [string, () => Promise<unknown>][] = [
        ['vault create', () => c.vault.create({ item: login('Lost') })],
        ['file upload', () => uploadBlob(core, Buffer.from('another file'))],
        ['settings change', () => c.settings.set({ theme: 'light' })],
        ['change password', () => c.profile.changePassword({ currentPassword: PASSWORD, newPassword: 'a whole new master passphrase' })],
      ];
      for (const [what, write] of writes) expect({ what, code: (await errorOf(write)).code }).toEqual({ what, code: 'READ_ONLY' });
      expect((await c.settings.get({})).theme).toBe('dark');
      expect((await c.vault.list({})).items).toHaveLength(1);

      core.profiles.lock('user');
      expect((await errorOf(c.profile.unlock({ profileId: id, password: PASSWORD }))).toJSON()).toMatchObject({ code: 'READ_ONLY', file: 'hearth.db' });
      expect(core.profiles.isUnlocked()).toBe(false);
    },
  );
});
