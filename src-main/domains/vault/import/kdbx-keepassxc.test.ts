import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as kdbxweb from 'kdbxweb';
import { afterAll, describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/helpers';
import { exportKdbx } from '../export/kdbx';
import { sampleItems } from '../export/test-items';
import { parseImport, type ImportParseResult } from './index';
import {
  argon2SampleDb,
  CLI_SAMPLE,
  cliAddSample,
  cliCreateDb,
  cliImportSample,
  keepassxc,
  NO_KEEPASSXC_CLI,
  pooledSlice,
  type CliDb,
} from './keepassxc-cli.test-helpers';
import { byTitle } from './test-fixtures';

/**
 * KDBX files written by the real keepassxc-cli, read back through `parseImport` from a Node Buffer
 * that is a slice of a larger pooled buffer (how fs.readFile, an HTTP body and Electron IPC hand
 * them over).
 */

const dir = mkdtempSync(path.join(tmpdir(), 'hearth-kpxc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string): string => path.join(dir, name);
const read = (db: CliDb): Buffer => pooledSlice(readFileSync(db.file));
const keyOf = (db: CliDb): Buffer | undefined => (db.keyFile ? pooledSlice(readFileSync(db.keyFile)) : undefined);

/** The 3 sample entries with their folders, exactly. */
function expectSample(r: ImportParseResult): void {
  expect(r.format).toBe('kdbx');
  expect(r.items).toHaveLength(3);
  expect(r.skipped).toEqual([]);
  expect(r.folders).toEqual(['Email', 'Social']);
  for (const [entry, [username, password, url]] of Object.entries(CLI_SAMPLE)) {
    const title = entry.split('/').pop() ?? '';
    const item = byTitle(r.items, title).item;
    expect(item.folder).toBe(entry.includes('/') ? entry.split('/')[0] : '');
    expect(item.login).toMatchObject({ username, password });
    expect(item.login?.urls.map((u) => u.url)).toEqual(url ? [url] : []);
  }
}

describe('Hearth’s own KDBX export, read from a pooled Buffer', () => {
  it('re-imports every item of the Argon2id KDBX 4 it wrote', async () => {
    const items = sampleItems();
    const bytes = pooledSlice(await exportKdbx(items, { password: 'own-pw' }));
    const r = await parseImport(bytes, { password: 'own-pw' });
    expect(r.items.map((i) => i.item.title).sort()).toEqual(items.map((i) => i.item.title).sort());
    expect(r.skipped).toEqual([]);
  });
});

describe.skipIf(NO_KEEPASSXC_CLI)('KDBX made by keepassxc-cli, read from pooled Buffers', () => {
  it('reads a KDBX 3.1 AES-KDF database made by `db-create --set-password`', async () => {
    const db = cliCreateDb({ file: at('aes.kdbx'), password: 'aes-pw ✓' });
    cliAddSample(db);
    expect(keepassxc(db, 'db-info', [])).toMatch(/KDF: AES/);
    expectSample(await parseImport(read(db), { password: 'aes-pw ✓' }));
  });

  it.each(['argon2d', 'argon2id'] as const)('reads a KDBX 4 %s (64 MiB) database saved by KeePassXC', async (kdf) => {
    const db = await argon2SampleDb(at(`${kdf}.kdbx`), kdf, 'argon-pw');
    expect(keepassxc(db, 'db-info', [])).toMatch(new RegExp(`KDF: ${kdf === 'argon2d' ? 'Argon2d' : 'Argon2id'} \\(2 rounds, 65536 KB\\)`));
    const bytes = read(db);
    expect(bytes.readUInt16LE(10)).toBe(4);
    const r = await parseImport(bytes, { password: 'argon-pw' });
    expectSample(r);
    expect(byTitle(r.items, 'Bank').item.notes).toBe('Saved by KeePassXC');
    expect((await errorOf(parseImport(read(db), { password: 'wrong' }))).code).toBe('WRONG_PASSWORD');
  });
});

describe.skipIf(NO_KEEPASSXC_CLI)('KDBX key files (keepassxc-cli `--set-key-file`)', () => {
  it('opens a key-file-only database with the key file KeePassXC generated, and refuses without it', async () => {
    const db = cliImportSample({ file: at('keyonly.kdbx'), password: null, keyFile: at('generated.key') });
    expectSample(await parseImport(read(db), { keyFile: keyOf(db) }));
    expectSample(await parseImport(read(db), { keyFile: keyOf(db), password: '' }));
    const locked = await errorOf(parseImport(read(db), {}));
    expect(locked).toMatchObject({ code: 'WRONG_PASSWORD', message: expect.stringMatching(/key file/) });
    expect((await errorOf(parseImport(read(db), { password: 'guess' }))).code).toBe('WRONG_PASSWORD');
  });

  const keyFiles: [string, () => Promise<Uint8Array> | Uint8Array][] = [
    ['XML v2 (.keyx)', () => kdbxweb.Credentials.createRandomKeyFile(2)],
    ['XML v1', () => kdbxweb.Credentials.createRandomKeyFile(1)],
    ['32 raw bytes', () => new Uint8Array(32).map((_, i) => (i * 37 + 11) & 0xff)],
    ['64 hex digits', () => new TextEncoder().encode('0123456789abcdef'.repeat(4))],
    ['any other file (hashed)', () => new TextEncoder().encode('my holiday photo, or any file at all\n'.repeat(50))],
  ];
  it.each(keyFiles)('opens a password + key file database whose key file is %s', async (label, make) => {
    const keyFile = at(`key-${label.replace(/\W+/g, '-')}`);
    writeFileSync(keyFile, await make());
    const db = cliImportSample({ file: at(`pk-${label.replace(/\W+/g, '-')}.kdbx`), password: 'pw+key', keyFile });
    expectSample(await parseImport(read(db), { password: 'pw+key', keyFile: keyOf(db) }));
    const noKey = await errorOf(parseImport(read(db), { password: 'pw+key' }));
    expect(noKey).toMatchObject({ code: 'WRONG_PASSWORD', message: expect.stringMatching(/key file/) });
    expect((await errorOf(parseImport(read(db), { password: 'pw+key', keyFile: new Uint8Array(32) }))).code).toBe('WRONG_PASSWORD');
  });
});
