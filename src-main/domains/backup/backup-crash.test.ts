import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, tempRoot, testCore } from '../../test/helpers';
import { runAndKill } from '../../test/kill-writer';
import { upload } from './backup.test-kit';
import { bundleFixture } from '../../test/bundle-fixture';

/**
 * T17 (docs/security.md#t17): a backup cut off mid-write by SIGKILL never replaces or damages the previous good
 * one. A child process writes a backup of the same profile (backup-crash.fixture.ts) and is killed while its
 * `.partial` file is being written; the earlier backup must still be listed alone and verify, and the next run must
 * clean the leftovers and succeed.
 */
const REPO = path.resolve(import.meta.dirname, '../../..');
let fixture = '';

beforeAll(async () => {
  fixture = await bundleFixture(path.join(import.meta.dirname, 'backup-crash.fixture.ts'), 'backup-writer');
});

const leftovers = async (dir: string): Promise<string[]> =>
  (await fs.readdir(dir, { recursive: true })).filter((n) => n.includes('.partial') || n.endsWith('run.lock'));

describe('backup crash safety (T17)', () => {
  it('keeps the previous good backup listed and verifiable when a run is SIGKILLed mid-write', async () => {
    const core = testCore();
    const { profile, recoveryKey } = await core.client.profile.create({ name: 'Home', password: PASSWORD });
    const folder = tempRoot();
    await core.client.backup.configure({ folder, schedule: 'off' });
    await upload(core, Buffer.from('kept file '.repeat(500)));
    const good = await core.client.backup.run();
    await upload(core, Buffer.from('new file '.repeat(500)));
    const dir = path.dirname(good.backup.file);

    const acked = await runAndKill(fixture, [core.root, profile.id, folder, recoveryKey], Math.floor(Math.random() * 150), REPO);
    expect(acked).toBeGreaterThan(0);
    expect((await leftovers(dir)).some((n) => n.endsWith('.hearth-backup.partial'))).toBe(true); // the kill landed mid-write
    expect((await core.client.backup.list({})).map((b) => b.file)).toEqual([good.backup.file]);
    expect(await core.client.backup.verify({ file: good.backup.file, secret: { recoveryKey } })).toMatchObject({ ok: true, blobsChecked: 1 });

    // The next run takes over the dead run's lock, deletes its leftovers, and writes a good backup.
    const next = await core.client.backup.run();
    expect(next.blobsCopied).toBeLessThanOrEqual(1);
    expect(await leftovers(dir)).toEqual([]);
    expect(await core.client.backup.verify({ file: next.backup.file, secret: { recoveryKey } })).toMatchObject({ ok: true, blobsChecked: 2 });
  }, 180_000);
});
