import { describe, expect, it } from 'vitest';
import { PASSWORD, testCore } from '../../test/helpers';

/** Main's copy reaches the OS clipboard only in the desktop app; over browser mode's HTTP API it must refuse. */
describe('vault:copy by front door', () => {
  it('refuses with UNSUPPORTED over browser mode and copies for the desktop app', async () => {
    const core = testCore();
    await core.client.profile.create({ name: 'P', password: PASSWORD });
    const { id } = await core.client.vault.create({ item: { type: 'login', title: 'Bank', login: { username: 'a', password: 'hunter2-hunter2' } } });
    const web = await core.router.dispatch('vault:copy', { id, field: 'password' }, { transport: 'web' });
    expect(web).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    expect(core.clipboard).toMatchObject({ history: [] });
    const desktop = await core.router.dispatch('vault:copy', { id, field: 'password' }, { transport: 'electron' });
    expect(desktop).toMatchObject({ ok: true, value: { clearAfterSeconds: 20 } });
  });
});
