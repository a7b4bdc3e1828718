import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemInput, type ImportedItem } from '../../../../src-shared/domains/vault/vault.schemas';
import { AppError } from '../../../../src-shared/ipc/result';
import { parseImport } from '../import';
import { byTitle, fieldValue, patchKdbxHeaderUint64 } from '../import/test-fixtures';
import { exportKdbx } from './kdbx';
import { sampleItems } from './test-items';

const PASSWORD = 'export-pw ✓';
const cliPath = spawnSync('sh', ['-c', 'command -v keepassxc-cli']).stdout.toString().trim();
if (cliPath === '') console.warn('[vault] keepassxc-cli is not installed: skipping the KeePassXC interoperability checks of exportKdbx.');

describe('export.exportKdbx', () => {
  let dir = '';
  let file = '';
  let bytes: Uint8Array = new Uint8Array();

  beforeAll(async () => {
    bytes = await exportKdbx(sampleItems(), { password: PASSWORD, name: 'Hearth' });
    dir = mkdtempSync(path.join(tmpdir(), 'hearth-kdbx-'));
    file = path.join(dir, 'export.kdbx');
    writeFileSync(file, bytes);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (...args: string[]): string => execFileSync(cliPath, args, { input: `${PASSWORD}\n`, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  /** `keepassxc-cli show -q -s` output as attribute → value (single-line values only). */
  const show = (entry: string): Record<string, string> =>
    Object.fromEntries(
      cli('show', '-q', '-s', file, entry)
        .split('\n')
        .flatMap((line) => {
          const m = /^(\w+): (.*)$/.exec(line);
          return m ? [[m[1], m[2]]] : [];
        }),
    );

  it('writes KDBX 4 with Argon2id, 64 MiB, 3 iterations, parallelism 4', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint16(10, true)).toBe(4);
    const header = Buffer.from(bytes.subarray(0, 400));
    expect(header.includes(Buffer.from('nimLGVbbR3OyPfw+xvCh5g==', 'base64'))).toBe(true);
    expect(header.includes(Buffer.from([0x05, 1, 0, 0, 0, 0x4d, 8, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0]))).toBe(true);
  });

  it.skipIf(cliPath === '')('is listed by keepassxc-cli with folders as groups', () => {
    const listing = cli('ls', '-q', '-R', '-f', file).split('\n').filter(Boolean);
    expect(listing).toEqual(
      expect.arrayContaining(['Email/', 'Email/Work/', 'Email/Work/Work mail', 'Email/Ünïcödé note ✓', 'Finance/Visa card', 'Me', 'Formula =HYPERLINK("x")']),
    );
  });

  it.skipIf(cliPath === '')('opens in keepassxc-cli with titles, usernames, passwords, URLs and the otp URI intact', () => {
    const work = show('Email/Work/Work mail');
    expect(work).toMatchObject({ Title: 'Work mail', UserName: 'alice@example.com', Password: 'p@ss,"word"\twith tab', URL: 'https://mail.example.com' });
    expect(cli('show', '-q', '-s', '-a', 'otp', file, 'Email/Work/Work mail').trim()).toBe(
      'otpauth://totp/Work%20mail:alice%40example.com?secret=JBSWY3DPEHPK3PXP&period=30&digits=6&issuer=Work%20mail',
    );
    expect(cli('show', '-q', '-s', '-a', 'KP2A_URL_1', file, 'Email/Work/Work mail').trim()).toBe('https://webmail.example.com/a,b');
    expect(cli('show', '-q', '-s', '-a', 'PIN', file, 'Email/Work/Work mail').trim()).toBe('0042');
    expect(/^\d{6}$/.test(cli('show', '-q', '-t', file, 'Email/Work/Work mail').trim())).toBe(true);
    const formula = show('Formula =HYPERLINK("x")');
    expect(formula).toMatchObject({ UserName: '@admin', Password: '=1+2' });
    expect(cli('show', '-q', '-s', '-a', 'otp', file, 'Formula =HYPERLINK("x")').trim()).toBe('otpauth://totp/Sheet:me?secret=ABCDEF&issuer=Sheet');
    expect(cli('show', '-q', '-s', '-a', 'Card number', file, 'Finance/Visa card').trim()).toBe('4111111111111111');
  });

  it.skipIf(cliPath === '')('rejects the wrong password in keepassxc-cli', () => {
    const result = spawnSync(cliPath, ['ls', '-q', file], { input: 'wrong\n', encoding: 'utf8' });
    expect(result.status).not.toBe(0);
  });

  it('round-trips through Hearth’s KDBX importer: history, fields, URLs, TOTP, tags, dates', async () => {
    const r = await parseImport(bytes, { password: PASSWORD });
    expect(r.format).toBe('kdbx');
    expect(r.folders).toEqual(['Email', 'Email/Work', 'Finance']);
    const [original] = sampleItems();
    const work = byTitle(r.items, 'Work mail');
    expect(work.passwordHistory).toEqual(original?.passwordHistory);
    expect(work.createdAt).toBe(original?.createdAt);
    expect(work.updatedAt).toBe(original?.updatedAt);
    expect(work.item.tags).toEqual(['work', 'mail']);
    expect(work.item.login?.password).toBe('p@ss,"word"\twith tab');
    expect(work.item.login?.urls.map((u) => u.url)).toEqual(['https://mail.example.com', 'https://webmail.example.com/a,b']);
    expect(work.item.login?.totp).toMatch(/^otpauth:\/\/totp\/Work%20mail:alice%40example\.com\?secret=JBSWY3DPEHPK3PXP/);
    expect(work.item.fields).toEqual([
      { name: 'PIN', type: 'hidden', value: '0042' },
      { name: 'Recovery', type: 'text', value: 'line 1\nline 2' },
      { name: 'Enabled', type: 'text', value: 'true' },
    ]);
    expect(byTitle(r.items, 'Ünïcödé note ✓').item).toMatchObject({ type: 'note', secureNote: 'Body line 1\nBody line 2', folder: 'Email' });
    expect(fieldValue(byTitle(r.items, 'Me'), 'SSN')).toBe('123-12-1234');
    expect(fieldValue(byTitle(r.items, 'Me'), 'Address 1')).toBe(' 1 North Calle ');
  });

  it('refuses an empty password, and a hostile Argon2 memory setting on re-import', async () => {
    await expect(exportKdbx([], { password: '' })).rejects.toThrow(AppError);
    const hostile = patchKdbxHeaderUint64(bytes, 'M', 2n ** 50n);
    await expect(parseImport(hostile, { password: PASSWORD })).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });
});

describe('export.exportKdbx at scale (entries written as streamed XML)', () => {
  const COUNT = 3000;
  const many = (): ImportedItem[] =>
    Array.from({ length: COUNT }, (_, i) => ({
      item: ItemInput.parse({
        type: 'login',
        title: `Site ${i}`,
        folder: ['', 'Work', 'Work/Servers', 'Home ✓'][i % 4],
        login: { username: `user${i}`, password: `pw-${i}-✓\t"<&>"`, urls: [{ url: `https://s${i}.example` }] },
        fields: i % 7 === 0 ? [{ name: 'PIN', type: 'hidden', value: `${i}` }] : [],
      }),
      passwordHistory: i % 5 === 0 ? [{ password: `old-${i}`, changedAt: '2024-03-01T10:00:00.000Z' }] : [],
      createdAt: '2023-01-01T00:00:00.000Z',
      updatedAt: '2024-06-01T00:00:00.000Z',
    }));

  it(`re-imports all ${COUNT} items with every protected value and history in place`, async () => {
    const bytes = await exportKdbx(many(), { password: PASSWORD });
    const r = await parseImport(bytes, { password: PASSWORD });
    expect(r.items).toHaveLength(COUNT);
    for (const i of [0, 1, 7, 1234, COUNT - 1]) {
      const got = byTitle(r.items, `Site ${i}`);
      expect(got.item.login?.password).toBe(`pw-${i}-✓\t"<&>"`);
      expect(got.item.folder).toBe(['', 'Work', 'Work/Servers', 'Home ✓'][i % 4]);
      if (i % 7 === 0) expect(fieldValue(got, 'PIN')).toBe(`${i}`);
      expect(got.passwordHistory).toEqual(i % 5 === 0 ? [{ password: `old-${i}`, changedAt: '2024-03-01T10:00:00.000Z' }] : []);
    }
  });

  it.skipIf(cliPath === '')(`is read by keepassxc-cli: ${COUNT} entries, the last one’s password and PIN`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hearth-kdbx-many-'));
    try {
      const file = path.join(dir, 'many.kdbx');
      writeFileSync(file, await exportKdbx(many(), { password: PASSWORD }));
      const run = (...args: string[]): string => execFileSync(cliPath, args, { input: `${PASSWORD}\n`, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
      const entries = run('ls', '-q', '-R', '-f', file)
        .split('\n')
        .filter((l) => l !== '' && !l.endsWith('/') && !l.endsWith('[empty]'));
      expect(entries).toHaveLength(COUNT);
      expect(run('show', '-q', '-s', '-a', 'Password', file, `Home ✓/Site ${COUNT - 1}`)).toBe(`pw-${COUNT - 1}-✓\t"<&>"\n`);
      expect(run('show', '-q', '-s', '-a', 'UserName', file, 'Site 2996')).toBe('user2996\n');
      expect(run('show', '-q', '-s', '-a', 'PIN', file, 'Site 2996')).toBe('2996\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
