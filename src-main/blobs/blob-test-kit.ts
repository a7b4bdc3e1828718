import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createKysely, openSqlite } from '../db/connection';
import { migrateToLatest } from '../db/migrator';
import { createWritePath } from '../platform/write-path';
import { tempRoot } from '../test/helpers';
import { BlobFiles } from './blob-files';
import { createBlobHub, type BlobHub } from './blob-hub';
import type { Later } from './blob-sweep';

/**
 * Tests only: a real profile database (SQLCipher, every migration, the real write path with its change-log
 * triggers) and a real blob folder in a temp dir, with a clock the test moves.
 */
export async function blobKit(opts: { later?: Later } = {}) {
  const dir = tempRoot();
  const sqlite = openSqlite(path.join(dir, 'hearth.db'), { keyPragma: `x'${randomBytes(32).toString('hex')}'`, label: 'hearth.db', create: true });
  const db = createKysely(sqlite);
  await migrateToLatest(db);
  const clock = { ms: Date.parse('2026-12-01T12:00:00.000Z') };
  const now = (): number => clock.ms;
  const writes = createWritePath({ db: () => db, now, inTransaction: () => sqlite.inTransaction, onCommitted: () => undefined });
  const filesKey = randomBytes(32);
  const hub = createBlobHub({
    session: () => ({ dir, keys: { files: filesKey } }),
    db: () => db,
    write: (fn) => writes.write('blobs', fn),
    now,
    later: opts.later,
  });
  const files = new BlobFiles(path.join(dir, 'blobs'), () => filesKey);
  return { dir, sqlite, db, clock, hub, store: hub.store, files, write: <T>(fn: Parameters<typeof writes.write<T>>[1]) => writes.write('blobs', fn) };
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Tests only: the whole plaintext of a stored file of a core (label PDFs and the like are small). */
export async function storedBytes(core: { blobs(): BlobHub }, id: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of await core.blobs().store.open(id)) parts.push(c as Buffer);
  return Buffer.concat(parts);
}
