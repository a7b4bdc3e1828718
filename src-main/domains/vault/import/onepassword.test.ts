import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src-shared/ipc/result';
import { parseImport } from './index';
import { IMPORT_LIMITS } from './limits';
import { byTitle, fieldValue, fixture, PASS_IMPORT_REFERENCE } from './test-fixtures';
import { checkZipEntries, extractZipEntry, isSafeEntryName, readZipDirectory } from '../../../lib/zip';
import { errorOf } from '../../../test/helpers';
import { describeWithFixtures, itWithFixtures } from '../../../test/fixtures';

const PUX = '1password/keepassxc-1PasswordExport.1pux';
const exportData = new TextEncoder().encode(JSON.stringify({ accounts: [] }));

describeWithFixtures('1password 1pux (keepassxc-1PasswordExport.1pux)', () => {
  it('imports 8 of the 9 items (the document is skipped) into the 2 vault folders', async () => {
    const r = await parseImport(fixture(PUX));
    expect(r.format).toBe('1password-1pux');
    expect(r.items.map((i) => i.item.title)).toEqual([
      'Login',
      'UUID 005 Password',
      'Home Wifi',
      'Credit Card',
      'Login Archived',
      'Secure Note',
      'Identity',
      'Bank Account',
    ]);
    expect(r.skipped.map((s) => s.row)).toEqual([6]);
    expect(r.skipped[0]?.reason).toMatch(/document/);
    expect(r.folders).toEqual(['Personal', 'Shared']);
    expect(byTitle(r.items, 'Bank Account').item.folder).toBe('Shared');
  });

  it('maps the login: username, password, both URLs, notes, first TOTP, favourite, tag; extras as fields', async () => {
    const { items } = await parseImport(fixture(PUX));
    const login = byTitle(items, 'Login');
    expect(login.item.type).toBe('login');
    expect(login.item.login).toMatchObject({
      username: 'team@keepassxc.org',
      password: 'password',
      totp: 'otpauth://totp/Login:team%40keepassxc.org?secret=DFDFDEF&period=30&digits=6&issuer=Login',
    });
    expect(login.item.login?.urls.map((u) => u.url)).toEqual(['https://keepassxc.org', 'https://twitter.com']);
    expect(login.item.notes).toBe('Note to self');
    expect(login.item.favorite).toBe(true);
    expect(login.item.tags).toEqual(['website']);
    expect(login.item.fields).toContainEqual({ name: 'one-time password', type: 'hidden', value: 'DFDFDEFDEF' });
    expect(fieldValue(login, 'phone')).toBe('555-123-45678');
    expect(fieldValue(login, 'email')).toBe('team@keepassxc.org');
    expect(login.createdAt).toBe(new Date(1663642010 * 1000).toISOString());
  });

  it('maps the password item, the credit card (yyyymm expiry) and the identity address', async () => {
    const { items } = await parseImport(fixture(PUX));
    expect(byTitle(items, 'UUID 005 Password').item.login?.password).toBe('uuid005password');
    const card = byTitle(items, 'Credit Card');
    expect(card.item.card).toEqual({ holder: 'KeePassXC', brand: 'Mastercard', number: '1234567890', expMonth: '6', expYear: '2022', code: '123' });
    expect(fieldValue(card, 'valid from')).toBe('06/2022');
    const id = byTitle(items, 'Identity').item.identity;
    expect(id).toMatchObject({
      firstName: 'KeePass',
      lastName: 'XC',
      address1: '123 Avenue Rd',
      city: 'Boston',
      state: 'MA',
      postalCode: '12345',
      country: 'us',
    });
  });

  it('imports the archived login with the tag "archived", and the note body and tags', async () => {
    const r = await parseImport(fixture(PUX));
    expect(byTitle(r.items, 'Login Archived').item.tags).toEqual(['archived']);
    expect(r.warnings.some((w) => /archived/.test(w))).toBe(true);
    const note = byTitle(r.items, 'Secure Note').item;
    expect(note).toMatchObject({ type: 'note', secureNote: 'This is a note', tags: ['Note', 'Secret Stuff'] });
    expect(byTitle(r.items, 'Home Wifi').item.fields).toContainEqual({ name: 'base station password', type: 'hidden', value: '12345678' });
  });
});

