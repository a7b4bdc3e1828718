import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ItemDetail } from '../../src-shared/domains/vault/vault.schemas';
import { KeySet } from '../crypto/keys';
import { wipe } from '../crypto/cipher';
import { assertCliBuilt } from '../test/cli';
import { PASSWORD, tempRoot, testCore } from '../test/helpers';
import { startServe, type ServeProcess } from '../test/serve';
import { unwrapWithPassword } from './keyring';

/**
 * docs/security.md#t16: after lock, the process that held the profile keeps no key and no revealed secret in
 * its JavaScript heap. A real `hearth serve` (the same core as the app's main process) unlocks a profile, stores
 * and reveals a canary password through its API, locks, and is asked for a V8 heap snapshot (Node's
 * --heapsnapshot-signal; taking one collects garbage first). The snapshot is searched for the canary and for the
 * data key and every sub-key in hex and base64 (the test derives them itself from the keyring and the password),
 * and for the master password. Buffers' bytes are not in a heap snapshot; those are overwritten on lock
 * (profile.service.test.ts).
 */

const CANARY = 'CANARY-revealed-3f9d1c7e-secret';

/** The heap snapshot `server` writes on SIGUSR2 into `dir`, once complete (its JSON closed). */
async function heapSnapshot(server: ServeProcess, dir: string): Promise<string> {
  server.child.kill('SIGUSR2');
  for (let i = 0; i < 1200; i++) {
    const name = readdirSync(dir).find((n) => n.endsWith('.heapsnapshot'));
    if (name && tail(path.join(dir, name)).trimEnd().endsWith(']}')) return path.join(dir, name);
    await sleep(50);
  }
  throw new Error('hearth serve wrote no complete heap snapshot');
}

function tail(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.alloc(Math.min(size, 16));
    readSync(fd, buf, 0, buf.length, size - buf.length);
    return buf.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Every form of every key an unlocked session holds, named, as a heap snapshot would show a JS string copy. */
async function keyForms(root: string, profileId: string): Promise<Map<string, string>> {
  const keyring = JSON.parse(readFileSync(path.join(root, profileId, 'keyring.json'), 'utf8')) as Parameters<typeof unwrapWithPassword>[0];
  const dek = await unwrapWithPassword(keyring, PASSWORD);
  const keys = new KeySet(dek);
  const forms = new Map<string, string>();
  for (const [name, bytes] of [
    ['dek', dek],
    ['db', keys.db],
    ['items', keys.items],
    ['files', keys.files],
    ['export', keys.export],
  ] as const) {
    forms.set(`${name} key (hex)`, bytes.toString('hex'));
    forms.set(`${name} key (base64)`, bytes.toString('base64'));
    forms.set(`${name} key (base64url)`, bytes.toString('base64url'));
  }
  keys.destroy();
  wipe(dek);
  return forms;
}

describe('heap after lock', () => {
  beforeAll(() => assertCliBuilt());

  it('holds no key material and no revealed secret in the heap of the process that held the profile', async () => {
    const core = testCore();
    const { profile } = await core.client.profile.create({ name: 'Heap', password: PASSWORD });
    await core.client.session.lock();

    const snapshots = tempRoot();
    const server = await startServe({ HEARTH_HOME: core.root }, { cwd: snapshots, nodeArgs: ['--heapsnapshot-signal=SIGUSR2'] });
    try {
      expect(await server.call('profile:unlock', { profileId: profile.id, password: PASSWORD })).toMatchObject({ ok: true });
      const created = await server.call<ItemDetail>('vault:create', { item: { type: 'login', title: 'Bank', login: { username: 'me', password: CANARY } } });
      if (!created.ok) throw new Error(JSON.stringify(created.error));
      expect(await server.call('vault:reveal', { id: created.value.id, field: 'password' })).toEqual({ ok: true, value: { value: CANARY } });
      expect(await server.call('session:lock')).toMatchObject({ ok: true });

      const text = readFileSync(await heapSnapshot(server, snapshots), 'utf8');
      expect(text.includes(server.token)).toBe(true); // the search finds a live base64url secret: the server's API token
      const found = [...(await keyForms(core.root, profile.id))].filter(([, form]) => text.includes(form)).map(([name]) => name);
      if (text.includes(CANARY)) found.push('the revealed canary password');
      if (text.includes(PASSWORD)) found.push('the master password');
      expect(found).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 240_000);
});
