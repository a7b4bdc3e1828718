import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { UpdateItemInput } from '../../../src-shared/domains/vault/vault.schemas';
import type { MemoryClipboard } from '../../lib/secret-clipboard';
import { errorOf, PASSWORD, testCore } from '../../test/helpers';

/** Re-prompt and the TOTP seed, through the router on a real encrypted profile (contract validation included). */
const SEED = 'JBSWY3DPEHPK3PXP';
const TOTP_URI = `otpauth://totp/GitHub:octo?secret=${SEED}&issuer=GitHub`;

async function setup(reprompt = true) {
  const core = testCore();
  await core.client.profile.create({ name: 'V', password: PASSWORD });
  const item = await core.client.vault.create({
    item: {
      type: 'login',
      title: 'GitHub',
      reprompt,
      login: { username: 'octo', password: 'S3cret-Pa55', urls: [], totp: TOTP_URI },
      fields: [{ name: 'PIN', type: 'hidden', value: '4321' }],
    },
  });
  const pin = item.fields.find((f) => f.name === 'PIN')!;
  /** The item as the editor would send it back: secrets left out (kept). */
  const edit = (over: Partial<UpdateItemInput['item']> = {}): UpdateItemInput['item'] => ({
    type: 'login',
    title: 'GitHub',
    reprompt,
    login: { username: 'octo', urls: [] },
    fields: [{ id: pin.id, name: 'PIN', type: 'hidden' }],
    ...over,
  });
  return { core, item, pin, edit };
}

describe('vault re-prompt covers every op that can expose or weaken an item', () => {
  it('update: clearing re-prompt needs the master password, so reveal stays protected', async () => {
    const { core, item, edit } = await setup();
    expect((await errorOf(core.client.vault.update({ id: item.id, item: edit({ reprompt: false }) }))).code).toBe('REPROMPT_REQUIRED');
    expect((await errorOf(core.client.vault.update({ id: item.id, item: edit({ reprompt: false }), password: 'wrong' }))).code).toBe('WRONG_PASSWORD');
    expect((await errorOf(core.client.vault.reveal({ id: item.id, field: 'password' }))).code).toBe('REPROMPT_REQUIRED');
    const after = await core.client.vault.update({ id: item.id, item: edit({ reprompt: false }), password: PASSWORD });
    expect(after.reprompt).toBe(false);
  });

  it('update: a hidden field cannot become text without its value being typed again (any item)', async () => {
    for (const reprompt of [true, false]) {
      const { core, item, pin, edit } = await setup(reprompt);
      const password = reprompt ? PASSWORD : undefined;
      const toText = edit({ fields: [{ id: pin.id, name: 'PIN', type: 'text' }] });
      const err = await errorOf(core.client.vault.update({ id: item.id, item: toText, password }));
      expect(err.code).toBe('INVALID_INPUT');
      expect(JSON.stringify(err)).not.toContain('4321');
      const kept = await core.client.vault.get({ id: item.id });
      expect(kept.fields).toEqual([expect.objectContaining({ id: pin.id, type: 'hidden', value: null })]);
      // With a value typed again, the change is an ordinary edit.
      const shown = await core.client.vault.update({
        id: item.id,
        item: edit({ fields: [{ id: pin.id, name: 'PIN', type: 'text', value: 'typed' }] }),
        password,
      });
      expect(shown.fields).toEqual([expect.objectContaining({ type: 'text', value: 'typed' })]);
    }
  });

  it('setTotp from a QR image needs the master password on a re-prompt item', async () => {
    const { core, item } = await setup();
    const imageBase64 = (await QRCode.toBuffer('otpauth://totp/New:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')).toString('base64');
    expect((await errorOf(core.client.vault.totpFromImage({ id: item.id, imageBase64 }))).code).toBe('REPROMPT_REQUIRED');
    expect((await errorOf(core.client.vault.totpFromImage({ id: item.id, imageBase64, password: 'wrong' }))).code).toBe('WRONG_PASSWORD');
    const seedBefore = await core.client.vault.revealTotpSeed({ id: item.id, password: PASSWORD });
    expect(seedBefore.secret).toBe(SEED);
    await core.client.vault.totpFromImage({ id: item.id, imageBase64, password: PASSWORD });
    expect((await core.client.vault.revealTotpSeed({ id: item.id, password: PASSWORD })).secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('reveal, copy and old passwords need the master password; history and version lists carry no secret', async () => {
    const { core, item, edit } = await setup();
    await core.client.vault.update({ id: item.id, item: edit({ login: { username: 'octo', urls: [], password: 'N3w' } }), password: PASSWORD });
    const history = await core.client.vault.passwordHistory({ id: item.id });
    const versions = await core.client.vault.versions({ id: item.id });
    expect(history).toHaveLength(1);
    expect(JSON.stringify([history, versions])).not.toMatch(/S3cret|4321|JBSW/);
    for (const field of ['password', `history:${history[0]!.id}`]) {
      expect((await errorOf(core.client.vault.reveal({ id: item.id, field }))).code).toBe('REPROMPT_REQUIRED');
      expect((await errorOf(core.client.vault.copy({ id: item.id, field }))).code).toBe('REPROMPT_REQUIRED');
    }
    expect((await core.client.vault.reveal({ id: item.id, field: `history:${history[0]!.id}`, password: PASSWORD })).value).toBe('S3cret-Pa55');
  });

  it('export needs the master password even without re-prompt', async () => {
    const { core } = await setup(false);
    expect((await errorOf(core.client.vault.export({ format: 'csv', password: 'wrong', acknowledgePlaintext: true }))).code).toBe('WRONG_PASSWORD');
  });
});

describe('the TOTP seed stays in main', () => {
  it('reveal of totpSecret is refused, with or without re-prompt and password', async () => {
    for (const reprompt of [false, true]) {
      const { core, item } = await setup(reprompt);
      for (const password of [undefined, PASSWORD]) {
        const err = await errorOf(core.client.vault.reveal({ id: item.id, field: 'totpSecret', password }));
        expect(err.code).toBe('FORBIDDEN');
        expect(JSON.stringify(err)).not.toContain(SEED);
      }
    }
  });

  it('copy of totpSecret copies the current code, not the seed', async () => {
    const { core, item } = await setup(false);
    await core.client.vault.copy({ id: item.id, field: 'totpSecret' });
    expect((core.clipboard as MemoryClipboard).lastCopied()).toMatch(/^\d{6}$/);
  });

  it('revealTotpSeed always needs the master password, even without re-prompt', async () => {
    const { core, item } = await setup(false);
    expect((await errorOf(core.client.vault.revealTotpSeed({ id: item.id }))).code).toBe('REPROMPT_REQUIRED');
    expect((await errorOf(core.client.vault.revealTotpSeed({ id: item.id, password: 'wrong' }))).code).toBe('WRONG_PASSWORD');
    const seed = await core.client.vault.revealTotpSeed({ id: item.id, password: PASSWORD });
    expect(seed.secret).toBe(SEED);
    expect(seed.uri).toMatch(/^otpauth:\/\/totp\/.*secret=JBSWY3DPEHPK3PXP/);
  });

  it('repeated wrong passwords for the seed lock the profile', async () => {
    const { core, item } = await setup(false);
    for (let i = 0; i < 5; i++) await errorOf(core.client.vault.revealTotpSeed({ id: item.id, password: 'wrong' }));
    expect(core.profiles.isUnlocked()).toBe(false);
  });
});
