import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportPreviewInput, ItemSummary } from '../../../../src-shared/domains/vault/vault.schemas';
import { itWithFixtures, readFixture } from '../../../test/fixtures';
import { errorOf, exportedFile, PASSWORD, testCore } from '../../../test/helpers';
import { cliImportSample, keepassxc, NO_KEEPASSXC_CLI } from './keepassxc-cli.test-helpers';

/**
 * Import previews through the router (validated input and output, the parse in the worker job
 * `vault.import.parse`), as the renderer, the CLI and browser mode call them.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'hearth-import-router-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const upload = (fileName: string, bytes: Uint8Array) => ({ fileName, contentBase64: Buffer.from(bytes).toString('base64') });

async function profile(name = 'Import') {
  const core = testCore();
  await core.client.profile.create({ name, password: PASSWORD });
  return core;
}
type Core = Awaited<ReturnType<typeof profile>>;

const listAll = async (core: Core): Promise<ItemSummary[]> => (await core.client.vault.list({})).items;

async function importAll(core: Core, input: ImportPreviewInput): Promise<ImportPreview> {
  const preview = await core.client.vault.importPreview(input);
  await core.client.vault.importCommit({ importId: preview.importId, skipDuplicates: false });
  return preview;
}

/** RFC 6238 codes (SHA1, 6 digits, 30 s) around now for a base32 secret decoded leniently (leftover bits dropped). */
function totpWindow(secret: string): string[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...secret.toUpperCase()].map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('');
  const key = Buffer.from(Array.from({ length: Math.floor(bits.length / 8) }, (_, i) => parseInt(bits.slice(i * 8, i * 8 + 8), 2)));
  const step = Math.floor(Date.now() / 30_000);
  return [step - 1, step, step + 1].map((counter) => {
    const msg = Buffer.alloc(8);
    msg.writeBigUInt64BE(BigInt(counter));
    const h = createHmac('sha1', key).update(msg).digest();
    const offset = h[h.length - 1]! & 15;
    return String((h.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
  });
}

async function expectTotp(core: Core, title: string, secret: string): Promise<void> {
  const item = (await listAll(core)).find((i) => i.title === title);
  expect(item, title).toBeDefined();
  expect(item?.hasTotp, title).toBe(true);
  const { code } = await core.client.vault.totp({ id: item!.id });
  expect(totpWindow(secret)).toContain(code);
}

describe('vault:importPreview with KDBX files', () => {
  it('re-imports Hearth’s own KDBX export (Argon2id) into a second profile', async () => {
    const a = await profile('A');
    await a.client.vault.create({
      item: { type: 'login', title: 'Mail', folder: 'Work', login: { username: 'me', password: 'pw-1', urls: [{ url: 'https://mail.example' }] } },
    });
    await a.client.vault.create({ item: { type: 'note', title: 'Note', secureNote: 'body' } });
    const exported = await a.client.vault.export({ format: 'kdbx', password: PASSWORD, exportPassword: 'kdbx-pw' });
    expect(exported.items).toBe(2);
    const b = await profile('B');
    const preview = await importAll(b, { file: await exportedFile(a, exported), sourcePassword: 'kdbx-pw' });
    expect(preview).toMatchObject({ format: 'kdbx', total: 2, byType: { login: 1, note: 1 }, folders: ['Work'], skipped: [], attachments: [] });
    const mail = (await listAll(b)).find((i) => i.title === 'Mail');
    expect(mail).toMatchObject({ folder: 'Work', subtitle: 'me' });
    expect(await b.client.vault.reveal({ id: mail!.id, field: 'password' })).toEqual({ value: 'pw-1' });
  });

  it.skipIf(NO_KEEPASSXC_CLI)('opens a password + key file database with the key file sent beside it', async () => {
    const db = cliImportSample({ file: path.join(dir, 'keyed.kdbx'), password: 'kp', keyFile: path.join(dir, 'keyed.key') });
    const file = upload('keyed.kdbx', readFileSync(db.file));
    const keyFile = upload('keyed.key', readFileSync(path.join(dir, 'keyed.key')));
    const core = await profile();
    expect((await errorOf(() => core.client.vault.importPreview({ file, sourcePassword: 'kp' }))).code).toBe('WRONG_PASSWORD');
    const preview = await core.client.vault.importPreview({ file, sourcePassword: 'kp', keyFile });
    expect(preview).toMatchObject({ format: 'kdbx', total: 3, folders: ['Email', 'Social'] });
  });

  it.skipIf(NO_KEEPASSXC_CLI)('lists each KeePassXC entry’s attachments in the preview instead of dropping them silently', async () => {
    const db = cliImportSample({ file: path.join(dir, 'attach.kdbx'), password: 'ap' });
    for (const name of ['b.png', 'a.pdf']) {
      writeFileSync(path.join(dir, name), `content of ${name}`);
      keepassxc(db, 'attachment-import', [], ['Email/Work mail', name, path.join(dir, name)]);
    }
    const core = await profile();
    const preview = await core.client.vault.importPreview({ file: upload('attach.kdbx', readFileSync(db.file)), sourcePassword: 'ap' });
    expect(preview.total).toBe(3);
    expect(preview.attachments).toEqual([{ item: 'Email/Work mail', files: ['a.pdf', 'b.png'] }]);
    expect(preview.warnings).toContain('Hearth does not import attachments yet: the entries listed keep theirs only in the original file.');
  });

  itWithFixtures('lists the attachments of KeePass XML and 1PUX samples by entry', async () => {
    const core = await profile();
    const xml = await core.client.vault.importPreview({ file: upload('x.xml', readFixture('vault', 'keepass', 'keepassxc-NewDatabase.xml')) });
    expect(xml.attachments).toEqual([
      { item: 'Sample Entry 1', files: ['myattach.txt'] },
      { item: 'Sample Entry 2', files: ['myattach.txt'] },
    ]);
    const pux = await core.client.vault.importPreview({ file: upload('x.1pux', readFixture('vault', '1password', 'keepassxc-1PasswordExport.1pux')) });
    expect(pux.attachments).toEqual([{ item: 'Personal/KeePassXC Logo', files: ['keepassxc.png'] }]);
  });
});

describe('bare TOTP secrets in imported files', () => {
  it('imports a bare secret in a KeePass `otp` field and a CSV TOTP column as a working TOTP', async () => {
    const core = await profile();
    const xml = [
      '<?xml version="1.0" encoding="utf-8"?><KeePassFile><Meta><Generator>KeePass</Generator></Meta>',
      '<Root><Group><UUID>AAAAAAAAAAAAAAAAAAAAAQ==</UUID><Name>Root</Name><Entry><UUID>AAAAAAAAAAAAAAAAAAAAAg==</UUID><String><Key>Title</Key><Value>Short key</Value></String><String><Key>UserName</Key><Value>u</Value></String>',
      '<String><Key>otp</Key><Value>DFDFDEF</Value></String></Entry></Group></Root></KeePassFile>',
    ].join('');
    await importAll(core, { file: upload('bare.xml', new TextEncoder().encode(xml)) });
    await expectTotp(core, 'Short key', 'DFDFDEF');
    const csv =
      '"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"\n"Root","Spaced","u","p","","","jbsw y3dp ehpk","0","",""\n';
    await importAll(core, { file: upload('k.csv', new TextEncoder().encode(csv)) });
    await expectTotp(core, 'Spaced', 'JBSWY3DPEHPK');
  });

  itWithFixtures('imports the bare Bitwarden `totp` and 1Password one-time password of the samples as working TOTPs', async () => {
    const core = await profile();
    await importAll(core, { file: upload('b.json', readFixture('vault', 'bitwarden', 'keepassxc-bitwarden_encrypted_export.json')), sourcePassword: 'a' });
    await expectTotp(core, 'KeePassXC', 'fsfsfsfsefefef');
    await importAll(core, { file: upload('x.1pux', readFixture('vault', '1password', 'keepassxc-1PasswordExport.1pux')) });
    await expectTotp(core, 'Login', 'DFDFDEF');
  });
});
