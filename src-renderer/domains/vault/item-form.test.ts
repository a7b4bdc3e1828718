import { describe, expect, it } from 'vitest';
import type { ItemDetail } from '../../../src-shared/domains/vault/vault.schemas';
import {
  detailToUpdate,
  draftFromDetail,
  draftToCreate,
  draftToUpdate,
  emptyDraft,
  loadedSecret,
  typedSecret,
  validateDraft,
  withoutEmptyFields,
} from './item-form';

const login: ItemDetail = {
  id: '01JD0000000000000000000001',
  type: 'login',
  title: 'ACME',
  subtitle: 'alice',
  folder: 'Work',
  tags: ['mail'],
  favorite: false,
  reprompt: true,
  hasTotp: true,
  urls: ['https://acme.test'],
  createdAt: '2026-11-21T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
  deletedAt: null,
  lastUsedAt: null,
  notes: 'plain notes',
  login: { username: 'alice', urls: [{ url: 'https://acme.test', match: null }], hasPassword: true, passwordChangedAt: null },
  card: null,
  identity: null,
  hasSecureNote: false,
  fields: [
    { id: '01JD0000000000000000000002', name: 'PIN', type: 'hidden', value: null },
    { id: '01JD0000000000000000000003', name: 'Account', type: 'text', value: '12345' },
  ],
};

describe('item-form', () => {
  it('leaves every stored secret out of an update the user did not touch', () => {
    const update = draftToUpdate(draftFromDetail(login));
    expect(update.login).toEqual({ username: 'alice', password: undefined, urls: [{ url: 'https://acme.test', match: null }], totp: undefined });
    expect(update.fields).toEqual([
      { id: '01JD0000000000000000000002', name: 'PIN', type: 'hidden', value: undefined },
      { id: '01JD0000000000000000000003', name: 'Account', type: 'text', value: '12345' },
    ]);
    expect(update).toMatchObject({ title: 'ACME', folder: 'Work', tags: ['mail'], reprompt: true, notes: 'plain notes' });
  });

  it('sends a typed secret, and an empty string for a removed one', () => {
    const draft = draftFromDetail(login);
    const edited = {
      ...draft,
      login: { ...draft.login, password: typedSecret(draft.login.password, 'n3w-secret'), totp: typedSecret(draft.login.totp, '') },
    };
    const update = draftToUpdate(edited);
    expect(update.login?.password).toBe('n3w-secret');
    expect(update.login?.totp).toBe('');
  });

  it('keeps a secret that was only revealed into the editor', () => {
    const draft = draftFromDetail(login);
    const revealed = { ...draft, login: { ...draft.login, password: loadedSecret(draft.login.password, 'old') } };
    expect(draftToUpdate(revealed).login?.password).toBeUndefined();
  });

  it('changes only the favourite flag and keeps secrets when toggling it', () => {
    const update = detailToUpdate(login, { favorite: true });
    expect(update.favorite).toBe(true);
    expect(update.login?.password).toBeUndefined();
    expect(update.fields?.[0]?.value).toBeUndefined();
  });

  it('builds a create input with only the sections of the item type', () => {
    const draft = emptyDraft('card', { folder: 'Cards' });
    const item = draftToCreate({
      ...draft,
      title: ' Visa ',
      card: { ...draft.card, holder: 'Jane', number: typedSecret(draft.card.number, '4111 1111 1111 1111 '), code: typedSecret(draft.card.code, '123') },
    });
    expect(item).toMatchObject({ type: 'card', title: 'Visa', folder: 'Cards', card: { holder: 'Jane', number: '4111 1111 1111 1111', code: '123' } });
    expect(item.login).toBeUndefined();
    expect(item.identity).toBeUndefined();
  });

  it('puts a secure note body in the sealed secureNote field', () => {
    const draft = emptyDraft('note');
    const item = draftToCreate({ ...draft, title: 'Wi-Fi', secureNote: typedSecret(draft.secureNote, 'key: abc') });
    expect(item.secureNote).toBe('key: abc');
  });

  it('drops empty website rows and duplicate tags', () => {
    const draft = emptyDraft('login');
    const item = draftToCreate({
      ...draft,
      title: 'x',
      tags: ['a', ' a ', 'b'],
      login: { ...draft.login, urls: [...draft.login.urls, { key: 'k', url: ' https://x.test ', match: null }] },
    });
    expect(item.login?.urls).toEqual([{ url: 'https://x.test', match: null }]);
    expect(item.tags).toEqual(['a', 'b']);
  });

  it('reports a missing title, an unusable TOTP key and a bad expiry month', () => {
    const draft = emptyDraft('login');
    expect(validateDraft(draft).title).toBeDefined();
    const badTotp = { ...draft, title: 'x', login: { ...draft.login, totp: typedSecret(draft.login.totp, 'not a key') } };
    expect(validateDraft(badTotp).totp).toBeDefined();
    const goodTotp = {
      ...badTotp,
      login: { ...draft.login, totp: typedSecret(draft.login.totp, 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME') },
    };
    expect(validateDraft(goodTotp)).toEqual({});
    const card = emptyDraft('card');
    expect(validateDraft({ ...card, title: 'c', card: { ...card.card, expMonth: '13' } }).expMonth).toBeDefined();
  });

  it('removes custom-field rows the user added but left empty', () => {
    const draft = { ...emptyDraft('login'), fields: [{ key: 'a', name: '', type: 'text' as const, value: '', touched: true, stored: false, loaded: false }] };
    expect(withoutEmptyFields(draft).fields).toEqual([]);
  });
});
