import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../lib/atomic-file';
import { KDF_FLOOR } from '../crypto/kdf';
import { PASSWORD, tempRoot } from '../test/helpers';
import { ProfileService } from './profile.service';
import { DATABASE_FILE } from './profile-store';

async function modes(dir: string, out: Record<string, string> = {}, base = dir): Promise<Record<string, string>> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    out[path.relative(base, full)] = ((await fs.stat(full)).mode & 0o777).toString(8);
    if (entry.isDirectory()) await modes(full, out, base);
  }
  return out;
}

describe.skipIf(process.platform === 'win32')('profile files on disk', () => {
  it('creates every profile file 0600 and every folder 0700, the database -wal and -shm included, whatever the umask', async () => {
    const previous = process.umask(0o022); // the usual default: explicit modes must not depend on it
    try {
      const root = path.join(tempRoot(), 'profiles-root');
      const profiles = new ProfileService({ root, kdfCost: KDF_FLOOR });
      const { profile } = await profiles.create('Home', PASSWORD);
      const session = profiles.current();
      session.sqlite.exec('CREATE TABLE filler (v TEXT) STRICT; INSERT INTO filler VALUES (hex(randomblob(10000)));');
      const dir = path.join(root, profile.id);
      const names = await fs.readdir(dir);
      expect(names).toEqual(expect.arrayContaining([DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, 'keyring.json', 'profile.json']));
      await profiles.rename(profile.id, 'Shop');
      await writeFileAtomic(path.join(dir, 'export.hearth'), 'x');
      const all = await modes(root);
      for (const [name, mode] of Object.entries(all)) {
        const isDir = (await fs.stat(path.join(root, name))).isDirectory();
        expect(`${name} ${mode}`).toBe(`${name} ${isDir ? '700' : '600'}`);
      }
      expect(((await fs.stat(root)).mode & 0o777).toString(8)).toBe('700');
      profiles.lock('quit');
    } finally {
      process.umask(previous);
    }
  });
});
