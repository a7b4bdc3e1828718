import * as kdbxweb from 'kdbxweb';
import type { ImportedItem, ItemData } from '../../../../src-shared/domains/vault/vault.schemas';
import { AppError } from '../../../../src-shared/ipc/result';
import { installKdbxArgon2 } from '../import/kdbx-engine';
import { normalizeFolder } from '../import/normalize';
import { toOtpauthUri } from '../import/otp';
import { writeEntryXml, type KdbxEntryData, type KdbxString, type KdbxVersion } from './kdbx-entry-xml';
import { saveKdbx4WithEntries } from './kdbx-writer';

/**
 * KDBX 4 export (the anti-lock-in promise, docs/formats.md#kdbx-export): Argon2id (64 MiB, 3 iterations,
 * parallelism 4), AES-256 payload. Folders become nested groups under the root group named `name`.
 * Per entry: Title, UserName, Password, the first URL in URL and the others in `KP2A_URL_1`…, Notes
 * (a note's body, then any plain notes), TOTP as an `otpauth://` URI in `otp` (KeePassXC's field),
 * card and identity values as named strings (numbers, codes and document numbers protected), custom
 * fields (hidden → protected), tags, dates, and password history as entry History. Everything stays
 * in memory; the caller writes the bytes with the atomic-file helper.
 */

/** Argon2id parameters written into exported files. */
export const KDBX_EXPORT_KDF = { memoryBytes: 64 * 1024 * 1024, iterations: 3, parallelism: 4 } as const;

/** Strings KeePass reserves for an entry's standard fields and our URL/TOTP mapping. */
const RESERVED = new Set(['Title', 'UserName', 'Password', 'URL', 'Notes', 'otp']);

const CARD_LABELS: [keyof NonNullable<ItemData['card']>, string, boolean][] = [
  ['holder', 'Card holder', false],
  ['brand', 'Card brand', false],
  ['number', 'Card number', true],
  ['expMonth', 'Card expiry month', false],
  ['expYear', 'Card expiry year', false],
  ['code', 'Card security code', true],
];
const SECRET_IDENTITY = new Set(['ssn', 'passportNumber', 'licenseNumber']);

/** Builds a password-protected KDBX 4 database from `items`. */
export async function exportKdbx(items: readonly ImportedItem[], opts: { password: string; name?: string }): Promise<Uint8Array> {
  if (opts.password === '') throw new AppError('INVALID_INPUT', 'Choose a password for the KeePass file.');
  installKdbxArgon2();
  const db = kdbxweb.Kdbx.create(new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString(opts.password)), opts.name ?? 'Hearth');
  db.setKdf(kdbxweb.Consts.KdfId.Argon2id);
  const kdf = db.header.kdfParameters;
  if (!kdf) throw new AppError('INTERNAL', 'KDBX key-derivation parameters are missing.');
  kdf.set('M', kdbxweb.VarDictionary.ValueType.UInt64, kdbxweb.Int64.from(KDBX_EXPORT_KDF.memoryBytes));
  kdf.set('I', kdbxweb.VarDictionary.ValueType.UInt64, kdbxweb.Int64.from(KDBX_EXPORT_KDF.iterations));
  kdf.set('P', kdbxweb.VarDictionary.ValueType.UInt32, KDBX_EXPORT_KDF.parallelism);
  const groups = new Map<string, kdbxweb.KdbxGroup>([['', db.getDefaultGroup()]]);
  const groupFor = (folder: string): kdbxweb.KdbxGroup => {
    const path = normalizeFolder(folder);
    const known = groups.get(path);
    if (known) return known;
    const slash = path.lastIndexOf('/');
    const group = db.createGroup(groupFor(slash < 0 ? '' : path.slice(0, slash)), path.slice(slash + 1));
    groups.set(path, group);
    return group;
  };
  const byGroup = new Map<kdbxweb.KdbxGroup, ImportedItem[]>();
  for (const imported of items) {
    const group = groupFor(imported.item.folder);
    const list = byGroup.get(group);
    if (list) list.push(imported);
    else byGroup.set(group, [imported]);
  }
  // Entries are written as XML text one at a time (a kdbxweb DOM of 100,000 entries costs gigabytes).
  return saveKdbx4WithEntries(db, [...byGroup.keys()], (group, salt, write) => {
    for (const imported of byGroup.get(group) ?? []) writeEntryXml(entryData(imported), salt, write);
  });
}

/** The KeePass strings of one item, in the order they are written. */
function entryStrings(item: ImportedItem['item']): KdbxString[] {
  const login = item.login;
  const urls = login?.urls.map((u) => u.url) ?? [];
  const out: KdbxString[] = [
    ['Title', item.title, false],
    ['UserName', login?.username ?? '', false],
    ['Password', login?.password ?? '', true],
    ['URL', urls[0] ?? '', false],
    ['Notes', [item.secureNote, item.notes].filter((n) => n !== '').join('\n\n'), false],
  ];
  urls.slice(1).forEach((url, i) => out.push([`KP2A_URL_${i + 1}`, url, false]));
  const totp = toOtpauthUri(login?.totp ?? '', item.title, login?.username ?? '');
  if (totp) out.push(['otp', totp, true]);
  const names = new Set(out.map(([name]) => name));
  const add = (name: string, value: string, hidden: boolean): void => {
    if (value === '') return;
    let unique = name;
    for (let n = 2; RESERVED.has(unique) || /^KP2A_URL/.test(unique) || names.has(unique); n++) unique = `${name} (${n})`;
    names.add(unique);
    out.push([unique, value, hidden]);
  };
  for (const [key, label, hidden] of CARD_LABELS) add(label, item.card?.[key] ?? '', hidden);
  for (const [key, value] of Object.entries(item.identity ?? {})) add(identityLabel(key), value, SECRET_IDENTITY.has(key));
  for (const f of item.fields) add(f.name || 'Field', f.value, f.type === 'hidden');
  return out;
}

/**
 * One item as KeePass versions. Password history → History snapshots, oldest first: snapshot k holds
 * the k-th old password and is dated when the previous one was replaced; a last snapshot with the
 * current password, dated at the newest change, lets importers (ours included) recover each exact
 * `changedAt`. The entry itself is dated `updatedAt`.
 */
function entryData({ item, passwordHistory, createdAt, updatedAt }: ImportedItem): KdbxEntryData {
  const strings = entryStrings(item);
  const created = createdAt ? new Date(createdAt) : new Date();
  const withPassword = (password: string): KdbxString[] => strings.map((s): KdbxString => (s[0] === 'Password' ? ['Password', password, true] : s));
  const versions: KdbxVersion[] = [];
  if (passwordHistory.length > 0) {
    let since = created;
    for (const h of [...passwordHistory].reverse()) {
      versions.push({ strings: withPassword(h.password), modified: since });
      since = new Date(h.changedAt);
    }
    versions.push({ strings, modified: since });
  }
  versions.push({ strings, modified: updatedAt ? new Date(updatedAt) : new Date() });
  return { tags: item.tags, created, versions };
}

const IDENTITY_LABEL_OVERRIDES: Record<string, string> = { title: 'Name title', username: 'Identity username', ssn: 'SSN' };

/** `passportNumber` → `Passport number`; keys that would clash with KeePass's own fields get a longer name. */
function identityLabel(key: string): string {
  const override = IDENTITY_LABEL_OVERRIDES[key];
  if (override) return override;
  const words = key.replace(/([A-Z0-9]+)/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
