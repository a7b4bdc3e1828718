import { parseOtpInput } from '../../../src-shared/domains/vault/otpauth';
import {
  IDENTITY_KEYS,
  IDENTITY_SECRET_KEYS,
  type FieldType,
  type IdentityInput,
  type ItemDetail,
  type ItemInput,
  type ItemType,
  type ItemUrl,
  type UpdateItemInput,
} from '../../../src-shared/domains/vault/vault.schemas';
import type { z } from 'zod';

/**
 * The item editor's draft and its conversion to `create` / `update` inputs. Pure, so it is tested
 * without React.
 *
 * The renderer never holds stored secrets, so each secret in the draft says whether the user touched
 * it: an untouched secret goes to `update` as `undefined`, which main reads as "keep what is stored"
 * (vault.schemas.ts `UpdateItemInput`); an emptied one goes as '' and clears it.
 */

export interface SecretDraft {
  value: string;
  /** The user typed, generated or removed the value: send it. */
  touched: boolean;
  /** A value is stored in main (from the detail's has* flags). */
  stored: boolean;
  /** The stored value was revealed into the editor (still "untouched" until edited). */
  loaded: boolean;
}

export interface UrlDraft {
  key: string;
  url: string;
  match: ItemUrl['match'];
}

export interface FieldDraft {
  key: string;
  /** Set for fields that exist in main; hidden values are matched by it. */
  id?: string;
  name: string;
  type: FieldType;
  /** Text/boolean value, or the hidden value when touched/loaded. */
  value: string;
  touched: boolean;
  stored: boolean;
  loaded: boolean;
}

type IdentityPublic = Omit<z.output<typeof IdentityInput>, 'ssn' | 'passportNumber' | 'licenseNumber'>;
export type IdentityPublicKey = keyof IdentityPublic;
export type IdentitySecretKey = (typeof IDENTITY_SECRET_KEYS)[number];

export interface ItemDraft {
  type: ItemType;
  title: string;
  notes: string;
  folder: string;
  tags: string[];
  favorite: boolean;
  reprompt: boolean;
  secureNote: SecretDraft;
  login: { username: string; password: SecretDraft; urls: UrlDraft[]; totp: SecretDraft };
  card: { holder: string; brand: string; expMonth: string; expYear: string; number: SecretDraft; code: SecretDraft };
  identity: IdentityPublic & Record<IdentitySecretKey, SecretDraft>;
  fields: FieldDraft[];
}

export type UpdateItem = UpdateItemInput['item'];

let keySeq = 0;
/** A React key for a new row (URLs, custom fields); never sent to main. */
export const newKey = (): string => `k${++keySeq}`;

export const secretDraft = (stored = false): SecretDraft => ({ value: '', touched: false, stored, loaded: false });
/** The draft after the user typed or generated `value`. */
export const typedSecret = (previous: SecretDraft, value: string): SecretDraft => ({ ...previous, value, touched: true });
/** The draft after the stored value was revealed into the editor. */
export const loadedSecret = (previous: SecretDraft, value: string): SecretDraft => ({ ...previous, value, loaded: true });

export const IDENTITY_SECRETS: IdentitySecretKey[] = [...IDENTITY_SECRET_KEYS];
const IDENTITY_PUBLIC = IDENTITY_KEYS.filter((k): k is IdentityPublicKey => !(IDENTITY_SECRET_KEYS as readonly string[]).includes(k));

const emptyIdentity = (): ItemDraft['identity'] => ({
  ...(Object.fromEntries(IDENTITY_PUBLIC.map((k) => [k, ''])) as IdentityPublic),
  ssn: secretDraft(),
  passportNumber: secretDraft(),
  licenseNumber: secretDraft(),
});

/** A blank draft for a new item of `type`. */
export function emptyDraft(type: ItemType, defaults: { folder?: string; favorite?: boolean } = {}): ItemDraft {
  return {
    type,
    title: '',
    notes: '',
    folder: defaults.folder ?? '',
    tags: [],
    favorite: defaults.favorite ?? false,
    reprompt: false,
    secureNote: secretDraft(),
    login: { username: '', password: secretDraft(), urls: [{ key: newKey(), url: '', match: null }], totp: secretDraft() },
    card: { holder: '', brand: '', expMonth: '', expYear: '', number: secretDraft(), code: secretDraft() },
    identity: emptyIdentity(),
    fields: [],
  };
}

/** The editor draft for an existing item: public values filled in, secrets marked as stored. */
export function draftFromDetail(detail: ItemDetail): ItemDraft {
  const draft = emptyDraft(detail.type);
  const identity = detail.identity;
  return {
    ...draft,
    title: detail.title,
    notes: detail.notes,
    folder: detail.folder,
    tags: [...detail.tags],
    favorite: detail.favorite,
    reprompt: detail.reprompt,
    secureNote: secretDraft(detail.hasSecureNote),
    login: detail.login
      ? {
          username: detail.login.username,
          password: secretDraft(detail.login.hasPassword),
          urls: detail.login.urls.map((u) => ({ key: newKey(), url: u.url, match: u.match })),
          totp: secretDraft(detail.hasTotp),
        }
      : draft.login,
    card: detail.card
      ? {
          holder: detail.card.holder,
          brand: detail.card.brand,
          expMonth: detail.card.expMonth,
          expYear: detail.card.expYear,
          number: secretDraft(detail.card.hasNumber),
          code: secretDraft(detail.card.hasCode),
        }
      : draft.card,
    identity: identity
      ? {
          ...(Object.fromEntries(IDENTITY_PUBLIC.map((k) => [k, identity[k]])) as IdentityPublic),
          ssn: secretDraft(identity.hasSsn),
          passportNumber: secretDraft(identity.hasPassport),
          licenseNumber: secretDraft(identity.hasLicense),
        }
      : draft.identity,
    fields: detail.fields.map((f) => ({
      key: newKey(),
      id: f.id,
      name: f.name,
      type: f.type,
      value: f.value ?? '',
      touched: false,
      stored: f.value === null,
      loaded: false,
    })),
  };
}

