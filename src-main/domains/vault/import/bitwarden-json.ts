import { z } from 'zod';
import { IDENTITY_KEYS, type CustomFieldInput, type ItemInput, type ItemUrl } from '../../../../src-shared/domains/vault/vault.schemas';
import { AppError } from '../../../../src-shared/ipc/result';
import { decryptBitwardenExport } from './bitwarden-crypto';
import { ImportCollector } from './collector';
import { parseJsonText } from './limits';

/**
 * Bitwarden JSON export (docs/formats.md#vault-imports): unencrypted, or password-protected (decrypted first).
 * Account-restricted exports are refused with UNSUPPORTED. Each item is validated on its own, so one
 * malformed item is skipped with a reason instead of failing the file.
 */

const str = z.string().nullish();
const strOrNum = z.union([z.string(), z.number()]).nullish();

const BwField = z.looseObject({ name: str, value: z.union([z.string(), z.number(), z.boolean()]).nullish(), type: z.number().int().nullish() });
const BwLogin = z.looseObject({
  username: str,
  password: str,
  totp: str,
  uris: z.array(z.looseObject({ uri: str, match: z.number().int().nullish() })).nullish(),
  fido2Credentials: z.array(z.unknown()).nullish(),
});
const BwCard = z.looseObject({ cardholderName: str, brand: str, number: str, expMonth: strOrNum, expYear: strOrNum, code: str });
const BwIdentity = z.looseObject(Object.fromEntries(IDENTITY_KEYS.map((k) => [k, str])) as Record<(typeof IDENTITY_KEYS)[number], typeof str>);
const BwItem = z.looseObject({
  type: z.number().int(),
  name: str,
  notes: str,
  favorite: z.boolean().nullish(),
  reprompt: z.number().int().nullish(),
  folderId: str,
  collectionIds: z.array(z.string().nullable()).nullish(),
  fields: z.array(BwField).nullish(),
  login: BwLogin.nullish(),
  card: BwCard.nullish(),
  identity: BwIdentity.nullish(),
  passwordHistory: z.array(z.looseObject({ password: str, lastUsedDate: str })).nullish(),
  revisionDate: str,
  creationDate: str,
  deletedDate: str,
});
type BwItem = z.infer<typeof BwItem>;

const Named = z.looseObject({ id: z.string(), name: z.string() });
const BwExport = z.looseObject({
  encrypted: z.boolean().nullish(),
  folders: z.array(Named).nullish(),
  collections: z.array(Named).nullish(),
  items: z.array(z.unknown()),
});

/** Bitwarden `uris[].match` number → Hearth's match name. */
export const BITWARDEN_URL_MATCH = ['domain', 'host', 'starts-with', 'exact', 'regex', 'never'] as const;
/** Bitwarden `fields[].type` number → Hearth field type (3, "linked", has no Hearth equivalent). */
export const BITWARDEN_FIELD_TYPES = ['text', 'hidden', 'boolean'] as const;
const ITEM_TYPES = { 1: 'login', 2: 'note', 3: 'card', 4: 'identity' } as const;

/** True when a parsed JSON value is an encrypted Bitwarden envelope that only the account can open. */
export function isAccountRestricted(root: unknown): boolean {
  return (
    typeof root === 'object' &&
    root !== null &&
    'encrypted' in root &&
    root.encrypted === true &&
    !('passwordProtected' in root && root.passwordProtected === true)
  );
}

