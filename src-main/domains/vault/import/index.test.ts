import { describe, expect, it } from 'vitest';
import type { ImportedItem } from '../../../../src-shared/domains/vault/vault.schemas';
import { findDuplicates, IMPORT_LIMITS, parseImport, sniffFormat } from './index';
import { fixture, FIXTURE_FORMATS } from './test-fixtures';
import { errorOf } from '../../../test/helpers';
import { describeWithFixtures, itWithFixtures } from '../../../test/fixtures';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describeWithFixtures('import.sniffFormat (sample files)', () => {
  it.each(Object.entries(FIXTURE_FORMATS))('recognises %s as %s', (file, format) => {
    expect(sniffFormat(fixture(file))).toBe(format);
  });
});

describe('import.sniffFormat', () => {
  it('recognises CSV headers regardless of BOM, case and quotes', () => {
    expect(sniffFormat(utf8('\uFEFF"NAME","Url","UserName","PASSWORD"\n'))).toBe('chrome-csv');
    expect(sniffFormat(utf8('title,url,username,password,notes,otpauth\n'))).toBe('safari-csv');
    expect(sniffFormat(utf8('folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\r\n'))).toBe('bitwarden-csv');
  });

  it('returns null for unknown content and never throws', () => {
    expect(sniffFormat(utf8('just some text\n'))).toBeNull();
    expect(sniffFormat(utf8('{"hello": 1}'))).toBeNull();
    expect(sniffFormat(utf8('<html><body/></html>'))).toBeNull();
    expect(sniffFormat(utf8('{"items": ['))).toBeNull();
    expect(sniffFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
    expect(sniffFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'x.1pux')).toBe('1password-1pux');
    expect(sniffFormat(new Uint8Array(0))).toBeNull();
  });
});

describe('import.parseImport errors', () => {
  it('rejects input over 50 MiB with TOO_LARGE before looking at it', async () => {
    const error = await errorOf(parseImport(new Uint8Array(IMPORT_LIMITS.maxBytes + 1)));
    expect(error.code).toBe('TOO_LARGE');
  });

  it('rejects unrecognised and empty files with INVALID_INPUT', async () => {
    expect((await errorOf(parseImport(utf8('hello world')))).code).toBe('INVALID_INPUT');
    expect((await errorOf(parseImport(new Uint8Array(0)))).code).toBe('INVALID_INPUT');
  });

  itWithFixtures('rejects truncated JSON with INVALID_INPUT and never echoes the content', async () => {
    const bytes = fixture('bitwarden/pass-import-bitwarden.json');
    const error = await errorOf(parseImport(bytes.slice(0, 2000), { format: 'bitwarden-json' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).not.toMatch(/ws5T|aib|dpbx/);
  });

  it('rejects JSON nested deeper than 100 levels without calling JSON.parse on it', async () => {
    const deep = `{"items":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const error = await errorOf(parseImport(utf8(deep), { format: 'bitwarden-json' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/nested/);
  });

  it('rejects a CSV whose header does not match the chosen format, naming the missing columns', async () => {
    const error = await errorOf(parseImport(utf8('foo,bar\n1,2\n'), { format: 'chrome-csv' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/url, username, password/);
    expect((await errorOf(parseImport(utf8('foo,bar\n1,2\n')))).code).toBe('INVALID_INPUT');
  });

  it('rejects more than 100,000 rows with TOO_LARGE', async () => {
    const csv = `name,url,username,password\n${'a,https://a.example,u,p\n'.repeat(IMPORT_LIMITS.maxItems + 1)}`;
    expect((await errorOf(parseImport(utf8(csv)))).code).toBe('TOO_LARGE');
  });

  it('refuses KeePass 1 databases and Hearth exports with UNSUPPORTED', async () => {
    const kdb = new Uint8Array([0x03, 0xd9, 0xa2, 0x9a, 0x65, 0xfb, 0x4b, 0xb5, 0, 0, 0, 0]);
    expect((await errorOf(parseImport(kdb))).code).toBe('UNSUPPORTED');
    expect((await errorOf(parseImport(utf8('x'), { format: 'hearth' }))).code).toBe('UNSUPPORTED');
  });

  it('skips a Bitwarden item with wrong types instead of failing the file', async () => {
    const file = {
      encrypted: false,
      items: [
        { type: 1, name: 'ok', login: { username: 'u' } },
        { type: 1, name: 42 },
        { type: 5, name: 'ssh' },
      ],
    };
    const r = await parseImport(utf8(JSON.stringify(file)));
    expect(r.items.map((i) => i.item.title)).toEqual(['ok']);
    expect(r.skipped).toEqual([
      { row: 2, reason: 'unexpected value for name' },
      { row: 3, reason: 'SSH key items are not supported yet' },
    ]);
  });

  it('skips an item whose values exceed the schema limits, with the field named', async () => {
    const file = { items: [{ type: 1, name: 'long', login: { password: 'x'.repeat(5000) } }] };
    const r = await parseImport(utf8(JSON.stringify(file)));
    expect(r.items).toEqual([]);
    expect(r.skipped).toEqual([{ row: 1, reason: 'login.password is too long' }]);
  });
});

describe('import.findDuplicates', () => {
  const login = (title: string, username: string, url = ''): ImportedItem => ({
    item: {
      type: 'login',
      title,
      notes: '',
      secureNote: '',
      folder: '',
      tags: [],
      favorite: false,
      reprompt: false,
      fields: [],
      login: { username, password: 'p', totp: '', urls: url ? [{ url, match: null }] : [] },
    },
    passwordHistory: [],
  });

  it('matches by normalised host and username, or by title when a side has no URL', () => {
    const incoming = [
      login('OVH', 'jsdkyvbwjn', 'https://www.ovh.com/manager/web/'),
      login('ovh.com', 'bynbyjhqjz', 'https://ovh.com'),
      login('Bank', 'Me@Example.com'),
      login('Other', 'x', 'https://other.example'),
      login('Notes app', 'u', 'https://notes.example'),
    ];
    const existing = [
      { title: 'ovh', username: 'JSDKYVBWJN', url: 'ovh.com' },
      { title: 'bank', username: 'me@example.com ', url: 'https://bank.example' },
      { title: 'notes app', username: 'u', url: '' },
    ];
    expect(findDuplicates(incoming, existing)).toEqual([0, 2, 4]);
  });
});
