import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../src-shared/ipc/result';
import { hkdf, wipe } from './cipher';
import { assertKdfWithinBounds, Base64Text, deriveMasterKey, KDF_DEFAULT, KdfParamsSchema, SALT_BYTES, type KdfCost, type KdfParams } from './kdf';

/**
 * Hearth's portable encrypted file (docs/security.md#encrypted-export, docs/formats.md#encrypted-file): used for vault exports and, later, backups.
 *
 *   "HEARTHX1" ‖ u32 header length ‖ header JSON ‖ chunk*      chunk = u32 length ‖ AES-256-GCM(ct ‖ tag)
 *
 * Key = HKDF(Argon2id(password, salt, params from the header), "hearth/encrypted-file/v1"). Each chunk's
 * nonce is prefix(7) ‖ counter(4) ‖ last-flag(1) and its associated data is the whole header, so any
 * change to the header, a reordered, dropped, truncated or appended chunk fails authentication.
 * `keyCheck` (an HMAC of a constant) tells a wrong password apart from a damaged file.
 */
const MAGIC = Buffer.from('HEARTHX1', 'ascii');
const CHUNK = 64 * 1024;
const MAX_HEADER = 16 * 1024;

const B64 = Base64Text;

/** The header as read from an untrusted file: every field typed, so a bad one is CORRUPT, not a crash. */
const HeaderSchema = z.object({
  format: z.literal('hearth-encrypted-file'),
  version: z.number().int().positive(),
  kind: z.string().max(64),
  createdAt: z.string().max(40),
  kdf: KdfParamsSchema,
  noncePrefix: B64,
  keyCheck: B64,
});

interface Header {
  format: 'hearth-encrypted-file';
  version: 1;
  kind: string;
  createdAt: string;
  kdf: KdfParams;
  noncePrefix: string;
  keyCheck: string;
}

function fileKey(master: Buffer): Buffer {
  return hkdf(master, 'hearth/encrypted-file/v1');
}

const keyCheckOf = (key: Buffer): Buffer => createHmac('sha256', key).update('hearth/encrypted-file/key-check').digest().subarray(0, 16);

function nonce(prefix: Buffer, counter: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(counter, 7);
  n[11] = last ? 1 : 0;
  return n;
}

export async function encryptFile(plaintext: Buffer, password: string, kind: string, cost: KdfCost = KDF_DEFAULT): Promise<Buffer> {
  const kdf: KdfParams = { name: 'argon2id', version: 19, ...cost, salt: randomBytes(SALT_BYTES).toString('base64') };
  const master = await deriveMasterKey(password, kdf);
  const key = fileKey(master);
  try {
    const prefix = randomBytes(7);
    const header: Header = {
      format: 'hearth-encrypted-file',
      version: 1,
      kind,
      createdAt: new Date().toISOString(),
      kdf,
      noncePrefix: prefix.toString('base64'),
      keyCheck: keyCheckOf(key).toString('base64'),
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const parts: Buffer[] = [MAGIC, u32(headerBytes.length), headerBytes];
    const count = Math.max(1, Math.ceil(plaintext.length / CHUNK));
    for (let i = 0; i < count; i++) {
      const cipher = createCipheriv('aes-256-gcm', key, nonce(prefix, i, i === count - 1));
      cipher.setAAD(headerBytes);
      const ct = Buffer.concat([cipher.update(plaintext.subarray(i * CHUNK, (i + 1) * CHUNK)), cipher.final(), cipher.getAuthTag()]);
      parts.push(u32(ct.length), ct);
    }
    return Buffer.concat(parts);
  } finally {
    wipe(master, key);
  }
}

export function isEncryptedFile(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && Buffer.from(bytes.subarray(0, MAGIC.length)).equals(MAGIC);
}

const damaged = () => new AppError('CORRUPT', 'This Hearth export is damaged or was changed after it was written; nothing was imported.');

/** Decrypts and authenticates a whole file; WRONG_PASSWORD or CORRUPT, never partial plaintext. */
export async function decryptFile(data: Uint8Array, password: string): Promise<{ kind: string; plaintext: Buffer; createdAt: string }> {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (!isEncryptedFile(buf)) throw new AppError('INVALID_INPUT', 'This is not a Hearth encrypted file.');
  if (buf.length < 12) throw damaged();
  const headerLength = buf.readUInt32BE(8);
  if (headerLength > MAX_HEADER || 12 + headerLength > buf.length) throw damaged();
  const headerBytes = buf.subarray(12, 12 + headerLength);
  let json: unknown;
  try {
    json = JSON.parse(headerBytes.toString('utf8'));
  } catch {
    throw damaged();
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > 1) throw new AppError('SCHEMA_TOO_NEW', 'This export was written by a newer Hearth.');
  const parsed = HeaderSchema.safeParse(json);
  if (!parsed.success || parsed.data.version !== 1) throw damaged();
  const header = parsed.data;
  assertKdfWithinBounds(header.kdf, 'export');
  const master = await deriveMasterKey(password, header.kdf);
  const key = fileKey(master);
  try {
    const check = Buffer.from(header.keyCheck, 'base64');
    const expected = keyCheckOf(key);
    if (check.length !== expected.length || !timingSafeEqual(check, expected)) throw new AppError('WRONG_PASSWORD', 'Wrong password for this export.');
    const prefix = Buffer.from(header.noncePrefix, 'base64');
    if (prefix.length !== 7) throw damaged();
    const out: Buffer[] = [];
    let offset = 12 + headerLength;
    let counter = 0;
    let sawLast = false;
    while (offset < buf.length) {
      if (sawLast || offset + 4 > buf.length) throw damaged();
      const len = buf.readUInt32BE(offset);
      if (len < 16 || len > CHUNK + 16 || offset + 4 + len > buf.length) throw damaged();
      const chunk = buf.subarray(offset + 4, offset + 4 + len);
      offset += 4 + len;
      const last = offset === buf.length;
      const decipher = createDecipheriv('aes-256-gcm', key, nonce(prefix, counter++, last));
      decipher.setAAD(headerBytes);
      decipher.setAuthTag(chunk.subarray(len - 16));
      try {
        out.push(Buffer.concat([decipher.update(chunk.subarray(0, len - 16)), decipher.final()]));
      } catch {
        throw damaged();
      }
      sawLast = last;
    }
    if (!sawLast) throw damaged();
    return { kind: header.kind, plaintext: Buffer.concat(out), createdAt: header.createdAt };
  } finally {
    wipe(master, key);
  }
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}
