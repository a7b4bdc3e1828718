import { describe, expect, it } from 'vitest';
import { errorOf, exportedFile, PASSWORD, testCore } from '../../test/helpers';

/** Encrypted exports get their own file password, never the master password (through the router, real files). */
describe('vault export file password', () => {
  it('refuses an encrypted export without a file password or with the master password, for hearth and kdbx', async () => {
    const core = testCore();
    await core.client.profile.create({ name: 'E', password: PASSWORD });
    await core.client.vault.create({ item: { type: 'login', title: 'Mail', login: { username: 'me', password: 'Pa55-mail' } } });
    for (const format of ['hearth', 'kdbx'] as const) {
      for (const exportPassword of [undefined, '', PASSWORD]) {
        const err = await errorOf(core.client.vault.export({ format, password: PASSWORD, exportPassword }));
        expect(err.code).toBe('INVALID_INPUT');
        expect(err.issues?.[0]?.path).toBe('exportPassword');
      }
    }
  });

  it('writes a file that opens with the file password and not with the master password', async () => {
    const core = testCore();
    await core.client.profile.create({ name: 'E', password: PASSWORD });
    await core.client.vault.create({ item: { type: 'login', title: 'Mail', login: { username: 'me', password: 'Pa55-mail' } } });
    for (const format of ['hearth', 'kdbx'] as const) {
      const out = await core.client.vault.export({ format, password: PASSWORD, exportPassword: 'file-only-pw' });
      expect(out.items).toBe(1);
      const file = await exportedFile(core, out);
      expect((await errorOf(core.client.vault.importPreview({ file, sourcePassword: PASSWORD }))).code).toBe('WRONG_PASSWORD');
      const preview = await core.client.vault.importPreview({ file, sourcePassword: 'file-only-pw' });
      expect(preview.total).toBe(1);
    }
  });
});
