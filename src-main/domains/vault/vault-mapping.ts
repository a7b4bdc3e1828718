import type { CustomFieldView, ItemData, ItemDetail, ItemSummary, ItemUrl } from '../../../src-shared/domains/vault/vault.schemas';
import { newId } from '../../lib/ids';
import type { VaultItemRow } from './vault.table';

/** The non-secret part of an item, stored as JSON in `public_data`. */
export interface PublicData {
  login?: { username: string; urls: ItemUrl[] };
  card?: { holder: string; brand: string; expMonth: string; expYear: string; last4: string };
  identity?: Record<string, string>;
  fields: CustomFieldView[];
}

export const IDENTITY_SECRETS = ['ssn', 'passportNumber', 'licenseNumber'] as const;

/** Splits an item into searchable public data and the secrets to seal (field name → value). */
export function splitItem(item: ItemData, existingFieldIds: string[] = []): { publicData: PublicData; secrets: Record<string, string> } {
  const secrets: Record<string, string> = {};
  const publicData: PublicData = { fields: [] };
  if (item.secureNote) secrets.secureNote = item.secureNote;
  if (item.login) {
    publicData.login = { username: item.login.username, urls: item.login.urls };
    secrets.password = item.login.password;
    secrets.totpSecret = item.login.totp;
  }
  if (item.card) {
    const digits = item.card.number.replace(/\D/g, '');
    publicData.card = { holder: item.card.holder, brand: item.card.brand, expMonth: item.card.expMonth, expYear: item.card.expYear, last4: digits.slice(-4) };
    secrets.cardNumber = item.card.number;
    secrets.cardCode = item.card.code;
  }
  if (item.identity) {
    const { ssn, passportNumber, licenseNumber, ...rest } = item.identity;
    publicData.identity = rest;
    Object.assign(secrets, { ssn, passportNumber, licenseNumber });
  }
  item.fields.forEach((f, i) => {
    const id = existingFieldIds[i] ?? newId();
    if (f.type === 'hidden') {
      secrets[`field:${id}`] = f.value;
      publicData.fields.push({ id, name: f.name, type: f.type, value: null });
    } else publicData.fields.push({ id, name: f.name, type: f.type, value: f.value });
  });
  return { publicData, secrets };
}

export function subtitleOf(item: ItemData): string {
  if (item.login) return item.login.username;
  if (item.card) {
    const last4 = item.card.number.replace(/\D/g, '').slice(-4);
    return [item.card.brand, last4 ? `•••• ${last4}` : ''].filter(Boolean).join(' ');
  }
  if (item.identity) return [item.identity.firstName, item.identity.lastName].filter(Boolean).join(' ');
  return '';
}

export const parsePublic = (row: Pick<VaultItemRow, 'public_data'>): PublicData => JSON.parse(row.public_data) as PublicData;
export const parseTags = (row: Pick<VaultItemRow, 'tags'>): string[] => JSON.parse(row.tags) as string[];

export function toSummary(row: Omit<VaultItemRow, 'secrets' | 'purged_at'>): ItemSummary {
  const pub = parsePublic(row);
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    subtitle: row.subtitle,
    folder: row.folder,
    tags: parseTags(row),
    favorite: row.favorite === 1,
    reprompt: row.reprompt === 1,
    hasTotp: row.has_totp === 1,
    urls: pub.login?.urls.map((u) => u.url) ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    lastUsedAt: row.last_used_at,
  };
}

export function toDetail(row: VaultItemRow, sealedFields: string[]): ItemDetail {
  const pub = parsePublic(row);
  const has = (f: string) => sealedFields.includes(f);
  const id = pub.identity;
  return {
    ...toSummary(row),
    notes: row.notes,
    login: pub.login ? { username: pub.login.username, urls: pub.login.urls, hasPassword: has('password'), passwordChangedAt: row.password_changed_at } : null,
    card: pub.card ? { ...pub.card, hasNumber: has('cardNumber'), hasCode: has('cardCode') } : null,
    identity: id
      ? {
          title: id.title ?? '',
          firstName: id.firstName ?? '',
          middleName: id.middleName ?? '',
          lastName: id.lastName ?? '',
          company: id.company ?? '',
          email: id.email ?? '',
          phone: id.phone ?? '',
          username: id.username ?? '',
          address1: id.address1 ?? '',
          address2: id.address2 ?? '',
          address3: id.address3 ?? '',
          city: id.city ?? '',
          state: id.state ?? '',
          postalCode: id.postalCode ?? '',
          country: id.country ?? '',
          hasSsn: has('ssn'),
          hasPassport: has('passportNumber'),
          hasLicense: has('licenseNumber'),
        }
      : null,
    hasSecureNote: has('secureNote'),
    fields: pub.fields,
  };
}

/** Rebuilds the full item (with secrets) from a row and its opened secrets: for export and history. */
export function joinItem(row: VaultItemRow, secrets: Record<string, string>): ItemData {
  const pub = parsePublic(row);
  const s = (k: string) => secrets[k] ?? '';
  return {
    type: row.type,
    title: row.title,
    notes: row.notes,
    secureNote: s('secureNote'),
    folder: row.folder,
    tags: parseTags(row),
    favorite: row.favorite === 1,
    reprompt: row.reprompt === 1,
    login: pub.login ? { username: pub.login.username, urls: pub.login.urls, password: s('password'), totp: s('totpSecret') } : undefined,
    card: pub.card
      ? { holder: pub.card.holder, brand: pub.card.brand, number: s('cardNumber'), expMonth: pub.card.expMonth, expYear: pub.card.expYear, code: s('cardCode') }
      : undefined,
    identity: pub.identity
      ? ({ ...pub.identity, ssn: s('ssn'), passportNumber: s('passportNumber'), licenseNumber: s('licenseNumber') } as ItemData['identity'])
      : undefined,
    fields: pub.fields.map((f) => ({ name: f.name, type: f.type, value: f.type === 'hidden' ? s(`field:${f.id}`) : (f.value ?? '') })),
  };
}
