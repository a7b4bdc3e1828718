import path from 'node:path';
import { expect, it } from 'vitest';
import type { Result } from '../../../src-shared/ipc/result';
import { describeWithFixtures, readFixture } from '../../test/fixtures';
import { errorOf, exportedFile, PASSWORD, testCore } from '../../test/helpers';

const upload = (rel: string) => ({ fileName: path.basename(rel), contentBase64: readFixture('vault', rel).toString('base64') });

async function unlocked() {
  const core = testCore();
  await core.client.profile.create({ name: 'IO', password: PASSWORD });
  return core;
}

async function importFile(core: Awaited<ReturnType<typeof unlocked>>, file: { fileName: string; contentBase64: string }, sourcePassword?: string) {
  const preview = await core.client.vault.importPreview({ file, sourcePassword });
  const done = await core.client.vault.importCommit({ importId: preview.importId });
  return { preview, done };
}

describeWithFixtures('vault import and export through the router', () => {
  it('previews a Bitwarden JSON export without writing, then commits it in one go', async () => {
    const core = await unlocked();
    const preview = await core.client.vault.importPreview({ file: upload('bitwarden/keepassxc-bitwarden_export.json') });
    expect(preview).toMatchObject({ format: 'bitwarden-json', total: 4, byType: { login: 1, note: 1, card: 1, identity: 1 }, duplicates: 0 });
    expect((await core.client.vault.list({})).items).toEqual([]);
    await core.client.vault.importCommit({ importId: preview.importId });
    const items = (await core.client.vault.list({})).items;
    expect(items.map((i) => i.title).sort()).toEqual(['Card Name', 'Login Name', 'My Identity', 'My Secure Note']);
    const login = items.find((i) => i.title === 'Login Name')!;
    expect(login).toMatchObject({ folder: 'My Folder', favorite: true, hasTotp: true, subtitle: 'myusername@gmail.com' });
    expect(await core.client.vault.reveal({ id: login.id, field: 'password' })).toEqual({ value: 'mypassword' });
    const card = items.find((i) => i.title === 'Card Name')!;
    expect(await core.client.vault.reveal({ id: card.id, field: 'cardNumber' })).toEqual({ value: '1234567891011121' });

    // The same file again: every item is a duplicate and is skipped by default.
    const again = await core.client.vault.importPreview({ file: upload('bitwarden/keepassxc-bitwarden_export.json') });
    expect(again.duplicates).toBeGreaterThanOrEqual(2);
    expect(await core.client.vault.importCommit({ importId: again.importId })).toMatchObject({ skipped: again.duplicates });
    // A preview is used once.
    expect((await errorOf(() => core.client.vault.importCommit({ importId: again.importId }))).code).toBe('NOT_FOUND');
  });

  it('imports a password-protected Bitwarden export and reports a wrong password', async () => {
    const core = await unlocked();
    const file = upload('bitwarden/keepassxc-bitwarden_encrypted_export.json');
    expect((await errorOf(() => core.client.vault.importPreview({ file, sourcePassword: 'b' }))).code).toBe('WRONG_PASSWORD');
    const { done } = await importFile(core, file, 'a');
    expect(done.imported).toBe(1);
  });

  it('never sends a secret value in list, search or get responses (serialised router payload)', async () => {
    const core = await unlocked();
    await importFile(core, upload('bitwarden/keepassxc-bitwarden_export.json'));
    const secrets = ['mypassword', 'hidden-field-value', '1234567891011121', '123-12-1234', '123456789', 'DFDFDEF', '1st line of secure note'];
    const payloads: Result<unknown>[] = [
      await core.router.dispatch('vault:list', {}, { transport: 'test' }),
      await core.router.dispatch('vault:list', { query: 'name' }, { transport: 'test' }),
    ];
    for (const item of (await core.client.vault.list({})).items) payloads.push(await core.router.dispatch('vault:get', { id: item.id }, { transport: 'test' }));
    const json = JSON.stringify(payloads);
    for (const s of secrets) expect(json, s).not.toContain(s);
  });

  it('round-trips the encrypted Hearth export losslessly, and a one-byte change fails clearly', async () => {
    const a = await unlocked();
    await importFile(a, upload('bitwarden/keepassxc-bitwarden_export.json'));
    const login = (await a.client.vault.list({ query: 'Login Name' })).items[0]!;
    await a.client.vault.update({
      id: login.id,
      item: {
        type: 'login',
        title: 'Login Name',
        folder: 'My Folder',
        favorite: true,
        login: { username: 'myusername@gmail.com', password: 'changed-pw', urls: [] },
      },
    });
    expect((await errorOf(() => a.client.vault.export({ format: 'hearth', password: 'wrong' }))).code).toBe('WRONG_PASSWORD');
    const exported = await a.client.vault.export({ format: 'hearth', password: PASSWORD, exportPassword: 'export-pw' });
    expect(exported.items).toBe(4);
    expect(exported.fileName).toMatch(/\.hearth$/);

    const b = await unlocked();
    const file = await exportedFile(a, exported);
    expect((await errorOf(() => b.client.vault.importPreview({ file, sourcePassword: 'nope' }))).code).toBe('WRONG_PASSWORD');
    const bytes = Buffer.from(file.contentBase64, 'base64');
    bytes[bytes.length - 40] = bytes[bytes.length - 40]! ^ 0x01;
    const tampered = await errorOf(() =>
      b.client.vault.importPreview({ file: { fileName: 'x.hearth', contentBase64: bytes.toString('base64') }, sourcePassword: 'export-pw' }),
    );
    expect(tampered.code).toBe('CORRUPT');
    expect(tampered.message).toMatch(/damaged or was changed/);

    await importFile(b, file, 'export-pw');
    const details = async (core: typeof a) => {
      const out: Record<string, unknown> = {};
      for (const s of (await core.client.vault.list({})).items) {
        const d = await core.client.vault.get({ id: s.id });
        const secrets: Record<string, string> = {};
        for (const f of ['password', 'secureNote', 'cardNumber', 'cardCode', 'ssn', 'passportNumber']) {
          secrets[f] = await core.client.vault.reveal({ id: s.id, field: f }).then(
            (r) => r.value,
            () => '',
          );
        }
        secrets.totp = await core.client.vault.revealTotpSeed({ id: s.id, password: PASSWORD }).then(
          (r) => r.uri,
          () => '',
        );
        const { id: _id, createdAt: _c, updatedAt: _u, lastUsedAt: _l, fields, ...rest } = d;
        out[d.title] = {
          ...rest,
          fields: fields.map((f) => ({ name: f.name, type: f.type, value: f.value })),
          secrets,
          history: (await core.client.vault.passwordHistory({ id: s.id })).length,
        };
      }
      return out;
    };
    expect(await details(b)).toEqual(await details(a));
  });

  it('exports plaintext formats only after an explicit acknowledgement', async () => {
    const core = await unlocked();
    await importFile(core, upload('bitwarden/keepassxc-bitwarden_export.json'));
    expect((await errorOf(() => core.client.vault.export({ format: 'csv', password: PASSWORD }))).code).toBe('INVALID_INPUT');
    const csv = await core.client.vault.export({ format: 'csv', password: PASSWORD, acknowledgePlaintext: true });
    expect(Buffer.from((await exportedFile(core, csv)).contentBase64, 'base64').toString('utf8')).toContain('mypassword');
  });
});
