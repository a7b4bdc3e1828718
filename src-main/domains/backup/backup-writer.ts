import { randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BackupInfo, BackupProgress } from '../../../src-shared/domains/backup/backup.schemas';
import { wipe } from '../../crypto/cipher';
import { createChunkEncryptor } from '../../crypto/chunked-stream';
import type { SqliteHandle } from '../../db/connection';
import { syncDir } from '../../lib/atomic-file';
import { BLOBS_DIR } from '../../profile/profile-store';
import { KEYRING_FILE } from '../../profile/keyring';
import { copyBlobs, type Copied } from './backup-blobs';
import { readBody } from './backup-body';
import { BACKUP_FORMAT, BACKUP_VERSION, backupKey, encodeHeader, readBackupHeader, u32, type BackupHeader, type Manifest } from './backup-format';
import { backupFileName, backupFilesIn, backupInfo, PARTIAL, profileBackupDir, removePartials } from './backup-paths';

/**
 * Writes one backup of an open profile (docs/formats.md#backups), crash-safe (docs/security.md#t17):
 * 1. snapshot: `VACUUM INTO` a `.partial` file beside the backups, on the open encrypted connection (one read
 *    transaction: consistent while the app keeps writing; the copy is encrypted with the same database key);
 * 2. stored files copied into `blobs/` (only new ones), each through temp + fsync + rename;
 * 3. the backup file written as `<name>.partial`, fsynced, renamed into place, the folder fsynced.
 * A crash at any point leaves the earlier backups as they were, plus `.partial` files the next run deletes.
 */
export interface BackupSource {
  profile: { id: string; name: string };
  /** The profile folder (keyring.json, blobs/). */
  dir: string;
  sqlite: SqliteHandle;
  /** The profile's data key (borrowed: not wiped here). */
  dek: Buffer;
  appVersion: string;
}

export interface WriteOptions {
  now: number;
  progress: (p: BackupProgress) => void;
  signal?: AbortSignal;
  /** Test hook (the crash test): awaited after each piece of the database written into the body. */
  afterChunk?: () => Promise<void>;
}

export interface Written {
  info: BackupInfo;
  blobsCopied: number;
  blobsSkipped: number;
}

const ownerOnlyDir = async (dir: string): Promise<void> => {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') await fs.chmod(dir, 0o700);
};

export async function writeBackup(source: BackupSource, folder: string, opts: WriteOptions): Promise<Written> {
  const dir = profileBackupDir(folder, source.profile.id);
  await ownerOnlyDir(path.dirname(dir));
  await ownerOnlyDir(dir);
  await removePartials(dir);
  const known = await knownHashes(dir, source.dek);
  const name = await freeName(dir, opts.now);
  const snapshot = path.join(dir, `${name}.db${PARTIAL}`);
  const temp = path.join(dir, `${name}${PARTIAL}`);
  const final = path.join(dir, name);
  let renamed = false;
  try {
    opts.progress({ phase: 'snapshot', done: 0, total: 1 });
    const keyring = await fs.readFile(path.join(source.dir, KEYRING_FILE), 'utf8');
    const schemaVersion = (source.sqlite.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n;
    // SECURITY: SQLite keeps the mode of an existing (empty) target file: the snapshot is owner-only from its first byte.
    await (await fs.open(snapshot, 'wx', 0o600)).close();
    source.sqlite.prepare('VACUUM INTO ?').run(snapshot);
    const dbBytes = (await fs.stat(snapshot)).size;
    opts.signal?.throwIfAborted();

    const blobs = await copyBlobs(path.join(source.dir, BLOBS_DIR), dir, known, (done, total) => opts.progress({ phase: 'blobs', done, total }), opts.signal);
    const blobBytes = blobs.blobs.reduce((n, b) => n + b[1], 0);
    const manifest: Manifest = { blobs: blobs.blobs, blobBytes, dbBytes };
    const noncePrefix = randomBytes(7);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      profileId: source.profile.id,
      profileName: source.profile.name,
      createdAt: new Date(opts.now).toISOString(),
      appVersion: source.appVersion,
      schemaVersion,
      blobCount: blobs.blobs.length,
      blobBytes,
      noncePrefix: noncePrefix.toString('base64'),
      keyring,
    };
    await writeBody(temp, header, manifest, snapshot, noncePrefix, source.dek, opts);
    await fs.rename(temp, final);
    renamed = true;
    await syncDir(dir);
    return { info: await backupInfo(final), blobsCopied: blobs.copied, blobsSkipped: blobs.skipped };
  } finally {
    await fs.rm(snapshot, { force: true }).catch(() => undefined);
    await fs.rm(`${snapshot}-journal`, { force: true }).catch(() => undefined);
    if (!renamed) await fs.rm(temp, { force: true }).catch(() => undefined);
  }
}

async function writeBody(temp: string, header: BackupHeader, manifest: Manifest, snapshot: string, noncePrefix: Buffer, dek: Buffer, opts: WriteOptions) {
  const head = encodeHeader(header);
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  const key = backupKey(dek);
  const out = await fs.open(temp, 'wx', 0o600);
  try {
    await out.write(head);
    const total = manifest.dbBytes;
    let done = 0;
    async function* body(): AsyncIterable<Buffer> {
      yield Buffer.concat([u32(manifestBytes.length), manifestBytes]);
      for await (const chunk of createReadStream(snapshot, { highWaterMark: 256 * 1024 })) {
        yield chunk as Buffer;
        done += (chunk as Buffer).length;
        opts.progress({ phase: 'write', done, total });
        await opts.afterChunk?.();
      }
    }
    // `flush`: fsync before the stream closes the handle.
    await pipeline(Readable.from(body()), createChunkEncryptor(key, noncePrefix, head), out.createWriteStream({ flush: true }), { signal: opts.signal });
  } finally {
    wipe(key);
    await out.close().catch(() => undefined);
  }
}

/** A stamp-named file that does not exist yet (two runs in the same millisecond get `-1`, `-2` …). */
async function freeName(dir: string, now: number): Promise<string> {
  const base = backupFileName(now);
  for (let i = 0; ; i++) {
    const name = i === 0 ? base : base.replace(/(\.hearth-backup)$/, `-${i}$1`);
    if (!(await fs.stat(path.join(dir, name)).catch(() => null))) return name;
  }
}

/** The blob hashes the newest readable backup recorded (files in the folder are never rewritten). */
async function knownHashes(dir: string, dek: Buffer): Promise<Map<string, Copied>> {
  const files = await backupFilesIn(dir);
  for (const file of files.reverse()) {
    try {
      const { header, prefix, bytes } = await readBackupHeader(file);
      const { manifest } = await readBody({ file, header, prefix, bytes, dek }, undefined, { manifestOnly: true });
      return new Map(manifest.blobs.map(([id, size, sha256]) => [id, { size, sha256 }]));
    } catch {
      // An unreadable or foreign file: try the one before it.
    }
  }
  return new Map();
}
