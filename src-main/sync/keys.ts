import { createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type { SyncKdf } from '../../src-shared/sync/protocol';
import { hkdf, IV_BYTES, open, seal, TAG_BYTES, wipe } from '../crypto/cipher';
import { deriveMasterKey, KDF_CEILING, KDF_FLOOR, KEY_BYTES } from '../crypto/kdf';
import { KEY_INFO } from '../crypto/keys';
import { SyncError, type SpaceKeys } from './types';

/**
 * Sync's key derivations (docs/sync.md#keys). Everything the server receives from here is either a one-way
 * HKDF output (the auth secret), a public key, or ciphertext; no function here ever returns the master key,
 * the KEK or the DEK in any form.
 */
export const SYNC_KEY_INFO = {
  auth: KEY_INFO.syncAuth,
  keyProof: KEY_INFO.syncKeyProof,
  envelope: KEY_INFO.syncEnvelope,
  row: KEY_INFO.syncRow,
  identity: KEY_INFO.syncIdentity,
  collectionWrap: KEY_INFO.syncCollectionWrap,
  collectionName: KEY_INFO.syncCollectionName,
} as const;

/** Longest collection name `sealName` accepts (UTF-8 bytes); the protocol's sealedName cap leaves room for it. */
export const COLLECTION_NAME_MAX_BYTES = 1024;

const b64u = (b: Buffer): string => b.toString('base64url');
const B64U = /^[A-Za-z0-9_-]*$/;

/** Decodes base64url strictly (Node's decoder skips junk silently): anything else is treated as tampering. */
function fromB64u(text: string, what: string): Buffer {
  if (!B64U.test(text)) throw tampered(what);
  return Buffer.from(text, 'base64url');
}

const badPublicKey = (): SyncError => new SyncError('BAD_REQUEST', 'A member public key is not a valid X25519 key.');

const tampered = (what: string): SyncError =>
  new SyncError('TAMPERED', `The ${what} could not be authenticated: it is damaged, was tampered with, or belongs to another key.`);

/**
 * The secret that proves the password to the sync server: HKDF(Argon2id(password, kdf), 'hearth/sync/auth/v1').
 * The Argon2id output (the master key) is wiped before returning; the server only ever stores a hash of this.
 * Refuses KDF parameters below Hearth's floor: `kdf` comes from the server (prelogin), and a hostile server
 * asking for a cheap derivation would otherwise receive a cheaply brute-forced function of the password.
 */
export async function authSecretFromPassword(password: string, kdf: SyncKdf): Promise<Buffer> {
  if (kdf.memoryKiB < KDF_FLOOR.memoryKiB || kdf.iterations < KDF_FLOOR.iterations || kdf.parallelism < KDF_FLOOR.parallelism) {
    throw new SyncError('TAMPERED', 'The sync server asks for weaker password hashing than Hearth allows; refusing to send a sign-in secret.');
  }
  if (kdf.memoryKiB > KDF_CEILING.memoryKiB || kdf.iterations > KDF_CEILING.iterations || kdf.parallelism > KDF_CEILING.parallelism) {
    throw new SyncError('TAMPERED', 'The sync server asks for implausibly expensive password hashing.');
  }
  const mk = await deriveMasterKey(password, kdf);
  try {
    return hkdf(mk, SYNC_KEY_INFO.auth);
  } finally {
    wipe(mk);
  }
}

/** The auth secret as the protocol's `AuthSecret` text: base64url of 32 bytes, 43 characters. */
export function toAuthSecretText(b: Buffer): string {
  if (b.length !== KEY_BYTES) throw new RangeError('auth secret must be 32 bytes');
  return b64u(b);
}

/**
 * The key proof: HKDF(DEK, 'hearth/sync/key-proof/v1') as base64url text. The server keeps its SHA-256 from sign-up
 * and asks for it to change the account's password, so a device that holds the data (even after a recovery-key
 * reset, when the old password is gone) can update the server; the DEK cannot be recovered from it.
 */
export function keyProofFromDek(dek: Buffer): string {
  if (dek.length !== KEY_BYTES) throw new RangeError('data key must be 32 bytes');
  const proof = hkdf(dek, SYNC_KEY_INFO.keyProof);
  try {
    return b64u(proof);
  } finally {
    wipe(proof);
  }
}

function spaceKeys(root: Buffer, spaceId: string): SpaceKeys {
  if (root.length !== KEY_BYTES) throw new RangeError('sync root key must be 32 bytes');
  if (spaceId.length === 0 || spaceId.includes('\0')) throw new RangeError('bad space id');
  // Separate HKDF outputs per purpose and per space: the row keys of one space say nothing about another's.
  return {
    spaceId,
    envelopeKey: hkdf(root, `${SYNC_KEY_INFO.envelope}\0${spaceId}`),
    rowKey: hkdf(root, `${SYNC_KEY_INFO.row}\0${spaceId}`),
  };
}

/** The personal space's keys, from the profile's data key (every device of the account holds the same DEK). */
export function personalSpaceKeys(dek: Buffer, spaceId: string): SpaceKeys {
  return spaceKeys(dek, spaceId);
}

/** A shared collection's keys, from its random collection key (one key version; rotation gives new keys). */
export function collectionSpaceKeys(collectionKey: Buffer, spaceId: string): SpaceKeys {
  return spaceKeys(collectionKey, spaceId);
}

/** Overwrites a space's keys once the caller is done with them. */
export function wipeSpaceKeys(keys: SpaceKeys): void {
  wipe(keys.envelopeKey, keys.rowKey);
}

// ── Sealing with a fixed layout: nonce ‖ ciphertext ‖ tag ─────────────────────────────────────────────────

/** AES-256-GCM as one buffer, nonce ‖ ciphertext ‖ tag (the layout of every sync envelope). */
export function sealBytes(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const s = seal(key, plaintext, aad);
  return Buffer.concat([s.iv, s.ciphertext, s.tag]);
}

/** The inverse of {@link sealBytes}; null when authentication fails. */
export function openBytes(key: Buffer, packed: Buffer, aad: Buffer): Buffer | null {
  if (packed.length < IV_BYTES + TAG_BYTES) return null;
  const iv = packed.subarray(0, IV_BYTES);
  const ciphertext = packed.subarray(IV_BYTES, packed.length - TAG_BYTES);
  const tag = packed.subarray(packed.length - TAG_BYTES);
  return open(key, { iv, ciphertext, tag }, aad);
}

// ── X25519 identity ───────────────────────────────────────────────────────────────────────────────────────

// DER prefixes of X25519 keys (RFC 8410): Node imports raw keys through them.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

function privateKeyObject(raw: Buffer): KeyObject {
  if (raw.length !== KEY_BYTES) throw new RangeError('X25519 private key must be 32 bytes');
  const der = Buffer.concat([PKCS8_PREFIX, raw]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    wipe(der);
  }
}

function publicKeyObject(raw: Buffer): KeyObject {
  if (raw.length !== KEY_BYTES) throw badPublicKey();
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

const rawPublic = (k: KeyObject): Buffer => (k.export({ format: 'der', type: 'spki' }) as Buffer).subarray(SPKI_PREFIX.length);

function rawPrivate(k: KeyObject): Buffer {
  const der = k.export({ format: 'der', type: 'pkcs8' }) as Buffer;
  const out = Buffer.alloc(KEY_BYTES);
  der.copy(out, 0, PKCS8_PREFIX.length);
  wipe(der);
  return out;
}

/** The account's X25519 key pair: the public half goes to the server, the private half only sealed. */
export function newIdentity(): { publicKey: string; privateKey: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: b64u(rawPublic(publicKey)), privateKey: rawPrivate(privateKey) };
}

/** The public key (base64url) of a raw private key: lets a device check the server handed back its own pair. */
export function publicKeyOf(privateKey: Buffer): string {
  return b64u(rawPublic(createPublicKey(privateKeyObject(privateKey))));
}

/**
 * The fingerprint people compare out of band before an owner invites someone to a shared collection: SHA-256 of the
 * raw 32-byte X25519 public key, its first 16 bytes as 8 groups of 4 lowercase hex digits ("1a2b 3c4d …").
 * Why: the owner gets the invitee's public key FROM THE SERVER, and a hostile server could hand over its own key
 * and read everything wrapped to it. The invitee reads their fingerprint (computed from their own private key) to
 * the owner, who confirms it matches the one computed from the server's key (like Bitwarden's fingerprint phrase).
 * 128 bits: finding another X25519 key with the same fingerprint costs a 2^128 second-preimage search.
 */
export function keyFingerprint(publicKey: string): string {
  if (!B64U.test(publicKey)) throw badPublicKey();
  const raw = Buffer.from(publicKey, 'base64url');
  // Strict: exactly 32 bytes whose base64url text round-trips (no trailing bits that two texts could differ in).
  if (raw.length !== KEY_BYTES || b64u(raw) !== publicKey) throw badPublicKey();
  const hex = createHash('sha256').update(raw).digest().subarray(0, 16).toString('hex');
  return Array.from({ length: 8 }, (_, i) => hex.slice(i * 4, i * 4 + 4)).join(' ');
}

const identityAad = Buffer.from(SYNC_KEY_INFO.identity, 'utf8');

/** Seals the identity private key under HKDF(DEK, identity): the server stores it so a new device can recover it. */
export function sealPrivateKey(dek: Buffer, privateKey: Buffer): string {
  if (privateKey.length !== KEY_BYTES) throw new RangeError('X25519 private key must be 32 bytes');
  const k = hkdf(dek, SYNC_KEY_INFO.identity);
  try {
    return b64u(sealBytes(k, privateKey, identityAad));
  } finally {
    wipe(k);
  }
}

/** The inverse of {@link sealPrivateKey}; throws `TAMPERED` under a wrong DEK or a changed byte. */
export function openPrivateKey(dek: Buffer, sealed: string): Buffer {
  const k = hkdf(dek, SYNC_KEY_INFO.identity);
  try {
    const out = openBytes(k, fromB64u(sealed, 'sealed private key'), identityAad);
    if (!out || out.length !== KEY_BYTES) {
      wipe(out);
      throw tampered('sealed private key');
    }
    return out;
  } finally {
    wipe(k);
  }
}

// ── Collection keys ───────────────────────────────────────────────────────────────────────────────────────

/** A fresh random collection key (32 bytes): one per shared collection and key version. */
export function newCollectionKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

function wrapKeyAndAad(shared: Buffer, ephemeralPub: Buffer, recipientPub: Buffer): { key: Buffer; aad: Buffer } {
  // SECURITY: an all-zero shared secret means a low-order public key: refuse rather than encrypt under a known key.
  if (shared.every((b) => b === 0)) throw badPublicKey();
  const ikm = Buffer.concat([shared, ephemeralPub, recipientPub]);
  try {
    return {
      key: hkdf(ikm, SYNC_KEY_INFO.collectionWrap),
      aad: Buffer.concat([Buffer.from(SYNC_KEY_INFO.collectionWrap, 'utf8'), ephemeralPub, recipientPub]),
    };
  } finally {
    wipe(ikm, shared);
  }
}

/**
 * Seals a collection key to a member's X25519 public key (ECIES): a fresh ephemeral key pair, HKDF of the shared
 * secret and both public keys, AES-256-GCM with both public keys in the AAD. Result: ephemeral ‖ nonce ‖ ct ‖ tag.
 */
export function wrapCollectionKey(collectionKey: Buffer, memberPublicKey: string): string {
  if (collectionKey.length !== KEY_BYTES) throw new RangeError('collection key must be 32 bytes');
  if (!B64U.test(memberPublicKey)) throw badPublicKey();
  const recipientPub = Buffer.from(memberPublicKey, 'base64url');
  const recipient = publicKeyObject(recipientPub);
  const eph = generateKeyPairSync('x25519');
  const ephemeralPub = rawPublic(eph.publicKey);
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey: eph.privateKey, publicKey: recipient });
  } catch {
    // OpenSSL refuses low-order points itself (an all-zero shared secret).
    throw badPublicKey();
  }
  const { key, aad } = wrapKeyAndAad(shared, ephemeralPub, recipientPub);
  try {
    return b64u(Buffer.concat([ephemeralPub, sealBytes(key, collectionKey, aad)]));
  } finally {
    wipe(key);
  }
}

