import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src-shared/ipc/result';
import { decryptEncString, hkdfExpandSha256 } from './bitwarden-crypto';
import { parseImport } from './index';
import { byTitle, fieldValue, fixture, PASS_IMPORT_REFERENCE } from './test-fixtures';
import { errorOf } from '../../../test/helpers';
import { describeWithFixtures } from '../../../test/fixtures';

const json = (relative: string): Record<string, unknown> => JSON.parse(new TextDecoder().decode(fixture(relative))) as Record<string, unknown>;
const bytesOf = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

describeWithFixtures('bitwarden json (keepassxc-bitwarden_export.json)', () => {
  it('imports the 4 items, one of each type, and the 2 folders', async () => {
    const r = await parseImport(fixture('bitwarden/keepassxc-bitwarden_export.json'));
    expect(r.format).toBe('bitwarden-json');
    expect(r.items).toHaveLength(4);
    expect(r.items.map((i) => i.item.type).sort()).toEqual(['card', 'identity', 'login', 'note']);
    expect(r.folders).toEqual(['My Folder', 'Second Folder']);
    expect(r.skipped).toEqual([]);
  });

  it('maps the login with its 3 URIs, notes, TOTP URI, favourite and folder', async () => {
    const { items } = await parseImport(fixture('bitwarden/keepassxc-bitwarden_export.json'));
    const login = byTitle(items, 'Login Name').item;
    expect(login.folder).toBe('My Folder');
    expect(login.favorite).toBe(true);
    expect(login.login?.username).toBe('myusername@gmail.com');
    expect(login.login?.password).toBe('mypassword');
    expect(login.login?.urls.map((u) => u.url)).toEqual(['https://mail.google.com', 'https://google.com', 'https://gmail.com']);
    expect(login.login?.urls.every((u) => u.match === null)).toBe(true);
    expect(login.notes).toBe('1st line of note text\n2nd Line of note text');
    expect(login.login?.totp).toBe('otpauth://totp/Google:myusername%40gmail.com?secret=DFDFDEF%3D&period=30&digits=6&issuer=Google');
  });

  it('puts the secure note body in secureNote and maps card and identity (keeping deliberate spaces)', async () => {
    const { items } = await parseImport(fixture('bitwarden/keepassxc-bitwarden_export.json'));
    const note = byTitle(items, 'My Secure Note').item;
    expect(note.secureNote.split('\n')).toHaveLength(3);
    expect(note.secureNote.startsWith('1st line of secure note\n2nd line')).toBe(true);
    expect(note.notes).toBe('');
    const card = byTitle(items, 'Card Name').item;
    expect(card.folder).toBe('Second Folder');
    expect(card.card).toEqual({ holder: 'Jane Doe', brand: 'Visa', number: '1234567891011121', expMonth: '10', expYear: '2021', code: '123' });
    const id = byTitle(items, 'My Identity').item.identity;
    expect([id?.title, id?.firstName, id?.middleName, id?.lastName]).toEqual(['Mrs', 'Jane', 'A', 'Doe']);
    expect(id?.address1).toBe(' 1 North Calle Cesar Chavez ');
    expect(id?.country).toBe('United States ');
    expect([id?.ssn, id?.passportNumber, id?.address2, id?.address3]).toEqual(['123-12-1234', '123456789', '', '']);
  });

  it('keeps the 3 custom fields per item with their types and boolean values', async () => {
    const { items } = await parseImport(fixture('bitwarden/keepassxc-bitwarden_export.json'));
    for (const i of items) {
      expect(i.item.fields.map((f) => [f.name, f.type])).toEqual([
        ['Text Field', 'text'],
        ['Hidden Field', 'hidden'],
        ['Boolean Field', 'boolean'],
      ]);
      expect(fieldValue(i, 'Text Field')).toBe('text-field-value');
      expect(fieldValue(i, 'Hidden Field')).toBe('hidden-field-value');
    }
    expect(['My Secure Note', 'Card Name', 'My Identity', 'Login Name'].map((t) => fieldValue(byTitle(items, t), 'Boolean Field'))).toEqual([
      'false',
      'false',
      'true',
      'true',
    ]);
  });
});

describeWithFixtures('bitwarden json (pass-import reference set)', () => {
  it('imports 14 items (12 logins, 2 notes) into 6 folders without merging the two ovh.com entries', async () => {
    const r = await parseImport(fixture('bitwarden/pass-import-bitwarden.json'));
    expect(r.items).toHaveLength(14);
    expect(r.items.filter((i) => i.item.type === 'login')).toHaveLength(12);
    expect(
      r.items
        .filter((i) => i.item.type === 'note')
        .map((i) => i.item.title)
        .sort(),
    ).toEqual(['empty entry', 'note']);
    expect(r.folders).toEqual(['Bank', 'CornerCases', 'Emails', 'Emails/WS', 'Servers', 'Social']);
    expect(
      r.items
        .filter((i) => i.item.title === 'ovh.com')
        .map((i) => i.item.login?.username)
        .sort(),
    ).toEqual(['bynbyjhqjz', 'jsdkyvbwjn']);
    for (const [title, [username, password]] of Object.entries(PASS_IMPORT_REFERENCE)) {
      expect(byTitle(r.items, title).item.login).toMatchObject({ username, password });
    }
    const aib = byTitle(r.items, 'aib');
    expect([fieldValue(aib, 'pin'), fieldValue(aib, 'oldpin')]).toEqual(['462916', '489019']);
    expect(aib.item.folder).toBe('Bank');
    expect(byTitle(r.items, 'dpbx@fner.ws').item.folder).toBe('Emails/WS');
  });
});

