import { describe, expect, it } from 'vitest';
import { parseImport } from './index';
import { escapeTextTabs } from './keepass';
import { byTitle, fieldValue, fixture, PASS_IMPORT_REFERENCE, patchKdbxHeaderUint64 } from './test-fixtures';
import { errorOf } from '../../../test/helpers';
import { describeWithFixtures, itWithFixtures } from '../../../test/fixtures';

const KDBX = 'keepass/keepassxc-cli-sample.kdbx';
const KDBX_PASSWORD = 'hearth-fixture-pw';

/** The 4 entries keepassxc-cli wrote, as every KeePassXC-made fixture must read them. */
function expectKeePassXcSample(items: Awaited<ReturnType<typeof parseImport>>['items']): void {
  expect(items).toHaveLength(4);
  expect(byTitle(items, 'Empty password').item.login).toMatchObject({ username: 'no password user', password: '' });
  const bank = byTitle(items, 'Bänk Ünïcödé').item;
  expect(bank.login?.password).toBe('Tab\tand "quotes"');
  expect(bank.notes).toBe('Ünïcödé title entry');
  expect(bank.folder).toBe('');
  const work = byTitle(items, 'Work mail').item;
  expect(work.folder).toBe('Email');
  expect(work.login).toMatchObject({ username: 'alice@example.com', password: 'p@ss,"word"' });
  expect(work.login?.urls.map((u) => u.url)).toEqual(['https://mail.example.com']);
  expect(work.notes).toBe('First line\nSecond line, with comma');
  const mastodon = byTitle(items, 'Mastodon').item;
  expect(mastodon.folder).toBe('Social/Fediverse');
  expect(mastodon.login).toMatchObject({ username: 'ostqxi', password: 'pässwörd-€-✓' });
  expect(mastodon.login?.urls.map((u) => u.url)).toEqual(['https://mastodon.social/']);
}

