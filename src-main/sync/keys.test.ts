import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectTampered } from './sync-error.test-kit';
import { normalizeFingerprint, sameFingerprint } from '../../src-shared/sync/fingerprint';
import { AuthSecret, PublicKey, SyncKdf, WrappedCollectionKey, WrappedPrivateKey } from '../../src-shared/sync/protocol';
import { hkdf } from '../crypto/cipher';
import { deriveMasterKey, KDF_FLOOR, SALT_BYTES } from '../crypto/kdf';
import { KEY_INFO, KeySet } from '../crypto/keys';
import {
  authSecretFromPassword,
  collectionSpaceKeys,
  keyFingerprint,
  newCollectionKey,
  newIdentity,
  openName,
  openPrivateKey,
  personalSpaceKeys,
  publicKeyOf,
  sealName,
  sealPrivateKey,
  SYNC_KEY_INFO,
  toAuthSecretText,
  unwrapCollectionKey,
  wrapCollectionKey,
} from './keys';

const kdf = (): SyncKdf => SyncKdf.parse({ name: 'argon2id', version: 19, ...KDF_FLOOR, salt: randomBytes(SALT_BYTES).toString('base64') });

/** Flips one bit of the decoded bytes at `at` (negative: from the end) and re-encodes. */
function flip(text: string, at: number): string {
  const b = Buffer.from(text, 'base64url');
  const i = at < 0 ? b.length + at : at;
  b[i] = b[i]! ^ 0x01;
  return b.toString('base64url');
}

describe('sync keys: the auth secret', () => {
  it('is HKDF(Argon2id(password), auth info): deterministic, 43 base64url characters, and neither the master key nor the KEK', async () => {
    const params = kdf();
    const a = await authSecretFromPassword('correct horse battery staple', params);
    expect(AuthSecret.safeParse(toAuthSecretText(a)).success).toBe(true);
    const mk = await deriveMasterKey('correct horse battery staple', params);
    expect(a.equals(hkdf(mk, 'hearth/sync/auth/v1'))).toBe(true);
    expect(a.equals(mk)).toBe(false);
    expect(a.equals(hkdf(mk, KEY_INFO.kek))).toBe(false);
  });

  it('refuses KDF parameters below the floor (a hostile server cannot get a cheap function of the password)', async () => {
    const weak = { ...kdf(), memoryKiB: 8 * 1024, iterations: 1, parallelism: 1 };
    await expect(authSecretFromPassword('pw', weak)).rejects.toMatchObject({ code: 'TAMPERED' });
    await expect(authSecretFromPassword('pw', { ...kdf(), iterations: 2 })).rejects.toMatchObject({ code: 'TAMPERED' });
  });

  it('toAuthSecretText only takes 32 bytes', () => {
    expect(() => toAuthSecretText(Buffer.alloc(31))).toThrow(RangeError);
  });
});

describe('sync keys: space keys', () => {
  it('envelope and row keys are separate, per space, and unlike the data key or its local sub-keys', () => {
    const dek = randomBytes(32);
    const space = randomUUID();
    const k = personalSpaceKeys(dek, space);
    expect(k.spaceId).toBe(space);
    expect(k.envelopeKey.equals(k.rowKey)).toBe(false);
    expect(personalSpaceKeys(dek, space).envelopeKey.equals(k.envelopeKey)).toBe(true);
    const other = personalSpaceKeys(dek, randomUUID());
    expect(other.envelopeKey.equals(k.envelopeKey)).toBe(false);
    expect(other.rowKey.equals(k.rowKey)).toBe(false);
    const local = new KeySet(dek);
    for (const key of [dek, local.db, local.items, local.files, local.export]) {
      expect(key.equals(k.envelopeKey)).toBe(false);
      expect(key.equals(k.rowKey)).toBe(false);
    }
    local.destroy();
    const ck = newCollectionKey();
    expect(ck).toHaveLength(32);
    expect(collectionSpaceKeys(ck, space).envelopeKey.equals(k.envelopeKey)).toBe(false);
  });

  it('the info strings are the registered ones', () => {
    expect(SYNC_KEY_INFO).toMatchObject({
      auth: 'hearth/sync/auth/v1',
      envelope: 'hearth/sync/envelope/v1',
      row: 'hearth/sync/row/v1',
      identity: 'hearth/sync/identity/v1',
      collectionWrap: 'hearth/sync/collection-wrap/v1',
    });
    expect(new Set(Object.values(KEY_INFO)).size).toBe(Object.values(KEY_INFO).length);
  });
});

