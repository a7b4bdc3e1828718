import { createReadStream } from 'node:fs';
import { AppError } from '../../../src-shared/ipc/result';
import { wipe } from '../../crypto/cipher';
import { CHUNK_BYTES, createChunkDecryptor } from '../../crypto/chunked-stream';
import { parseKeyring, unwrapWithPassword, unwrapWithRecoveryKey } from '../../profile/keyring';
import { backupKey, damagedBackup, Manifest, MAX_MANIFEST, readBackupHeader, type BackupHeader } from './backup-format';

/** The master password or the recovery key of the time the backup was taken. */
export type BackupSecret = { password: string } | { recoveryKey: string };

export interface OpenedBackup {
  file: string;
  header: BackupHeader;
  prefix: Buffer;
  bytes: number;
  /** The profile's data key (the caller wipes it). */
  dek: Buffer;
}

/** Reads the header and unwraps the data key with the keyring stored in it: WRONG_PASSWORD as at unlock. */
export async function openBackup(file: string, secret: BackupSecret): Promise<OpenedBackup> {
  const { header, prefix, bytes } = await readBackupHeader(file);
  const keyring = parseKeyring(header.keyring);
  if (keyring.profileId !== header.profileId) throw damagedBackup(file, 'its keyring belongs to another profile');
  const dek = 'password' in secret ? await unwrapWithPassword(keyring, secret.password) : unwrapWithRecoveryKey(keyring, secret.recoveryKey);
  return { file, header, prefix, bytes, dek };
}

export interface BodyResult {
  manifest: Manifest;
  /** Authenticated chunks read. */
  chunks: number;
  dbBytes: number;
}

/**
 * Streams and authenticates the body: the manifest, then the database bytes handed to `onDb` one chunk at a
 * time (at most 64 KiB; memory stays constant). With `manifestOnly` it stops after the manifest (rotation).
 * Any failed chunk, a cut-off file or a manifest that does not match what follows is CORRUPT naming the file;
 * a consumer treats what `onDb` got as final only once this resolves.
 */
export async function readBody(b: OpenedBackup, onDb?: (chunk: Buffer) => Promise<void> | void, opts: { manifestOnly?: boolean } = {}): Promise<BodyResult> {
  const key = backupKey(b.dek);
  const prefix = Buffer.from(b.header.noncePrefix, 'base64');
  if (prefix.length !== 7) throw damagedBackup(b.file, 'bad nonce prefix');
  const raw = createReadStream(b.file, { start: b.prefix.length, highWaterMark: 1 << 20 });
  const plain = raw.pipe(createChunkDecryptor(key, prefix, b.prefix, (reason) => damagedBackup(b.file, reason)));
  raw.on('error', (err) => plain.destroy(err));
  let pieces: Buffer[] = []; // the manifest's bytes so far (joined once it is complete: no quadratic copying)
  let held = 0;
  let manifest: Manifest | null = null;
  let total = 0;
  let dbBytes = 0;
  try {
    for await (const data of plain as AsyncIterable<Buffer>) {
      total += data.length;
      let rest = data;
      if (!manifest) {
        pieces.push(rest);
        held += rest.length;
        if (held < 4) continue;
        if (pieces.length > 1 && pieces[0]!.length < 4) pieces = [Buffer.concat(pieces)];
        const length = pieces[0]!.readUInt32BE(0);
        if (length > MAX_MANIFEST) throw damagedBackup(b.file, 'the manifest is too large');
        if (held < 4 + length) continue;
        const head = Buffer.concat(pieces);
        manifest = parseManifest(b.file, head.subarray(4, 4 + length));
        rest = head.subarray(4 + length);
        pieces = [];
        if (opts.manifestOnly) break;
      }
      dbBytes += rest.length;
      if (rest.length > 0) await onDb?.(rest);
    }
  } finally {
    plain.destroy();
    raw.destroy();
    wipe(key);
  }
  if (!manifest) throw damagedBackup(b.file, 'it has no manifest');
  if (!opts.manifestOnly && dbBytes !== manifest.dbBytes)
    throw damagedBackup(b.file, `the database is ${dbBytes} bytes, the manifest says ${manifest.dbBytes}`);
  return { manifest, chunks: Math.max(1, Math.ceil(total / CHUNK_BYTES)), dbBytes };
}

function parseManifest(file: string, bytes: Buffer): Manifest {
  try {
    return Manifest.parse(JSON.parse(bytes.toString('utf8')));
  } catch {
    throw damagedBackup(file, 'the manifest is unreadable');
  }
}

/** True for the errors a damaged or cut-off body gives (verify reports them instead of failing). */
export const isDamage = (err: unknown): err is AppError => err instanceof AppError && err.code === 'CORRUPT';