describeWithFixtures('keepass kdbx (keepassxc-cli-sample.kdbx)', () => {
  it('opens the KDBX 4 fixture and reads its 4 entries and 3 folders', async () => {
    const r = await parseImport(fixture(KDBX), { password: KDBX_PASSWORD });
    expect(r.format).toBe('kdbx');
    expectKeePassXcSample(r.items);
    expect(r.folders).toEqual(['Email', 'Social', 'Social/Fediverse']);
    expect(r.skipped).toEqual([]);
  });

  it('reports WRONG_PASSWORD for a wrong, empty or missing password', async () => {
    expect((await errorOf(parseImport(fixture(KDBX), { password: 'nope' }))).code).toBe('WRONG_PASSWORD');
    expect((await errorOf(parseImport(fixture(KDBX), { password: '' }))).code).toBe('WRONG_PASSWORD');
    expect((await errorOf(parseImport(fixture(KDBX)))).code).toBe('WRONG_PASSWORD');
  });

  it('is the KDBX 3.1 file with 1,000,000 AES-KDF rounds that keepassxc-cli wrote', () => {
    const view = new DataView(fixture(KDBX).buffer);
    expect([view.getUint16(10, true), view.getUint16(8, true)]).toEqual([3, 1]);
  });

  it('refuses a header asking for absurd AES-KDF rounds before deriving anything', async () => {
    const hostile = patchKdbxHeaderUint64(fixture(KDBX), 'R', 2n ** 62n);
    const started = Date.now();
    expect((await errorOf(parseImport(hostile, { password: KDBX_PASSWORD }))).code).toBe('TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a database truncated in its header or its payload as INVALID_INPUT', async () => {
    const bytes = fixture(KDBX);
    for (const length of [10, 100, bytes.length - 40]) {
      expect((await errorOf(parseImport(bytes.slice(0, length), { password: KDBX_PASSWORD, format: 'kdbx' }))).code).toBe('INVALID_INPUT');
    }
  });
});

describe('keepass xml', () => {
  itWithFixtures('reads keepassxc-cli-export.xml like the KDBX it came from, TAB in the password included', async () => {
    const r = await parseImport(fixture('keepass/keepassxc-cli-export.xml'));
    expect(r.format).toBe('keepass-xml');
    expectKeePassXcSample(r.items);
    expect(r.folders).toEqual(['Email', 'Social', 'Social/Fediverse']);
  });

  itWithFixtures('reads keepassxc-NewDatabase.xml: 3 live entries, the recycle-bin entry skipped, attachments warned', async () => {
    const r = await parseImport(fixture('keepass/keepassxc-NewDatabase.xml'));
    expect(r.items.map((i) => i.item.title)).toEqual(['Sample Entry 1', 'Sample Entry 2', 'Subsub Entry']);
    expect(r.skipped).toEqual([{ row: 'Recycle Bin/delentry', reason: 'in the KeePass recycle bin' }]);
    expect(r.folders).toEqual(['General', 'Windows', 'Windows/Subsub']);
    expect(r.warnings.some((w) => /attachments/.test(w))).toBe(true);
    const one = byTitle(r.items, 'Sample Entry 1');
    expect(one.item.login).toMatchObject({ username: 'User Name', password: 'Password' });
    expect(one.item.notes).toBe('Notes');
    expect(one.item.tags).toEqual(['a b c']);
    // Both history versions have the same password as the entry: no password change to record.
    expect(one.passwordHistory).toEqual([]);
    const two = byTitle(r.items, 'Sample Entry 2');
    expect(two.item.login).toMatchObject({ username: 'notDEFUSERNAME', password: 'Jer60Hz8o9XHvxBGcRqT' });
    expect(two.item.fields.map((f) => f.name)).toEqual(['CustomString', 'Protected String']);
    expect(fieldValue(two, 'CustomString')).toBe('isavalue');
    expect(byTitle(r.items, 'Subsub Entry').item).toMatchObject({ type: 'note', folder: 'Windows/Subsub' });
  });

  itWithFixtures('reads pass-import-keepass.xml: the 14 reference entries, 6 folders, 2017 dates', async () => {
    const r = await parseImport(fixture('keepass/pass-import-keepass.xml'));
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
    expect(fieldValue(aib, 'pin')).toBe('462916');
    expect(aib.item.folder).toBe('Bank');
    expect(r.items.every((i) => i.updatedAt?.startsWith('2017-'))).toBe(true);
  });

  it('refuses a DOCTYPE (entity expansion) with INVALID_INPUT', async () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><KeePassFile><Root/></KeePassFile>';
    expect((await errorOf(parseImport(new TextEncoder().encode(xml)))).code).toBe('INVALID_INPUT');
  });

  itWithFixtures('reports truncated XML as INVALID_INPUT', async () => {
    const bytes = fixture('keepass/keepassxc-cli-export.xml');
    expect((await errorOf(parseImport(bytes.slice(0, bytes.length / 2), { format: 'keepass-xml' }))).code).toBe('INVALID_INPUT');
  });

  it('escapes only TABs in text, not inside tags or attribute values', () => {
    expect(escapeTextTabs('<a\tb="\t>">x\ty</a>')).toBe('<a\tb="\t>">x&#9;y</a>');
  });
});

describeWithFixtures('keepassxc csv', () => {
  it('reads keepassxc-cli-export.csv: the same 4 entries, groups without the root', async () => {
    const r = await parseImport(fixture('keepass/keepassxc-cli-export.csv'));
    expect(r.format).toBe('keepassxc-csv');
    expectKeePassXcSample(r.items);
    expect(r.folders).toEqual(['Email', 'Social', 'Social/Fediverse']);
  });

  it('reads keepassxc-cli-NewDatabase-export.csv: 2 rows, one with a TOTP URI', async () => {
    const r = await parseImport(fixture('keepass/keepassxc-cli-NewDatabase-export.csv'));
    expect(r.items).toHaveLength(2);
    const sample = byTitle(r.items, 'Sample Entry').item;
    expect(sample.folder).toBe('');
    expect(sample.login).toMatchObject({ username: 'User Name', password: 'Password' });
    expect(sample.login?.urls.map((u) => u.url)).toEqual(['http://www.somesite.com/']);
    expect(sample.login?.totp).toBe(
      'otpauth://totp/Sample%20Entry:User%20Name?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&period=30&digits=6&issuer=Sample%20Entry',
    );
    const bank = byTitle(r.items, 'Subgroup Entry').item;
    expect(bank).toMatchObject({ folder: 'Homebanking/Subgroup', notes: 'Important note' });
    expect(bank.login).toMatchObject({ username: 'Bank User Name', password: 'SecurePassword', totp: '' });
    expect(r.items[0]?.updatedAt).toBe('2021-11-07T21:48:40.000Z');
  });

  it('reads the older 6-column pass-import-keepassx2.csv: 14 entries, Root/ stripped', async () => {
    const r = await parseImport(fixture('keepass/pass-import-keepassx2.csv'));
    expect(r.format).toBe('keepassxc-csv');
    expect(r.items).toHaveLength(14);
    expect(r.folders).toEqual(['Bank', 'CornerCases', 'Emails', 'Emails/WS', 'Servers', 'Social']);
    for (const [title, [username, password]] of Object.entries(PASS_IMPORT_REFERENCE)) {
      expect(byTitle(r.items, title).item.login).toMatchObject({ username, password });
    }
    expect(byTitle(r.items, 'note').item.secureNote).toMatch(/^This is a multiline note entry\..*\nacutely/);
  });
});

describe('KDBX 4 Argon2 work limit', () => {
  it('refuses memory × passes beyond what the import job can finish, before deriving anything', async () => {
    const { exportKdbx } = await import('../export/kdbx');
    const file = await exportKdbx([], { password: 'pw' });
    // 1 GiB and 100 passes are each allowed on their own; together they are 100 GiB of Argon2 work.
    const hostile = patchKdbxHeaderUint64(patchKdbxHeaderUint64(file, 'M', 1024n ** 3n), 'I', 100n);
    const started = Date.now();
    expect((await errorOf(parseImport(hostile, { password: 'pw' }))).code).toBe('TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await parseImport(file, { password: 'pw' })).items).toEqual([]);
  });
});
