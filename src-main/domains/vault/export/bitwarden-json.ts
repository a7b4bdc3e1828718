import { randomUUID } from 'node:crypto';
import type { ImportedItem, ItemData } from '../../../../src-shared/domains/vault/vault.schemas';
import { BITWARDEN_FIELD_TYPES, BITWARDEN_URL_MATCH } from '../import/bitwarden-json';
import { normalizeFolder } from '../import/normalize';

/**
 * Unencrypted Bitwarden JSON export, in the shape Bitwarden's own importer accepts
 * (`{ encrypted: false, folders, items }`, docs/formats.md#bitwarden-json-export): fresh random UUIDs, types 1–4, field
 * types 0–2, `login.uris[].match` (null when Hearth has none), `reprompt` 0/1, `passwordHistory`
 * (`lastUsedDate` = when the password was replaced). Empty strings and unknown dates are written as
 * null, as Bitwarden does. A note's body and its plain notes share Bitwarden's single `notes`, separated by a blank line.
 * Not representable in Bitwarden, so not exported: tags.
 */

const TYPE_NUMBERS = { login: 1, note: 2, card: 3, identity: 4 } as const;
const orNull = (value: string | undefined): string | null => (value === undefined || value === '' ? null : value);

/** Serialises items (and extra, possibly empty, folder paths) as Bitwarden JSON text. */
export function exportBitwardenJson(items: readonly ImportedItem[], folders: readonly string[] = []): string {
  const folderIds = new Map<string, string>();
  for (const path of [...folders, ...items.map((i) => i.item.folder)]) {
    const name = normalizeFolder(path);
    if (name !== '' && !folderIds.has(name)) folderIds.set(name, randomUUID());
  }
  const out = {
    encrypted: false,
    folders: [...folderIds].map(([name, id]) => ({ id, name })),
    items: items.map((imported) => toBitwardenItem(imported, folderIds)),
  };
  return JSON.stringify(out, null, 2);
}

function toBitwardenItem({ item, passwordHistory, createdAt, updatedAt }: ImportedItem, folderIds: Map<string, string>): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: randomUUID(),
    organizationId: null,
    folderId: folderIds.get(normalizeFolder(item.folder)) ?? null,
    type: TYPE_NUMBERS[item.type],
    reprompt: item.reprompt ? 1 : 0,
    name: item.title,
    notes: orNull([item.secureNote, item.notes].filter((n) => n !== '').join('\n\n')),
    favorite: item.favorite,
    fields: item.fields.map((f) => ({ name: f.name, value: f.value, type: BITWARDEN_FIELD_TYPES.indexOf(f.type), linkedId: null })),
    collectionIds: null,
    passwordHistory: passwordHistory.length > 0 ? passwordHistory.map((h) => ({ lastUsedDate: h.changedAt, password: h.password })) : null,
    revisionDate: updatedAt ?? null,
    creationDate: createdAt ?? null,
    deletedDate: null,
  };
  if (item.type === 'login') base.login = toLogin(item.login);
  if (item.type === 'note') base.secureNote = { type: 0 };
  if (item.type === 'card') base.card = toCard(item.card);
  if (item.type === 'identity') base.identity = Object.fromEntries(Object.entries(item.identity ?? {}).map(([k, v]) => [k, orNull(v)]));
  return base;
}

function toLogin(login: ItemData['login']): Record<string, unknown> {
  return {
    uris: (login?.urls ?? []).map((u) => ({ match: u.match === null ? null : BITWARDEN_URL_MATCH.indexOf(u.match), uri: u.url })),
    username: orNull(login?.username),
    password: orNull(login?.password),
    totp: orNull(login?.totp),
    fido2Credentials: [],
  };
}

function toCard(card: ItemData['card']): Record<string, unknown> {
  return {
    cardholderName: orNull(card?.holder),
    brand: orNull(card?.brand),
    number: orNull(card?.number),
    expMonth: orNull(card?.expMonth),
    expYear: orNull(card?.expYear),
    code: orNull(card?.code),
  };
}