const urlsOf = (draft: ItemDraft): ItemUrl[] => draft.login.urls.map((u) => ({ url: u.url.trim(), match: u.match })).filter((u) => u.url !== '');

const identityPublic = (draft: ItemDraft): IdentityPublic => Object.fromEntries(IDENTITY_PUBLIC.map((k) => [k, draft.identity[k].trim()])) as IdentityPublic;

const common = (draft: ItemDraft) => ({
  type: draft.type,
  title: draft.title.trim(),
  notes: draft.notes,
  folder: draft.folder.trim(),
  tags: [...new Set(draft.tags.map((t) => t.trim()).filter(Boolean))],
  favorite: draft.favorite,
  reprompt: draft.reprompt,
});

/** The `create` input: every secret as typed (empty ones are simply not stored). */
export function draftToCreate(draft: ItemDraft): ItemInput {
  const item: ItemInput = { ...common(draft), fields: draft.fields.map((f) => ({ name: f.name.trim(), type: f.type, value: f.value })) };
  if (draft.type === 'note') item.secureNote = draft.secureNote.value;
  if (draft.type === 'login') {
    item.login = { username: draft.login.username.trim(), password: draft.login.password.value, urls: urlsOf(draft), totp: draft.login.totp.value.trim() };
  }
  if (draft.type === 'card') {
    const c = draft.card;
    item.card = {
      holder: c.holder.trim(),
      brand: c.brand.trim(),
      expMonth: c.expMonth.trim(),
      expYear: c.expYear.trim(),
      number: c.number.value.trim(),
      code: c.code.value.trim(),
    };
  }
  if (draft.type === 'identity') {
    const d = draft.identity;
    item.identity = { ...identityPublic(draft), ssn: d.ssn.value, passportNumber: d.passportNumber.value, licenseNumber: d.licenseNumber.value };
  }
  return item;
}

/** A secret for `update`: undefined (keep) unless the user changed it. */
const changed = (secret: SecretDraft, trim = false): string | undefined => (secret.touched ? (trim ? secret.value.trim() : secret.value) : undefined);

/** The `update` input: untouched secrets are left out so main keeps them. */
export function draftToUpdate(draft: ItemDraft): UpdateItem {
  const item: UpdateItem = {
    ...common(draft),
    fields: draft.fields.map((f) => ({
      ...(f.id ? { id: f.id } : {}),
      name: f.name.trim(),
      type: f.type,
      // A hidden value the user did not touch is kept by id; text and boolean values are public.
      value: f.type === 'hidden' && f.stored && !f.touched ? undefined : f.value,
    })),
  };
  if (draft.type === 'note') item.secureNote = changed(draft.secureNote);
  if (draft.type === 'login') {
    item.login = { username: draft.login.username.trim(), password: changed(draft.login.password), urls: urlsOf(draft), totp: changed(draft.login.totp, true) };
  }
  if (draft.type === 'card') {
    const c = draft.card;
    item.card = {
      holder: c.holder.trim(),
      brand: c.brand.trim(),
      expMonth: c.expMonth.trim(),
      expYear: c.expYear.trim(),
      number: changed(c.number, true),
      code: changed(c.code, true),
    };
  }
  if (draft.type === 'identity') {
    const d = draft.identity;
    item.identity = { ...identityPublic(draft), ssn: changed(d.ssn), passportNumber: changed(d.passportNumber), licenseNumber: changed(d.licenseNumber) };
  }
  return item;
}

/** An `update` that changes only public flags (favourite, re-prompt) and keeps every secret. */
export function detailToUpdate(detail: ItemDetail, patch: Partial<Pick<ItemDetail, 'favorite' | 'reprompt'>>): UpdateItem {
  return draftToUpdate({ ...draftFromDetail(detail), ...patch });
}

export type DraftErrors = Partial<Record<'title' | 'totp' | 'expMonth' | 'expYear' | 'fields', string>>;

/** Problems to show before saving; empty when the draft can be saved. */
export function validateDraft(draft: ItemDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.title.trim()) errors.title = 'Give the item a title';
  const totp = draft.login.totp;
  if (draft.type === 'login' && totp.touched && totp.value.trim()) {
    try {
      parseOtpInput(totp.value.trim());
    } catch (err) {
      errors.totp = err instanceof Error ? err.message : 'This is not a TOTP secret or otpauth:// URI.';
    }
  }
  if (draft.type === 'card') {
    const month = draft.card.expMonth.trim();
    if (month && !(/^\d{1,2}$/.test(month) && Number(month) >= 1 && Number(month) <= 12)) errors.expMonth = 'Month 1–12';
    const year = draft.card.expYear.trim();
    if (year && !/^(\d{2}|\d{4})$/.test(year)) errors.expYear = 'Two or four digits';
  }
  if (draft.fields.some((f) => !f.name.trim() && (f.value || f.stored))) errors.fields = 'Every custom field needs a name';
  return errors;
}

/** Drops empty custom-field rows the user added but never filled in. */
export function withoutEmptyFields(draft: ItemDraft): ItemDraft {
  return { ...draft, fields: draft.fields.filter((f) => f.name.trim() || f.value || f.stored) };
}