/** The inverse of {@link wrapCollectionKey} with the member's private key; throws `TAMPERED` when it does not open. */
export function unwrapCollectionKey(wrapped: string, privateKey: Buffer): Buffer {
  const bytes = fromB64u(wrapped, 'wrapped collection key');
  if (bytes.length !== KEY_BYTES + IV_BYTES + KEY_BYTES + TAG_BYTES) throw tampered('wrapped collection key');
  const ephemeralPub = bytes.subarray(0, KEY_BYTES);
  const own = privateKeyObject(privateKey);
  const recipientPub = rawPublic(createPublicKey(own));
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey: own, publicKey: publicKeyObject(ephemeralPub) });
  } catch {
    throw tampered('wrapped collection key');
  }
  let parts: { key: Buffer; aad: Buffer };
  try {
    parts = wrapKeyAndAad(shared, ephemeralPub, recipientPub);
  } catch {
    throw tampered('wrapped collection key');
  }
  try {
    const out = openBytes(parts.key, bytes.subarray(KEY_BYTES), parts.aad);
    if (!out || out.length !== KEY_BYTES) {
      wipe(out);
      throw tampered('wrapped collection key');
    }
    return out;
  } finally {
    wipe(parts.key);
  }
}

const nameAad = Buffer.from(SYNC_KEY_INFO.collectionName, 'utf8');

/** Seals a collection's display name under the collection key (the server stores it opaque). */
export function sealName(collectionKey: Buffer, name: string): string {
  const plain = Buffer.from(name, 'utf8');
  if (plain.length === 0 || plain.length > COLLECTION_NAME_MAX_BYTES) throw new RangeError(`collection name must be 1..${COLLECTION_NAME_MAX_BYTES} bytes`);
  const k = hkdf(collectionKey, SYNC_KEY_INFO.collectionName);
  try {
    return b64u(sealBytes(k, plain, nameAad));
  } finally {
    wipe(k);
  }
}

/** The inverse of {@link sealName}; throws `TAMPERED` under the wrong key or a changed byte. */
export function openName(collectionKey: Buffer, sealed: string): string {
  const k = hkdf(collectionKey, SYNC_KEY_INFO.collectionName);
  try {
    const out = openBytes(k, fromB64u(sealed, 'collection name'), nameAad);
    if (!out) throw tampered('collection name');
    return out.toString('utf8');
  } finally {
    wipe(k);
  }
}