describe('1password 1pux: hostile archives (T11)', () => {
  it('rejects a ZIP bomb (16 MiB of zeros, ~1000:1) from the central directory, before inflating', async () => {
    const bomb = zipSync({ 'export.data': new Uint8Array(16 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const error = await errorOf(parseImport(bomb));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/ZIP bomb/);
  });

  it('rejects ../ and absolute entry names', async () => {
    for (const name of ['../evil.txt', 'files/../../evil', '/etc/passwd', 'C:/evil', '\\\\server\\share']) {
      const zip = zipSync({ 'export.data': exportData, [name]: new Uint8Array(1) });
      const error = await errorOf(parseImport(zip));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/unsafe name/);
    }
    expect(isSafeEntryName('files/abc__logo.png')).toBe(true);
  });

  it('rejects more than 10,000 entries', async () => {
    const files: Record<string, Uint8Array> = { 'export.data': exportData };
    for (let i = 0; i < IMPORT_LIMITS.zipMaxEntries; i++) files[`files/${i}`] = new Uint8Array(0);
    expect((await errorOf(parseImport(zipSync(files, { level: 0 })))).code).toBe('TOO_LARGE');
  });

  it('caps the declared total uncompressed size and catches duplicate names', () => {
    const entry = (name: string, size: number) => ({ name, size, compressedSize: size, isSymlink: false });
    const mib = 1024 * 1024;
    expect(() => checkZipEntries([entry('a', 150 * mib), entry('b', 60 * mib)])).toThrow(/200 MiB/);
    expect(() => checkZipEntries([entry('a', 150 * mib), entry('b', 40 * mib)])).not.toThrow();
    expect(() => checkZipEntries([entry('Export.data', 1), entry('export.data', 1)])).toThrow(AppError);
    expect(() => checkZipEntries([{ ...entry('link', 1), isSymlink: true }])).toThrow(AppError);
  });

  it('stops inflating an entry that expands beyond its declared size (a lying central directory)', () => {
    const zip = zipSync({ 'export.data': new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
    const [entry] = readZipDirectory(zip, false);
    if (!entry) throw new Error('no entry');
    expect(() => extractZipEntry(zip, { ...entry, size: 1000 })).toThrow(/declared size/);
  });

  it('rejects a ZIP without export.data and truncated export.data JSON', async () => {
    expect((await errorOf(parseImport(zipSync({ 'a.txt': exportData }), { format: '1password-1pux' }))).code).toBe('INVALID_INPUT');
    const truncated = zipSync({ 'export.data': exportData.slice(0, 5) });
    expect((await errorOf(parseImport(truncated))).code).toBe('INVALID_INPUT');
  });
});

describe('1password csv (pass-import-1password8.csv)', () => {
  itWithFixtures('imports the 14 reference entries with no folders, 2 of them notes', async () => {
    const r = await parseImport(fixture('1password/pass-import-1password8.csv'));
    expect(r.format).toBe('1password-csv');
    expect(r.items).toHaveLength(14);
    expect(r.folders).toEqual([]);
    expect(
      r.items
        .filter((i) => i.item.type === 'note')
        .map((i) => i.item.title)
        .sort(),
    ).toEqual(['empty entry', 'note']);
    for (const [title, [username, password]] of Object.entries(PASS_IMPORT_REFERENCE)) {
      expect(byTitle(r.items, title).item.login).toMatchObject({ username, password });
    }
    expect(r.items.every((i) => !i.item.favorite && i.item.tags.length === 0)).toBe(true);
    expect(byTitle(r.items, 'note').item.secureNote.split('\n')).toHaveLength(2);
    expect(byTitle(r.items, 'dpbx@klivak.xb').item.notes).toBe('This is a garbage address');
  });

  it('reads the older header variant (Website, One-time password, Favorite/Archived status)', async () => {
    const csv =
      'Title,Website,Username,Password,One-time password,Favorite status,Archived status,Tags,Notes\nMail,https://m.example,me,pw,otpauth://totp/x?secret=AB,true,true,work;home,hi\n';
    const r = await parseImport(new TextEncoder().encode(csv));
    expect(r.format).toBe('1password-csv');
    expect(r.items[0]?.item).toMatchObject({ title: 'Mail', favorite: true, notes: 'hi', tags: ['work', 'home', 'archived'] });
    expect(r.items[0]?.item.login).toMatchObject({ username: 'me', password: 'pw', totp: 'otpauth://totp/x?secret=AB' });
  });
});
