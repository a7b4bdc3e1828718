import { describe, expect, it } from 'vitest';
import { ItemInput, ListItemsInput, UpdateItemInput, RevealInput } from '../../../src-shared/domains/vault/vault.schemas';
import { DEFAULT_SETTINGS } from '../../../src-shared/domains/settings/settings.schemas';
import { errorOf, PASSWORD, testCore } from '../../test/helpers';
import { createVaultItems } from './vault-items';

async function setup(now = () => Date.now()) {
  const core = testCore();
  await core.client.profile.create({ name: 'V', password: PASSWORD });
  const copied: string[] = [];
  const changed: string[][] = [];
  core.client.vault.onChanged(({ ids }) => changed.push(ids));
  const ctx = core.domainContext('vault');
  const vault = createVaultItems({
    db: ctx.db,
    write: ctx.write,
    externalChange: () => undefined,
    itemsKey: () => core.profiles.current().keys.items,
    verifyPassword: (pw) => core.profiles.verifyPassword(pw),
    lock: () => core.profiles.lock('user'),
    clipboard: { copySecret: async (text) => void copied.push(text) },
    settings: async () => DEFAULT_SETTINGS,
    now,
  });
  return { core, vault, copied, changed };
}

const login = (over: Partial<ReturnType<typeof ItemInput.parse>> = {}) =>
  ItemInput.parse({
    type: 'login',
    title: 'GitHub',
    notes: 'work account',
    tags: ['dev'],
    folder: 'Work',
    login: {
      username: 'octo',
      password: 'S3cret-Pa55',
      urls: [{ url: 'https://github.com/login' }],
      totp: 'otpauth://totp/GitHub:octo?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
    },
    fields: [
      { name: 'PIN', type: 'hidden', value: '4321' },
      { name: 'Team', type: 'text', value: 'core' },
    ],
    ...over,
  });

