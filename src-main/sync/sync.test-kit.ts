import { createHash } from 'node:crypto';
import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { KDF_FLOOR } from '../crypto/kdf';
import type { Database } from '../db/database';
import { parseKeyring, unwrapWithPassword, KEYRING_FILE } from '../profile/keyring';
import { createProfileFromDek } from '../profile/profile-from-dek';
import type { Core } from '../app/bootstrap';
import type { AppClient } from '../../src-shared/ipc/channels';
import { makeTestCore, type TestCoreOptions } from '../test/helpers';
import { columnsOf } from './schema-info';
import { SYNCED_TABLES } from './tables';

/** The master password of every test device (one account: every device opens with the same password). */
export const DEVICE_PASSWORD = 'correct horse battery staple 42';

/** One simulated device: a real core on its own temp root with a real SQLCipher profile. */
export interface TestDevice {
  name: string;
  core: Core & { root: string; client: AppClient };
  /** Reads of the open profile. */
  db: () => Kysely<Database>;
  /** The 'sync' domain's write (what the engine's `write` dep is in the app). */
  write: <T>(fn: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;
}

/**
 * `n` devices of one person, made once for a whole test file (beforeAll; `close` in afterAll): the first creates its
 * profile; each other joins the way a new device does — a new local profile wrapping the SAME data key
 * (profile-from-dek.ts) — and is unlocked with the same password. Real cores (real argon2 at the floor cost, real
 * SQLCipher files), each on its own temp root. Returns the shared data key too (wipe it in `close`).
 */
export async function newDevices(
  n: number,
  options: TestCoreOptions | ((index: number) => TestCoreOptions) = {},
): Promise<{ devices: TestDevice[]; dek: Buffer; close: () => void }> {
  // Options per device (index 0 is the first), e.g. a different clock on each.
  const optsOf = (i: number): TestCoreOptions => (typeof options === 'function' ? options(i) : options);
  const roots: string[] = [];
  const cores: Core[] = [];
  const make = (name: string, opts: TestCoreOptions): TestDevice => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-sync-'));
    roots.push(root);
    const full = makeTestCore(root, opts);
    cores.push(full);
    const ctx = full.domainContext('sync');
    return { name, core: full, db: ctx.db, write: (fn) => ctx.write(fn) };
  };
  const first = make('d1', optsOf(0));
  const { profile } = await first.core.client.profile.create({ name: 'Device 1', password: DEVICE_PASSWORD });
  const keyring = parseKeyring(await fs.readFile(path.join(first.core.root, profile.id, KEYRING_FILE), 'utf8'));
  const dek = await unwrapWithPassword(keyring, DEVICE_PASSWORD);
  const devices = [first];
  for (let i = 2; i <= n; i++) {
    const opts = optsOf(i - 1);
    const d = make(`d${i}`, opts);
    const made = await createProfileFromDek({
      root: d.core.root,
      name: `Device ${i}`,
      dek,
      password: DEVICE_PASSWORD,
      kdfCost: KDF_FLOOR,
      now: (opts.now ?? Date.now)(),
    });
    await d.core.client.profile.unlock({ profileId: made.profile.id, password: DEVICE_PASSWORD });
    devices.push(d);
  }
  const close = () => {
    for (const c of cores) c.shutdown();
    for (const r of roots) rmSync(r, { recursive: true, force: true });
    dek.fill(0);
  };
  return { devices, dek, close };
}

/**
 * Every synced table's rows, synced columns only (a device's own FTS numbers and fetch state left out), sorted by id:
 * what must be equal on every device after sync. Values as row-codec would send them.
 */
export async function syncedState(db: Kysely<Database>): Promise<Record<string, Array<Record<string, unknown>>>> {
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const table of SYNCED_TABLES) {
    const cols = (await columnsOf(db, table)).filter((c) => c.synced).map((c) => c.name);
    const rows = (await sql<Record<string, unknown>>`SELECT ${sql.join(cols.map((c) => sql.ref(c)))} FROM ${sql.table(table)} ORDER BY id`.execute(db)).rows;
    out[table] = rows.map((r) => Object.fromEntries(cols.map((c) => [c, r[c] instanceof Uint8Array ? Buffer.from(r[c]).toString('base64') : r[c]])));
  }
  return out;
}

/** SHA-256 of {@link syncedState}: equal hashes, equal synced data. */
export async function syncedHash(db: Kysely<Database>): Promise<string> {
  return createHash('sha256')
    .update(JSON.stringify(await syncedState(db)))
    .digest('hex');
}
