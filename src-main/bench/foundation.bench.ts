import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createCore } from '../app/bootstrap';
import { wipe } from '../crypto/cipher';
import { deriveMasterKey, KDF_DEFAULT, KDF_FLOOR } from '../crypto/kdf';
import { KeySet } from '../crypto/keys';
import { createKysely, openSqlite } from '../db/connection';
import { migrateToLatest } from '../db/migrator';
import { coreSettings } from '../platform/core-settings';
import { readSettings } from '../platform/settings-store';
import { unwrapWithRecoveryKey, type Keyring } from '../profile/keyring';
import { DATABASE_FILE, type ProfileStore } from '../profile/profile-store';
import { ProfileSession } from '../profile/session';
import { median, msSince, timeAsync, type Measurement } from './measure';

/**
 * Foundation: what unlocking costs, split into the Argon2id KDF and everything else, and how fast a
 * keyed database answers its first query. The journal-like store bench lives in store.bench.ts.
 */
const PASSWORD = 'correct horse battery staple';
const GROUP_UNLOCK = 'Unlock (real ProfileService, KDF 128 MiB / t=3 / p=4)';
const GROUP_OPEN = 'Open to first query (key in hand)';
const OPEN_TARGET_MS = 5;
const FIRST_QUERY = 'SELECT key, value FROM settings WHERE deleted_at IS NULL';

export interface UnlockBenchOptions {
  root: string;
  /** Lock/unlock cycles; medians are reported. */
  unlocks: number;
  /** Open-to-first-query repetitions. */
  opens: number;
}

/** Unlock split and open-to-first-query, on one real profile created once under `root`. */
export async function benchUnlock(opts: UnlockBenchOptions): Promise<Measurement[]> {
  const core = createCore({
    root: opts.root,
    transport: 'cli',
    version: 'bench',
    kdfCost: KDF_DEFAULT,
    resourcesDir: path.resolve(__dirname, '../../resources'),
  });
  try {
    const { profile, recoveryKey } = await core.profiles.create('Bench', PASSWORD);
    core.profiles.lock('user');
    const id = profile.id;
    const keyring = await core.profiles.store.readKeyring(id);
    // Warm-up (JIT, file cache, argon2 worker) so the first timed cycle is not an outlier.
    await core.profiles.unlock({ profileId: id, recoveryKey });
    core.profiles.lock('user');

    const full: number[] = [];
    const rest: number[] = [];
    const kdf: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < opts.unlocks; i++) {
      full.push(await timeAsync(() => core.profiles.unlock({ profileId: id, password: PASSWORD })));
      core.profiles.lock('user');
      // The recovery-key path is the password path minus Argon2id: same keyring read, HKDF + AES-GCM
      // unwrap, SQLCipher open, migrations check and settings read (bootstrap's onUnlock listener).
      rest.push(await timeAsync(() => core.profiles.unlock({ profileId: id, recoveryKey })));
      core.profiles.lock('user');
      kdf.push(await timeAsync(async () => wipe(await deriveMasterKey(PASSWORD, keyring.kdf))));
      floor.push(await timeAsync(async () => wipe(await deriveMasterKey(PASSWORD, { ...keyring.kdf, ...KDF_FLOOR }))));
    }
    const steps = await unlockSteps(core.profiles.store, id, recoveryKey, opts.unlocks);
    const info = (name: string, samples: number[]): Measurement => ({ group: GROUP_UNLOCK, name, value: median(samples), unit: 'ms' });
    return [
      info('unlock with password, total', full),
      info('  Argon2id KDF, default cost (128 MiB, t=3, p=4)', kdf),
      info('  everything else (recovery-key unlock: no KDF)', rest),
      ...steps.map((s) => info(`    ${s.name}`, s.samples)),
      info('Argon2id KDF, floor cost (64 MiB, t=3, p=4), reference', floor),
      ...(await benchOpen(core.profiles.store.databasePath(id), keyring, recoveryKey, opts.opens)),
    ];
  } finally {
    core.shutdown();
  }
}

/** The non-KDF part of unlock, one step at a time (medians of `n`). */
async function unlockSteps(store: ProfileStore, id: string, recoveryKey: string, n: number) {
  const read: number[] = [];
  const unwrap: number[] = [];
  const open: number[] = [];
  const settings: number[] = [];
  for (let i = 0; i < n + 1; i++) {
    if (i === 1) for (const xs of [read, unwrap, open, settings]) xs.length = 0; // drop the warm-up pass
    let start = process.hrtime.bigint();
    const profile = await store.get(id);
    const keyring = await store.readKeyring(id);
    read.push(msSince(start));
    start = process.hrtime.bigint();
    const dek = unwrapWithRecoveryKey(keyring, recoveryKey);
    unwrap.push(msSince(start));
    start = process.hrtime.bigint();
    const session = await ProfileSession.open(profile, store.dir(id), store.databasePath(id), dek, false);
    open.push(msSince(start));
    wipe(dek);
    try {
      settings.push(await timeAsync(() => readSettings(session.db, coreSettings)));
    } finally {
      session.close();
    }
  }
  return [
    { name: 'profile + keyring read and parse', samples: read },
    { name: 'unwrap DEK (HKDF + AES-GCM)', samples: unwrap },
    { name: 'SQLCipher open + sub-keys + migrations check', samples: open },
    { name: 'settings read', samples: settings },
  ];
}

/**
 * Time from holding the DEK to the first SELECT result: HKDF sub-keys, SQLCipher raw-key open with
 * the connection pragmas, then a settings query. Baseline: the same schema in an unkeyed file.
 */
async function benchOpen(dbFile: string, keyring: Keyring, recoveryKey: string, n: number): Promise<Measurement[]> {
  const plainFile = path.join(path.dirname(dbFile), `plain-${randomBytes(4).toString('hex')}.db`);
  const plain = openSqlite(plainFile, { keyPragma: null, label: 'plain.db', create: true });
  await migrateToLatest(createKysely(plain));
  plain.close();

  const dek = unwrapWithRecoveryKey(keyring, recoveryKey);
  const enc: number[] = [];
  const base: number[] = [];
  try {
    for (let i = 0; i < n + 1; i++) {
      const e = openOnce(dbFile, dek);
      const p = openOnce(plainFile, null);
      if (i === 0) continue; // warm-up
      enc.push(e);
      base.push(p);
    }
  } finally {
    wipe(dek);
  }
  const value = median(enc);
  const baseline = median(base);
  return [
    {
      group: GROUP_OPEN,
      name: `DEK → first SELECT result, median of ${n}`,
      value,
      unit: 'ms',
      baseline,
      ratio: baseline / value,
      target: `< ${OPEN_TARGET_MS} ms`,
      pass: value < OPEN_TARGET_MS,
    },
  ];
}

function openOnce(file: string, dek: Buffer | null): number {
  const start = process.hrtime.bigint();
  const keys = dek ? new KeySet(dek) : null;
  const db = openSqlite(file, { keyPragma: keys ? keys.dbKeyPragma() : null, label: DATABASE_FILE, create: false });
  try {
    db.prepare(FIRST_QUERY).all();
    return msSince(start);
  } finally {
    db.close();
    keys?.destroy();
  }
}