describe('vault.service', () => {
  it('stores secrets sealed: the row on disk holds no password, PIN or TOTP seed', async () => {
    const { core, vault } = await setup();
    const item = await vault.create({ item: login() });
    const raw = core.profiles.current().sqlite.prepare('SELECT * FROM vault_items WHERE id = ?').get(item.id);
    const text = JSON.stringify(raw);
    for (const secret of ['S3cret-Pa55', '4321', 'JBSWY3DPEHPK3PXP']) expect(text).not.toContain(secret);
    expect(text).toContain('octo');
  });

  it('returns no secret values from list, search or get', async () => {
    const { vault } = await setup();
    await vault.create({ item: login() });
    const payloads = [
      (await vault.list(ListItemsInput.parse({}))).items,
      (await vault.list(ListItemsInput.parse({ query: 'git' }))).items,
      await vault.get({ id: (await vault.list(ListItemsInput.parse({}))).items[0]!.id }),
    ];
    for (const p of payloads) {
      const json = JSON.stringify(p);
      for (const secret of ['S3cret-Pa55', '4321', 'JBSWY3DPEHPK3PXP']) expect(json).not.toContain(secret);
    }
    const detail = payloads[2] as Awaited<ReturnType<typeof vault.get>>;
    expect(detail.login).toMatchObject({ username: 'octo', hasPassword: true });
    expect(detail.fields).toEqual([expect.objectContaining({ name: 'PIN', value: null }), expect.objectContaining({ name: 'Team', value: 'core' })]);
  });

  it('reveals exactly one field, and a hidden custom field by id', async () => {
    const { vault } = await setup();
    const item = await vault.create({ item: login() });
    expect(await vault.reveal(RevealInput.parse({ id: item.id, field: 'password' }))).toEqual({ value: 'S3cret-Pa55' });
    const pin = item.fields.find((f) => f.name === 'PIN')!;
    expect(await vault.reveal(RevealInput.parse({ id: item.id, field: `field:${pin.id}` }))).toEqual({ value: '4321' });
    expect((await errorOf(() => vault.reveal(RevealInput.parse({ id: item.id, field: 'cardNumber' })))).code).toBe('NOT_FOUND');
  });

  it('enforces re-prompt in main: no password, wrong password, right password', async () => {
    const { vault, copied, core } = await setup();
    const item = await vault.create({ item: login({ reprompt: true }) });
    expect((await errorOf(() => vault.reveal(RevealInput.parse({ id: item.id, field: 'password' })))).code).toBe('REPROMPT_REQUIRED');
    expect((await errorOf(() => vault.copy(RevealInput.parse({ id: item.id, field: 'password' })))).code).toBe('REPROMPT_REQUIRED');
    expect((await errorOf(() => vault.reveal(RevealInput.parse({ id: item.id, field: 'password', password: 'wrong' })))).code).toBe('WRONG_PASSWORD');
    expect(copied).toEqual([]);
    expect((await vault.reveal(RevealInput.parse({ id: item.id, field: 'password', password: PASSWORD }))).value).toBe('S3cret-Pa55');
    for (let i = 0; i < 5; i++) await errorOf(() => vault.reveal(RevealInput.parse({ id: item.id, field: 'password', password: 'wrong' })));
    expect(core.profiles.isUnlocked()).toBe(false);
  });

  it('copies in main: the clipboard gets the secret, the caller gets only the delay', async () => {
    const { vault, copied } = await setup();
    const item = await vault.create({ item: login() });
    expect(await vault.copy(RevealInput.parse({ id: item.id, field: 'password' }))).toEqual({ clearAfterSeconds: 20 });
    expect(copied).toEqual(['S3cret-Pa55']);
    await vault.copy(RevealInput.parse({ id: item.id, field: 'totpSecret' }));
    expect(copied[1]).toMatch(/^\d{6}$/);
  });

  it('computes the TOTP code in main from the sealed seed', async () => {
    const { vault } = await setup(() => 59_000);
    const item = await vault.create({
      item: login({ login: { username: 'u', password: '', urls: [], totp: 'otpauth://totp/x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8' } }),
    });
    expect(await vault.totp({ id: item.id })).toEqual({ code: '94287082', secondsRemaining: 1, period: 30, digits: 8 });
  });

  it('keeps secrets left out of an edit, records the old password and a version', async () => {
    const { vault } = await setup();
    const item = await vault.create({ item: login() });
    const pin = item.fields.find((f) => f.name === 'PIN')!;
    const edit = UpdateItemInput.parse({
      id: item.id,
      item: { type: 'login', title: 'GitHub (work)', login: { username: 'octo', urls: [] }, fields: [{ id: pin.id, name: 'PIN', type: 'hidden' }] },
    });
    const after = await vault.update(edit);
    expect(after.title).toBe('GitHub (work)');
    expect((await vault.reveal(RevealInput.parse({ id: item.id, field: 'password' }))).value).toBe('S3cret-Pa55');
    expect((await vault.reveal(RevealInput.parse({ id: item.id, field: `field:${pin.id}` }))).value).toBe('4321');
    expect(await vault.passwordHistory({ id: item.id })).toEqual([]);

    await vault.update(
      UpdateItemInput.parse({ id: item.id, item: { type: 'login', title: 'GitHub', login: { username: 'octo', password: 'N3w-Pa55', urls: [] } } }),
    );
    const history = await vault.passwordHistory({ id: item.id });
    expect(history).toHaveLength(1);
    expect((await vault.reveal(RevealInput.parse({ id: item.id, field: `history:${history[0]!.id}` }))).value).toBe('S3cret-Pa55');
    expect((await vault.versions({ id: item.id })).map((v) => v.title)).toEqual(['GitHub (work)', 'GitHub']);
  });

  it('moves items to the trash and back, and erases only trashed items', async () => {
    const { vault } = await setup();
    const item = await vault.create({ item: login() });
    await vault.trash({ id: item.id });
    expect((await vault.list(ListItemsInput.parse({}))).items).toEqual([]);
    expect((await vault.list(ListItemsInput.parse({ trash: true }))).items.map((i) => i.id)).toEqual([item.id]);
    await vault.restore({ id: item.id });
    expect((await vault.list(ListItemsInput.parse({ query: 'github' }))).items.map((i) => i.id)).toEqual([item.id]);
    expect((await errorOf(() => vault.purge({ id: item.id }))).code).toBe('CONFLICT');
    await vault.trash({ id: item.id });
    await vault.purge({ id: item.id });
    expect((await vault.list(ListItemsInput.parse({ trash: true }))).items).toEqual([]);
    expect((await errorOf(() => vault.get({ id: item.id }))).code).toBe('NOT_FOUND');
  });

  it('purges items trashed more than 30 days ago', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const { vault } = await setup(() => now);
    const a = await vault.create({ item: login({ title: 'Old' }) });
    const b = await vault.create({ item: login({ title: 'Recent' }) });
    await vault.trash({ id: a.id });
    now += 20 * 86_400_000;
    await vault.trash({ id: b.id });
    now += 11 * 86_400_000;
    expect(await vault.purgeExpired()).toBe(1);
    expect((await vault.list(ListItemsInput.parse({ trash: true }))).items.map((i) => i.title)).toEqual(['Recent']);
  });

  it('ranks title matches above notes and requires every term', async () => {
    const { vault } = await setup();
    await vault.create({ item: login({ title: 'Bank of Mars', notes: '', login: { username: 'me', password: '', urls: [], totp: '' } }) });
    await vault.create({ item: login({ title: 'Email', notes: 'recovery codes for the bank', login: { username: 'me', password: '', urls: [], totp: '' } }) });
    await vault.create({
      item: login({ title: 'GitHub', login: { username: 'octo', password: 'x', urls: [{ url: 'https://github.com', match: null }], totp: '' } }),
    });
    expect((await vault.list(ListItemsInput.parse({ query: 'bank' }))).items.map((i) => i.title)).toEqual(['Bank of Mars', 'Email']);
    expect((await vault.list(ListItemsInput.parse({ query: 'bank mars' }))).items.map((i) => i.title)).toEqual(['Bank of Mars']);
    expect((await vault.list(ListItemsInput.parse({ query: 'github.com' }))).items.map((i) => i.title)).toEqual(['GitHub']);
  });

  it('rejects an unusable TOTP key with a clear error and stores nothing', async () => {
    const { vault } = await setup();
    const err = await errorOf(() => vault.create({ item: login({ login: { username: 'u', password: '', urls: [], totp: 'not a key' } }) }));
    expect(err.code).toBe('INVALID_INPUT');
  });
});
