import { createHmac, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../../src-shared/ipc/result';
import { hkdf } from '../crypto/cipher';
import { createChunkDecryptor, createChunkEncryptor } from '../crypto/chunked-stream';

/**
 * One encrypted blob on disk:
 *
 *   "HBLOB\0\0\1" ‖ salt(16) ‖ noncePrefix(7) ‖ chunk records (crypto/chunked-stream.ts)
 *
 * The blob key is HKDF(files key, "hearth/blob/v1/" ‖ salt): a fresh key per blob, so nonces never repeat
 * across blobs and a chunk moved from one blob into another fails. The fixed 31-byte header is the
 * chunks' associated data. The blob's id is a keyed hash of its plaintext (HMAC-SHA256 under a second
 * sub-key), so identical files are stored once without revealing a plain content hash to anyone holding
 * the folder.
 */
export const BLOB_MAGIC = Buffer.from('HBLOB\0\0\x01', 'latin1');
const SALT = 16;
const PREFIX = 7;
export const BLOB_HEADER_BYTES = BLOB_MAGIC.length + SALT + PREFIX;

export const blobIdKey = (filesKey: Buffer): Buffer => hkdf(filesKey, 'hearth/blob-id/v1');
const blobKey = (filesKey: Buffer, salt: Buffer): Buffer => hkdf(filesKey, `hearth/blob/v1/${salt.toString('hex')}`);

/** The id stream: counts and HMACs the plaintext as it passes through unchanged. */
export interface Measure extends Transform {
  result(): { id: string; size: number };
}

export function measurePlaintext(idKey: Buffer): Measure {
  const mac = createHmac('sha256', idKey);
  let size = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      mac.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  }) as Measure;
  let id: string | null = null;
  t.result = () => {
    id ??= mac.digest('hex');
    return { id, size };
  };
  return t;
}

/** Header bytes + the encrypting transform for a new blob. */
export function newBlobEncryptor(filesKey: Buffer): { header: Buffer; encryptor: Transform } {
  const salt = randomBytes(SALT);
  const prefix = randomBytes(PREFIX);
  const header = Buffer.concat([BLOB_MAGIC, salt, prefix]);
  const key = blobKey(filesKey, salt);
  const encryptor = createChunkEncryptor(key, prefix, header);
  encryptor.once('close', () => key.fill(0));
  return { header, encryptor };
}

export const damagedBlob = (id: string): AppError =>
  new AppError('CORRUPT', `A stored file is damaged or was changed on disk (blobs/${id.slice(0, 2)}/${id.slice(0, 12)}…); nothing was written.`, {
    file: `blobs/${id.slice(0, 2)}/${id}`,
  });

/** The decrypting transform for the chunk records after `header` (the file's first BLOB_HEADER_BYTES). */
export function blobDecryptor(filesKey: Buffer, header: Buffer, id: string): Transform {
  if (header.length !== BLOB_HEADER_BYTES || !header.subarray(0, BLOB_MAGIC.length).equals(BLOB_MAGIC)) throw damagedBlob(id);
  const salt = header.subarray(BLOB_MAGIC.length, BLOB_MAGIC.length + SALT);
  const prefix = header.subarray(BLOB_MAGIC.length + SALT);
  const key = blobKey(filesKey, salt);
  const decryptor = createChunkDecryptor(key, prefix, header, () => damagedBlob(id));
  decryptor.once('close', () => key.fill(0));
  return decryptor;
}
