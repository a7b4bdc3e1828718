import * as kdbxweb from 'kdbxweb';
import type { ImportedItem, ItemData } from '../../../../src-shared/domains/vault/vault.schemas';
import { AppError } from '../../../../src-shared/ipc/result';
import { installKdbxArgon2 } from '../import/kdbx-engine';
import { normalizeFolder } from '../import/normalize';
import { toOtpauthUri } from '../import/otp';

/**
 * KDBX 4 export (the anti-lock-in promise, STANDARDS.md §8.1): Argon2id (64 MiB, 3 iterations,
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
  for (const imported of items) writeEntry(db.createEntry(groupFor(imported.item.folder)), imported);
  return new Uint8Array(await db.save());
}

function writeEntry(entry: kdbxweb.KdbxEntry, { item, passwordHistory, createdAt, updatedAt }: ImportedItem): void {
  const protect = (value: string): kdbxweb.ProtectedValue => kdbxweb.ProtectedValue.fromString(value);
  const login = item.login;
  const urls = login?.urls.map((u) => u.url) ?? [];
  entry.fields.set('Title', item.title);
  entry.fields.set('UserName', login?.username ?? '');
  entry.fields.set('Password', protect(login?.password ?? ''));
  entry.fields.set('URL', urls[0] ?? '');
  entry.fields.set('Notes', [item.secureNote, item.notes].filter((n) => n !== '').join('\n\n'));
  urls.slice(1).forEach((url, i) => entry.fields.set(`KP2A_URL_${i + 1}`, url));
  const totp = toOtpauthUri(login?.totp ?? '', item.title, login?.username ?? '');
  if (totp) entry.fields.set('otp', protect(totp));
  const add = (name: string, value: string, hidden: boolean): void => {
    if (value === '') return;
    let unique = name;
    for (let n = 2; RESERVED.has(unique) || /^KP2A_URL/.test(unique) || entry.fields.has(unique); n++) unique = `${name} (${n})`;
    entry.fields.set(unique, hidden ? protect(value) : value);
  };
  for (const [key, label, hidden] of CARD_LABELS) add(label, item.card?.[key] ?? '', hidden);
  for (const [key, value] of Object.entries(item.identity ?? {})) add(identityLabel(key), value, SECRET_IDENTITY.has(key));
  for (const f of item.fields) add(f.name || 'Field', f.value, f.type === 'hidden');
  entry.tags = [...item.tags];
  const created = createdAt ? new Date(createdAt) : new Date();
  entry.times.creationTime = created;
  writeHistory(entry, passwordHistory, created, login?.password ?? '');
  entry.fields.set('Password', protect(login?.password ?? ''));
  entry.times.lastModTime = updatedAt ? new Date(updatedAt) : new Date();
}

/**
 * Password history → KeePass History snapshots, oldest first. Snapshot k holds the k-th old password
 * and is dated when the previous one was replaced; a last snapshot with the current password dated at
 * the newest change lets importers (ours included) recover each exact `changedAt`.
 */
function writeHistory(entry: kdbxweb.KdbxEntry, history: ImportedItem['passwordHistory'], created: Date, current: string): void {
  if (history.length === 0) return;
  const oldestFirst = [...history].reverse();
  let since = created;
  for (const h of oldestFirst) {
    entry.fields.set('Password', kdbxweb.ProtectedValue.fromString(h.password));
    entry.times.lastModTime = since;
    entry.pushHistory();
    since = new Date(h.changedAt);
  }
  entry.fields.set('Password', kdbxweb.ProtectedValue.fromString(current));
  entry.times.lastModTime = since;
  entry.pushHistory();
}

const IDENTITY_LABEL_OVERRIDES: Record<string, string> = { title: 'Name title', username: 'Identity username', ssn: 'SSN' };

/** `passportNumber` → `Passport number`; keys that would clash with KeePass's own fields get a longer name. */
function identityLabel(key: string): string {
  const override = IDENTITY_LABEL_OVERRIDES[key];
  if (override) return override;
  const words = key.replace(/([A-Z0-9]+)/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