/** Parses Bitwarden JSON text (decrypting a password-protected export with `password`). */
export async function parseBitwardenJson(text: string, password: string | undefined): Promise<ImportCollector> {
  let root = parseJsonText(text);
  if (isAccountRestricted(root)) {
    throw new AppError(
      'UNSUPPORTED',
      'This Bitwarden export is "account restricted": only that Bitwarden account can open it. In Bitwarden, export again with the file type "JSON (Encrypted)" and "Password protected" selected, then import that file.',
    );
  }
  if (typeof root === 'object' && root !== null && 'encrypted' in root && root.encrypted === true) {
    root = parseJsonText(await decryptBitwardenExport(root, password));
  }
  const parsed = BwExport.safeParse(root);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'This is not a Bitwarden JSON export: it has no list of items.');
  const c = new ImportCollector('bitwarden-json');
  const folders = new Map<string, string>();
  for (const f of parsed.data.folders ?? []) folders.set(f.id, c.addFolder(f.name));
  for (const f of parsed.data.collections ?? []) folders.set(f.id, c.addFolder(f.name));
  parsed.data.items.forEach((raw, i) => addItem(c, i + 1, raw, folders));
  return c;
}

function addItem(c: ImportCollector, row: number, raw: unknown, folders: Map<string, string>): void {
  const parsed = BwItem.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? 'item';
    c.skip(row, `unexpected value for ${where || 'item'}`);
    return;
  }
  const bw = parsed.data;
  if (bw.deletedDate) return c.skip(row, 'in the Bitwarden trash');
  const type = ITEM_TYPES[bw.type as keyof typeof ITEM_TYPES] as ItemInput['type'] | undefined;
  if (!type) return c.skip(row, bw.type === 5 ? 'SSH key items are not supported yet' : `unknown Bitwarden item type ${bw.type}`);
  const folderId = bw.folderId ?? bw.collectionIds?.find((id) => id !== null) ?? '';
  const draft: ItemInput = {
    type,
    title: bw.name ?? '',
    notes: bw.notes ?? '',
    folder: folders.get(folderId) ?? '',
    favorite: bw.favorite === true,
    reprompt: bw.reprompt === 1,
    fields: mapFields(c, bw.fields ?? []),
  };
  if (type === 'login' && bw.login) draft.login = mapLogin(c, bw.login);
  if (type === 'card' && bw.card) draft.card = mapCard(bw.card);
  if (type === 'identity' && bw.identity) {
    const id = bw.identity;
    draft.identity = Object.fromEntries(IDENTITY_KEYS.map((k) => [k, id[k] ?? '']));
  }
  c.add(row, draft, {
    passwordHistory: (bw.passwordHistory ?? []).map((h) => ({ password: h.password ?? '', changedAt: h.lastUsedDate })),
    createdAt: bw.creationDate ?? undefined,
    updatedAt: bw.revisionDate ?? undefined,
  });
}

function mapLogin(c: ImportCollector, login: z.infer<typeof BwLogin>): NonNullable<ItemInput['login']> {
  const passkeys = login.fido2Credentials?.length ?? 0;
  if (passkeys > 0) c.warn('Passkeys (FIDO2 credentials) were not imported: Hearth does not store passkeys yet.');
  const urls: ItemUrl[] = (login.uris ?? []).map((u) => ({
    url: u.uri ?? '',
    match: typeof u.match === 'number' ? (BITWARDEN_URL_MATCH[u.match] ?? null) : null,
  }));
  return { username: login.username ?? '', password: login.password ?? '', totp: login.totp ?? '', urls };
}

function mapCard(card: z.infer<typeof BwCard>): NonNullable<ItemInput['card']> {
  return {
    holder: card.cardholderName ?? '',
    brand: card.brand ?? '',
    number: card.number ?? '',
    expMonth: String(card.expMonth ?? ''),
    expYear: String(card.expYear ?? ''),
    code: card.code ?? '',
  };
}

function mapFields(c: ImportCollector, fields: z.infer<typeof BwField>[]): CustomFieldInput[] {
  const out: CustomFieldInput[] = [];
  for (const f of fields) {
    const type = BITWARDEN_FIELD_TYPES[f.type ?? 0];
    if (!type) {
      c.warn('Linked custom fields were not imported: Hearth has no linked fields.');
      continue;
    }
    out.push({ name: f.name ?? '', type, value: f.value === null || f.value === undefined ? '' : String(f.value) });
  }
  return out;
}
