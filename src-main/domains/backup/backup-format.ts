import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../src-shared/ipc/result';
import { hkdf } from '../../crypto/cipher';
import { KEY_INFO } from '../../crypto/keys';

/**
 * One backup file (docs/formats.md#backups):
 *
 *   "HEARTHBK" ‖ u32 header length ‖ header JSON ‖ chunk records (crypto/chunked-stream.ts)
 *
 * The header is plaintext (names, dates, counts, the keyring of that moment: what `list` shows and what a
 * restore unwraps the data key with). The body is the chunked AES-256-GCM stream under HKDF(DEK,
 * "hearth/backup/v1") with the nonce prefix from the header; every chunk authenticates the magic, the length
 * and the header bytes, so a changed header fails like a changed chunk. Body plaintext:
 *
 *   u32 manifest length ‖ manifest JSON ‖ the database snapshot (SQLCipher pages, still encrypted) to the end
 */
export const BACKUP_MAGIC = Buffer.from('HEARTHBK', 'latin1');
export const BACKUP_FORMAT = 'hearth-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_EXT = '.hearth-backup';
const MAX_HEADER = 256 * 1024;
/** 100,000 blobs take ~12 MiB of manifest; anything far past that is not a manifest Hearth wrote. */
export const MAX_MANIFEST = 256 * 1024 * 1024;

export const BackupHeader = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  profileId: z.string().max(64),
  profileName: z.string().max(200),
  createdAt: z.string().max(40),
  appVersion: z.string().max(64),
  schemaVersion: z.number().int().nonnegative(),
  blobCount: z.number().int().nonnegative(),
  blobBytes: z.number().int().nonnegative(),
  /** 7 random bytes, base64: the chunk nonces' prefix. */
  noncePrefix: z.string().max(16),
  /** keyring.json as it was when the backup was taken. */
  keyring: z.string().max(64 * 1024),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

/** One stored file: its id, its size and the SHA-256 of the encrypted file as stored in the backup folder. */
export type ManifestBlob = [id: string, size: number, sha256: string];

export const Manifest = z.strictObject({
  blobs: z.array(z.tuple([z.string().regex(/^[0-9a-f]{64}$/), z.number().int().nonnegative(), z.string().regex(/^[0-9a-f]{64}$/)])),
  blobBytes: z.number().int().nonnegative(),
  dbBytes: z.number().int().nonnegative(),
});
export type Manifest = z.infer<typeof Manifest>;

export const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

/** The bytes before the body: they are also every chunk's associated data. */
export function encodeHeader(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  return Buffer.concat([BACKUP_MAGIC, u32(json.length), json]);
}

export const notABackup = (file: string): AppError => new AppError('INVALID_INPUT', `${file} is not a Hearth backup file.`);
export const damagedBackup = (file: string, why: string): AppError => new AppError('CORRUPT', `The backup ${file} is damaged (${why}).`);

/** Reads and checks a file's header; the body starts at `prefix.length`. Never needs a key. */
export async function readBackupHeader(file: string): Promise<{ header: BackupHeader; prefix: Buffer; bytes: number }> {
  const fh = await fs.open(file, 'r').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'EISDIR') throw new AppError('NOT_FOUND', `There is no backup file at ${file}.`);
    throw err;
  });
  try {
    const stat = await fh.stat();
    if (!stat.isFile()) throw new AppError('NOT_FOUND', `${file} is a folder, not a backup file.`);
    const size = stat.size;
    const head = Buffer.alloc(12);
    const { bytesRead } = await fh.read(head, 0, 12, 0);
    if (bytesRead < 12 || !head.subarray(0, 8).equals(BACKUP_MAGIC)) throw notABackup(file);
    const length = head.readUInt32BE(8);
    if (length > MAX_HEADER || 12 + length > size) throw damagedBackup(file, 'the header is cut off');
    const json = Buffer.alloc(length);
    await fh.read(json, 0, length, 12);
    let parsed: unknown;
    try {
      parsed = JSON.parse(json.toString('utf8'));
    } catch {
      throw damagedBackup(file, 'the header is not JSON');
    }
    const version = (parsed as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > BACKUP_VERSION) {
      throw new AppError('SCHEMA_TOO_NEW', `The backup ${file} was written by a newer Hearth (format ${version}). Update Hearth to open it.`);
    }
    const header = BackupHeader.safeParse(parsed);
    if (!header.success) throw damagedBackup(file, 'the header is not a Hearth backup header');
    return { header: header.data, prefix: Buffer.concat([head, json]), bytes: size };
  } finally {
    await fh.close();
  }
}

/** The body key: HKDF(DEK, "hearth/backup/v1"). The caller wipes it. */
export const backupKey = (dek: Buffer): Buffer => hkdf(dek, KEY_INFO.backup);