describeWithFixtures('bitwarden json (password protected)', () => {
  const expectKeePassXcItem = async (relative: string): Promise<void> => {
    const r = await parseImport(fixture(relative), { password: 'a' });
    expect(r.items).toHaveLength(1);
    expect(r.folders).toEqual(['Credit Cards']);
    const item = byTitle(r.items, 'KeePassXC').item;
    expect(item.favorite).toBe(true);
    expect(item.notes).toBe('KeePassXC password manager');
    expect(item.login).toMatchObject({
      username: 'keepassxc',
      password: 'TYsbQUyeD3qrav',
      totp: 'otpauth://totp/KeePassXC:keepassxc?secret=FSFSFSFSEFEFE&period=30&digits=6&issuer=KeePassXC',
    });
    expect(item.login?.urls.map((u) => u.url)).toEqual(['https://keepassxc.org', 'https://github.com/keepassxreboot/keepassxc']);
  };

  it('decrypts the PBKDF2 export with password "a"', async () => {
    await expectKeePassXcItem('bitwarden/keepassxc-bitwarden_encrypted_export.json');
  });

  it('decrypts the Argon2id export with password "a" and keeps its dates', async () => {
    await expectKeePassXcItem('bitwarden/keepassxc-bitwarden_encrypted_argon2id_export.json');
    const r = await parseImport(fixture('bitwarden/keepassxc-bitwarden_encrypted_argon2id_export.json'), { password: 'a' });
    expect(r.items[0]?.createdAt).toBe('2023-01-02T23:00:04.606Z');
    expect(r.items[0]?.updatedAt).toBe('2023-05-21T18:32:28.103Z');
  });

  it('reports WRONG_PASSWORD for a wrong or missing password (PBKDF2 and Argon2id)', async () => {
    for (const f of ['bitwarden/keepassxc-bitwarden_encrypted_export.json', 'bitwarden/keepassxc-bitwarden_encrypted_argon2id_export.json']) {
      expect((await errorOf(parseImport(fixture(f), { password: 'b' }))).code).toBe('WRONG_PASSWORD');
      expect((await errorOf(parseImport(fixture(f)))).code).toBe('WRONG_PASSWORD');
    }
  });

  it('detects an account-restricted export and tells the user to re-export as password protected', async () => {
    const restricted = json('bitwarden/keepassxc-bitwarden_encrypted_export.json');
    delete restricted.passwordProtected;
    const error = await errorOf(parseImport(bytesOf(restricted), { password: 'a' }));
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toMatch(/Password protected/);
  });

  it('refuses KDF settings outside Bitwarden’s range before deriving (a hostile file)', async () => {
    const hostile = { ...json('bitwarden/keepassxc-bitwarden_encrypted_argon2id_export.json'), kdfMemory: 1_000_000 };
    expect((await errorOf(parseImport(bytesOf(hostile), { password: 'a' }))).code).toBe('INVALID_INPUT');
    const slow = { ...json('bitwarden/keepassxc-bitwarden_encrypted_export.json'), kdfIterations: 2 ** 31 };
    expect((await errorOf(parseImport(bytesOf(slow), { password: 'a' }))).code).toBe('INVALID_INPUT');
  });

  it('reports a tampered payload as damaged, not as a wrong password', async () => {
    const tampered = json('bitwarden/keepassxc-bitwarden_encrypted_export.json');
    const data = String(tampered.data);
    tampered.data = data.replace(/\|([A-Za-z0-9+/])/, (_m, c: string) => `|${c === 'A' ? 'B' : 'A'}`);
    expect((await errorOf(parseImport(bytesOf(tampered), { password: 'a' }))).code).toBe('INVALID_INPUT');
  });
});

describe('bitwarden-crypto primitives', () => {
  it('HKDF-Expand matches RFC 5869 test case 1 (OKM from its PRK)', () => {
    const prk = Buffer.from('077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5', 'hex');
    const info = Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex');
    expect(hkdfExpandSha256(prk, info, 42).toString('hex')).toBe('3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865');
  });

  it('rejects a string that is not an EncString', () => {
    const keys = { encKey: Buffer.alloc(32), macKey: Buffer.alloc(32) };
    expect(() => decryptEncString('not-an-encstring', keys)).toThrow(AppError);
  });
});

describeWithFixtures('bitwarden csv (pass-import-bitwarden.csv)', () => {
  it('imports the same 14 reference entries as the JSON, with folders, multi-line fields and notes', async () => {
    const r = await parseImport(fixture('bitwarden/pass-import-bitwarden.csv'));
    expect(r.format).toBe('bitwarden-csv');
    expect(r.items).toHaveLength(14);
    expect(
      r.items
        .filter((i) => i.item.type === 'note')
        .map((i) => i.item.title)
        .sort(),
    ).toEqual(['empty entry', 'note']);
    expect(r.folders).toEqual(['Bank', 'CornerCases', 'Emails', 'Emails/WS', 'Servers', 'Social']);
    for (const [title, [username, password]] of Object.entries(PASS_IMPORT_REFERENCE)) {
      expect(byTitle(r.items, title).item.login).toMatchObject({ username, password });
    }
    const aib = byTitle(r.items, 'aib');
    expect(aib.item.fields).toEqual([
      { name: 'pin', type: 'hidden', value: '462916' },
      { name: 'oldpin', type: 'hidden', value: '489019' },
    ]);
    expect(aib.item.login?.urls).toEqual([{ url: 'https://onlinebanking.aib.ie', match: null }]);
    expect(byTitle(r.items, 'note').item.secureNote.split('\n')).toHaveLength(2);
    expect(byTitle(r.items, 'dpbx@fner.ws').item.folder).toBe('Emails/WS');
    expect(r.items.filter((i) => i.item.title === 'ovh.com')).toHaveLength(2);
  });
});
