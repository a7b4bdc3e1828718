/**
 * T7 disk full (docs/security.md#t7): a real profile on a 16 MiB tmpfs the test fills to the last byte. Every
 * write path (a vault item, a Bitwarden import, a batches CSV import, a master password change, a file upload,
 * a backup into a folder on the same disk)
 * must answer a typed DISK_FULL, leave no half-written file, log no stack trace, and, once space is freed,
 * the profile must reopen with the old password, pass integrity_check and hold every acknowledged write.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLogLevel } from '../lib/log';
import { errorOf, PASSWORD, testCore, uploadBlob, type TestCore } from '../test/helpers';
import { announceSkip, listFiles, MOUNT_SKIP_REASON, mountTmpfs, type ScratchMount } from '../test/scratch-mount';

announceSkip(MOUNT_SKIP_REASON);

const bitwarden = (n: number): string =>
  JSON.stringify({
    encrypted: false,
    items: Array.from({ length: n }, (_, i) => ({ type: 1, name: `Imported ${i}`, login: { username: `u${i}`, password: `imported-pw-${i}`, uris: [] } })),
  });
const csv = (lots: number, prefix: string): string =>
  [
    'product,gtin,lot,production_date,arrival_date,quantity,unit,date_type,shelf_life_days',
    ...Array.from({ length: lots }, (_, i) => `Oat milk,,${prefix}-${i},2026-11-18,2026-11-19,6,l,best-before,10`),
  ].join('\n');
const login = (title: string) => ({ type: 'login' as const, title, login: { username: 'me', password: 'first-Pa55word', urls: [] } });

/** Every file under `dir` but the fill file and SQLite's own -wal/-shm. */
const tree = (dir: string): string[] => listFiles(dir).filter((f) => f !== 'fill.bin' && !f.endsWith('-wal') && !f.endsWith('-shm'));

/** Rows in every table of the open profile: a failed write must leave each count as it was. */
function rowCounts(core: TestCore): Record<string, number> {
  const db = core.profiles.current().sqlite;
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

describe.skipIf(MOUNT_SKIP_REASON !== null)('disk full (T7)', () => {
  let mnt: ScratchMount;
  let core: TestCore;
  const logged: string[] = [];

  beforeAll(() => {
    mnt = mountTmpfs(16);
    setLogLevel('info');
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  });
  afterAll(() => {
    vi.restoreAllMocks();
    setLogLevel('silent');
    mnt.unmount();
  });

  it('answers DISK_FULL at every write path, writes nothing half, and reopens intact once space is freed', { timeout: 120_000 }, async () => {
    const root = path.join(mnt.dir, 'profiles');
    core = testCore(root);
    const c = core.client;
    const { profile } = await c.profile.create({ name: 'Full', password: PASSWORD });
    const dir = path.join(root, profile.id);
    // Acknowledged writes before the disk fills: each must survive.
    const kept = await c.vault.create({ item: login('Kept') });
    const preview = await c.vault.importPreview({ file: { fileName: 'bw.json', contentBase64: Buffer.from(bitwarden(2)).toString('base64') } });
    await c.vault.importCommit({ importId: preview.importId });
    await c.batches.importCsv({ csv: csv(3, 'A'), dryRun: false });
    const blob = await core.blobs().store.put([Buffer.from('an attachment that was stored')]);
    const backups = path.join(mnt.dir, 'backups');
    mkdirSync(backups);
    await c.backup.configure({ folder: backups });
    await c.backup.run({});
    // A fresh WAL after reopening, so the next write has to grow a file.
    core.profiles.lock('user');
    await c.profile.unlock({ profileId: profile.id, password: PASSWORD });
    const counts = () => rowCounts(core);
    const before = counts();
    expect(before).toMatchObject({ vault_items: 3, batches: 3, blobs: 1 });
    const keyring = readFileSync(path.join(dir, 'keyring.json'));
    const files = tree(dir);
    const backupFiles = tree(backups);
    const bigImport = await c.vault.importPreview({ file: { fileName: 'bw.json', contentBase64: Buffer.from(bitwarden(20)).toString('base64') } });
    logged.length = 0;

    mnt.fill();
    const attempts: [string, () => Promise<unknown>][] = [
      ['vault create', () => c.vault.create({ item: login('Lost') })],
      ['vault import', () => c.vault.importCommit({ importId: bigImport.importId })],
      ['batches CSV import', () => c.batches.importCsv({ csv: csv(20, 'B'), dryRun: false })],
      ['change password', () => c.profile.changePassword({ currentPassword: PASSWORD, newPassword: 'a whole new master passphrase' })],
      ['file upload', () => uploadBlob(core, Buffer.alloc(256 << 10, 7))],
      ['backup', () => c.backup.run({})],
    ];
    for (const [what, attempt] of attempts) {
      const err = await errorOf(attempt);
      expect({ what, code: err.code, message: err.message }).toMatchObject({ what, code: 'DISK_FULL' });
      expect(tree(dir), what).toEqual(files);
      expect(tree(backups), what).toEqual(backupFiles);
    }
    expect(readFileSync(path.join(dir, 'keyring.json')).equals(keyring)).toBe(true);
    expect(counts()).toEqual(before);
    // Last, as creating a profile locks the open one first: no half-made profile folder is left.
    expect((await errorOf(c.profile.create({ name: 'Second', password: PASSWORD }))).code).toBe('DISK_FULL');
    expect(readdirSync(root)).toEqual([profile.id]);
    expect(logged.filter((l) => /\n\s+at /.test(l) || /rollback/i.test(l))).toEqual([]);

    mnt.unfill();
    core.profiles.lock('user');
    await c.profile.unlock({ profileId: profile.id, password: PASSWORD });
    expect(core.profiles.current().sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(counts()).toEqual(before);
    expect((await c.vault.get({ id: kept.id })).title).toBe('Kept');
    const back: Buffer[] = [];
    for await (const chunk of await core.blobs().store.open(blob.id)) back.push(chunk as Buffer);
    expect(Buffer.concat(back).toString()).toBe('an attachment that was stored');
    // The next backup goes through, and leaves only backups and their blobs.
    await c.backup.run({});
    expect(tree(backups).filter((f) => !f.endsWith('.hearth-backup') && !f.includes('/blobs/'))).toEqual([]);
    // The captured log is live (so the empty stack-trace check above means something).
    expect(logged.some((l) => l.includes('[profile] unlocked'))).toBe(true);
  });
});