describe('sync keys: identity', () => {
  it('a new identity is a raw X25519 pair (matches Node’s own JWK export) whose private half seals under the DEK', () => {
    const id = newIdentity();
    expect(PublicKey.safeParse(id.publicKey).success).toBe(true);
    expect(id.privateKey).toHaveLength(32);
    expect(publicKeyOf(id.privateKey)).toBe(id.publicKey);
    const ref = generateKeyPairSync('x25519');
    const jwk = ref.privateKey.export({ format: 'jwk' });
    expect(publicKeyOf(Buffer.from(jwk.d!, 'base64url'))).toBe(jwk.x);

    const dek = randomBytes(32);
    const sealed = sealPrivateKey(dek, id.privateKey);
    expect(WrappedPrivateKey.safeParse(sealed).success).toBe(true);
    expect(openPrivateKey(dek, sealed).equals(id.privateKey)).toBe(true);
    expect(sealPrivateKey(dek, id.privateKey)).not.toBe(sealed);
    expectTampered(() => openPrivateKey(randomBytes(32), sealed));
    for (const at of [0, 12, 20, -1]) expectTampered(() => openPrivateKey(dek, flip(sealed, at)));
    expectTampered(() => openPrivateKey(dek, sealed.slice(0, 30)));
    expectTampered(() => openPrivateKey(dek, `${sealed.slice(0, -1)}+`));
  });

  it('a collection key wraps to a member’s public key and opens only with that member’s private key', () => {
    const alice = newIdentity();
    const bob = newIdentity();
    const ck = newCollectionKey();
    const wrapped = wrapCollectionKey(ck, alice.publicKey);
    expect(WrappedCollectionKey.safeParse(wrapped).success).toBe(true);
    expect(wrapCollectionKey(ck, alice.publicKey)).not.toBe(wrapped);
    expect(unwrapCollectionKey(wrapped, alice.privateKey).equals(ck)).toBe(true);
    expectTampered(() => unwrapCollectionKey(wrapped, bob.privateKey));
    // Ephemeral key, nonce, ciphertext and tag: any flipped bit is refused.
    for (const at of [0, 31, 32, 43, 44, 75, -16, -1]) expectTampered(() => unwrapCollectionKey(flip(wrapped, at), alice.privateKey));
    expectTampered(() => unwrapCollectionKey(wrapped.slice(0, -4), alice.privateKey));
    // A wrap re-addressed to another recipient (same ciphertext, bob unwrapping) is refused by the AAD and the DH.
    expectTampered(() => unwrapCollectionKey(wrapCollectionKey(ck, bob.publicKey), alice.privateKey));
  });

  it('refuses to wrap to a low-order or malformed public key', () => {
    const ck = newCollectionKey();
    const bad = expect.objectContaining({ name: 'SyncError', code: 'BAD_REQUEST' });
    // All-zero and 1 (order-1 and order-4 points of Curve25519): the shared secret would be all zeros.
    const one = Buffer.alloc(32);
    one[0] = 1;
    for (const pub of [Buffer.alloc(32), one, Buffer.alloc(31, 9)]) expect(() => wrapCollectionKey(ck, pub.toString('base64url'))).toThrow(bad);
    expect(() => wrapCollectionKey(ck, 'not+base64url/')).toThrow(bad);
  });

  it('key fingerprints: SHA-256 of the raw key, 16 bytes as 8 groups of 4 hex digits; stable, per key, strict', () => {
    const alice = newIdentity();
    const fp = keyFingerprint(alice.publicKey);
    expect(fp).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
    expect(fp.replaceAll(' ', '')).toBe(createHash('sha256').update(Buffer.from(alice.publicKey, 'base64url')).digest('hex').slice(0, 32));
    expect(keyFingerprint(alice.publicKey)).toBe(fp);
    expect(keyFingerprint(publicKeyOf(alice.privateKey))).toBe(fp);
    expect(keyFingerprint(newIdentity().publicKey)).not.toBe(fp);
    const bad = expect.objectContaining({ name: 'SyncError', code: 'BAD_REQUEST' });
    for (const pub of ['', 'not+base64url/', `${alice.publicKey}AA`, alice.publicKey.slice(0, 42), Buffer.alloc(31, 9).toString('base64url')]) {
      expect(() => keyFingerprint(pub)).toThrow(bad);
    }
    // Typed fingerprints compare without spaces and case.
    expect(normalizeFingerprint(` ${fp.toUpperCase()} `)).toBe(fp.replaceAll(' ', ''));
    expect(sameFingerprint(fp.replaceAll(' ', ''), fp)).toBe(true);
    expect(sameFingerprint(keyFingerprint(newIdentity().publicKey), fp)).toBe(false);
  });

  it('collection names seal under the collection key', () => {
    const ck = newCollectionKey();
    const sealed = sealName(ck, 'Bäckerei — Chargen 🍞');
    expect(sealed).toMatch(/^[A-Za-z0-9_-]{20,2000}$/);
    expect(openName(ck, sealed)).toBe('Bäckerei — Chargen 🍞');
    expectTampered(() => openName(newCollectionKey(), sealed));
    expectTampered(() => openName(ck, flip(sealed, 14)));
    expect(sealName(ck, 'x'.repeat(1024)).length).toBeLessThanOrEqual(2000);
    expect(() => sealName(ck, 'x'.repeat(1025))).toThrow(RangeError);
    expect(() => sealName(ck, '')).toThrow(RangeError);
  });
});
