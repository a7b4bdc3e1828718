import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError, type AppErrorCode } from '../../src-shared/ipc/result';
import { MiB, ZIP_LIMITS } from '../../src-shared/lib/limits';
import { checkZipEntries, isZip, readZipDirectory, readZipFiles, writeZip } from './zip';

const code = (fn: () => unknown): AppErrorCode | string => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
  return 'no error';
};
const MTIME = Date.UTC(2026, 11, 1, 12);

describe('zip write', () => {
  it('writes an archive that fflate and the limited reader both read back byte for byte', () => {
    let seed = 1;
    // Pseudo-random bytes: they barely compress, so the archive passes the ratio check honestly.
    const big = new Uint8Array(100_000).map(() => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) >>> 24);
    const zip = writeZip({ 'index.html': '<p>żółć</p>', 'lots/a.bin': big, 'empty.txt': '' }, { mtime: MTIME });
    expect(isZip(zip)).toBe(true);
    const files = readZipFiles(zip);
    expect([...files.keys()].sort()).toEqual(['empty.txt', 'index.html', 'lots/a.bin']);
    expect(new TextDecoder().decode(files.get('index.html'))).toBe('<p>żółć</p>');
    expect(files.get('lots/a.bin')).toEqual(big);
    expect(unzipSync(zip)['lots/a.bin']).toEqual(big);
  });

  it('is reproducible for one clock reading and clamps times ZIP cannot store', () => {
    const files = { 'a.txt': 'same' };
    expect(writeZip(files, { mtime: MTIME })).toEqual(writeZip(files, { mtime: new Date(MTIME) }));
    expect(readZipFiles(writeZip(files, { mtime: 0 })).get('a.txt')).toEqual(new TextEncoder().encode('same'));
  });

  it('refuses unsafe or duplicate names and archives over the limits, writing nothing', () => {
    for (const name of ['../evil', '/etc/passwd', 'C:/x', 'a/../../b', 'nul\0']) {
      expect(
        code(() => writeZip({ [name]: 'x' }, { mtime: MTIME })),
        name,
      ).toBe('INVALID_INPUT');
    }
    expect(code(() => writeZip({ 'A.txt': 'x', 'a.txt': 'y' }, { mtime: MTIME }))).toBe('INVALID_INPUT');
    const limits = { ...ZIP_LIMITS, maxEntries: 2, maxTotalBytes: 10 };
    expect(code(() => writeZip({ a: '1', b: '2', c: '3' }, { mtime: MTIME, limits }))).toBe('TOO_LARGE');
    expect(code(() => writeZip({ a: '123456', b: '123456' }, { mtime: MTIME, limits }))).toBe('TOO_LARGE');
  });
});

describe('zip read limits (zip-bomb safe)', () => {
  it('refuses a highly compressed entry by its declared ratio before inflating it', () => {
    const bomb = zipSync({ 'zeros.bin': new Uint8Array(8 * MiB) }, { level: 9 });
    const [entry] = readZipDirectory(bomb, false);
    expect(entry && entry.size / entry.compressedSize).toBeGreaterThan(ZIP_LIMITS.maxRatio);
    expect(code(() => readZipFiles(bomb))).toBe('TOO_LARGE');
    expect(() => readZipFiles(bomb)).toThrow(/ZIP bomb/);
  });

  it('caps entry count and declared total size, with caller-supplied limits too', () => {
    const files = { a: new Uint8Array(600), b: new Uint8Array(600) };
    const zip = zipSync(files, { level: 0 });
    expect(code(() => readZipFiles(zip, { ...ZIP_LIMITS, maxEntries: 1 }))).toBe('TOO_LARGE');
    expect(code(() => readZipFiles(zip, { ...ZIP_LIMITS, maxTotalBytes: 1000 }))).toBe('TOO_LARGE');
    expect(readZipFiles(zip).size).toBe(2);
    expect(() => checkZipEntries([{ name: 'x', size: 201 * MiB, compressedSize: 201 * MiB, isSymlink: false }])).toThrow(/200 MiB/);
  });

  it('stops an entry that inflates beyond its declared size', () => {
    const zip = zipSync({ 'a.bin': new Uint8Array(1 * MiB) }, { level: 9 });
    // Lower the declared size in the central directory (offset 24 of its record) to 1000 bytes.
    const lying = zip.slice();
    const view = new DataView(lying.buffer);
    const cd = view.getUint32(lying.length - 22 + 16, true);
    view.setUint32(cd + 24, 1000, true);
    expect(() => readZipFiles(lying)).toThrow(/declared size/);
  });

  it('refuses text that is not a ZIP archive', () => {
    expect(isZip(new TextEncoder().encode('name,url\n'))).toBe(false);
    expect(code(() => readZipFiles(new TextEncoder().encode('PK but not really')))).toBe('INVALID_INPUT');
  });
});
