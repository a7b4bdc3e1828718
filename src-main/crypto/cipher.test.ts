import * as realCrypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

/** Records what node:crypto hands back (the real functions still do all the work) to check it is wiped. */
const seen = vi.hoisted(() => ({ hkdf: [] as ArrayBuffer[], decipher: [] as Buffer[] }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof realCrypto>();
  return {
    ...real,
    hkdfSync: (...args: Parameters<typeof real.hkdfSync>) => {
      const out = real.hkdfSync(...args);
      seen.hkdf.push(out);
      return out;
    },
    createDecipheriv: (...args: Parameters<typeof real.createDecipheriv>) => {
      const d = real.createDecipheriv(...args);
      const update = d.update.bind(d) as (b: Buffer) => Buffer;
      const final = d.final.bind(d) as () => Buffer;
      return Object.assign(d, {
        update: (b: Buffer) => (seen.decipher.push(update(b)), seen.decipher.at(-1)!),
        final: () => (seen.decipher.push(final()), seen.decipher.at(-1)!),
      });
    },
  };
});

const { hkdf, open, seal } = await import('./cipher');

describe('crypto.cipher wiping', () => {
  it('overwrites the ArrayBuffer behind every HKDF output once it is copied', () => {
    seen.hkdf.length = 0;
    const key = realCrypto.randomBytes(32);
    const sub = hkdf(key, 'hearth/test/v1');
    expect(sub.some((b) => b !== 0)).toBe(true);
    expect(seen.hkdf).toHaveLength(1);
    expect(new Uint8Array(seen.hkdf[0]!).every((b) => b === 0)).toBe(true);
  });

  it('returns a decrypted key in its own buffer and wipes the pieces the decipher produced', () => {
    const key = realCrypto.randomBytes(32);
    const dek = realCrypto.randomBytes(32);
    const sealed = seal(key, dek, Buffer.from('aad'));
    seen.decipher.length = 0;
    const out = open(key, sealed, Buffer.from('aad'));
    expect(out?.equals(dek)).toBe(true);
    expect(seen.decipher.length).toBeGreaterThan(0);
    for (const piece of seen.decipher) expect(piece.every((b) => b === 0)).toBe(true);
  });
});
