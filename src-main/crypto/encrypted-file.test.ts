import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptFile, encryptFile } from './encrypted-file';
import { KDF_FLOOR } from './kdf';

describe('crypto.encrypted-file', () => {
  it('round-trips small and multi-chunk payloads', async () => {
    for (const size of [0, 10, 64 * 1024, 200_000]) {
      const plain = randomBytes(size);
      const file = await encryptFile(plain, 'pw', 'vault', KDF_FLOOR);
      const out = await decryptFile(file, 'pw');
      expect(out.kind).toBe('vault');
      expect(out.plaintext.equals(plain)).toBe(true);
    }
  });

  it('tells a wrong password apart from a damaged file', async () => {
    const file = await encryptFile(Buffer.from('secret stuff'), 'pw', 'vault', KDF_FLOOR);
    await expect(decryptFile(file, 'other')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
  });

  it('fails authentication when any single byte changes, or the file is cut or extended', async () => {
    const file = await encryptFile(randomBytes(70_000), 'pw', 'vault', KDF_FLOOR);
    const headerEnd = 12 + file.readUInt32BE(8);
    // Every byte after the KDF parameters: header tail, chunk lengths, ciphertexts and tags.
    const positions = [headerEnd - 3, headerEnd + 1, headerEnd + 10, Math.floor(file.length / 2), file.length - 1];
    for (const at of positions) {
      const bad = Buffer.from(file);
      bad[at] = bad[at]! ^ 0x01;
      await expect(decryptFile(bad, 'pw')).rejects.toMatchObject({ code: expect.stringMatching(/CORRUPT|WRONG_PASSWORD/) });
    }
    await expect(decryptFile(file.subarray(0, file.length - 20), 'pw')).rejects.toMatchObject({ code: 'CORRUPT' });
    await expect(decryptFile(Buffer.concat([file, Buffer.alloc(30)]), 'pw')).rejects.toMatchObject({ code: 'CORRUPT' });
  });

  it('refuses KDF parameters below the floor', async () => {
    const file = await encryptFile(Buffer.from('x'), 'pw', 'vault', KDF_FLOOR);
    const text = file.toString('latin1').replace('"iterations":3', '"iterations":1');
    await expect(decryptFile(Buffer.from(text, 'latin1'), 'pw')).rejects.toMatchObject({ code: 'CORRUPT' });
  });
});

describe('crypto.encrypted-file header types', () => {
  it('reports a non-numeric or missing KDF field as CORRUPT, not INTERNAL', async () => {
    const file = await encryptFile(Buffer.from('x'), 'pw', 'vault', KDF_FLOOR);
    for (const [from, to] of [
      ['"iterations":3', '"iterations":"abc"'],
      ['"memoryKiB":65536', '"memoryKiB":"lots"'],
      ['"parallelism":4', '"parallelism":[4]'],
    ] as const) {
      const text = file.toString('latin1');
      expect(text).toContain(from);
      // Fix up the header length so that only the field's type is wrong.
      const edited = Buffer.from(text.replace(from, to), 'latin1');
      edited.writeUInt32BE(file.readUInt32BE(8) + (to.length - from.length), 8);
      await expect(decryptFile(edited, 'pw')).rejects.toMatchObject({ code: 'CORRUPT' });
    }
  });
});
