import * as kdbxweb from 'kdbxweb';
import type { CustomFieldInput, ItemInput } from '../../../../src-shared/domains/vault/vault.schemas';
import { AppError } from '../../../../src-shared/ipc/result';
import { ImportCollector } from './collector';
import { exactArrayBuffer } from './array-buffer';
import { assertKdbxHeaderSane, installKdbxArgon2 } from './kdbx-engine';
import { resetKdbxInflateBudget } from './kdbx-inflate';
import { toIsoTimestamp } from './normalize';
import { fromKeePassOtp } from './otp';
import type { ImportFormat } from './types';

/**
 * KeePass databases: KDBX 3.1/4.x (decrypted by kdbxweb with our Argon2) and KeePass 2 XML exports
 * (parsed by kdbxweb's XML reader, so both paths share one entry mapping).
 *
 * Mapping: the root group is the database itself, so its children become top-level folders
 * (`Passwords/Email` → `Email`); the recycle bin and entry-template groups are skipped; Title,
 * UserName, Password, URL and Notes are the item; `KP2A_URL*` are more URLs; `otp` (or legacy
 * `TOTP Seed`/`TOTP Settings`) is the TOTP; every other string is a custom field, hidden when
 * protected; tags are kept; History → passwordHistory (password changes only, newest first);
 * attachments are not imported: they are listed by entry in the result.
 */

const STANDARD = new Set(['Title', 'UserName', 'Password', 'URL', 'Notes', 'otp', 'TOTP Seed', 'TOTP Settings']);
const EXTRA_URL = /^KP2A_URL(_\d+)?$/;

/**
 * Decrypts and reads a KDBX file with a password, a key file (any KeePass key file: XML v1/v2, 32
 * raw bytes, 64 hex digits, or any other file, which is hashed), or both. WRONG_PASSWORD when they
 * do not open it. With a key file, an empty password means "no password", as in KeePassXC.
 */
export async function parseKdbx(bytes: Uint8Array, password: string | undefined, keyFile?: Uint8Array): Promise<ImportCollector> {
  const hasKeyFile = keyFile !== undefined && keyFile.byteLength > 0;
  if (password === undefined && !hasKeyFile)
    throw new AppError('WRONG_PASSWORD', 'This KeePass database is locked. Enter its master password, or choose its key file.');
  // SECURITY: work-factor caps come from the header, before kdbxweb derives any key.
  assertKdbxHeaderSane(bytes);
  installKdbxArgon2();
  resetKdbxInflateBudget('This KeePass database', bytes.byteLength);
  const secret = password === undefined || (password === '' && hasKeyFile) ? null : kdbxweb.ProtectedValue.fromString(password);
  const credentials = new kdbxweb.Credentials(secret, hasKeyFile ? exactArrayBuffer(keyFile) : null);
  let db: kdbxweb.Kdbx;
  try {
    db = await kdbxweb.Kdbx.load(exactArrayBuffer(bytes), credentials);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof kdbxweb.KdbxError && error.code === kdbxweb.Consts.ErrorCodes.InvalidKey) {
      throw new AppError(
        'WRONG_PASSWORD',
        hasKeyFile
          ? 'That password and key file do not open this KeePass database.'
          : 'That password does not open this KeePass database. If it also needs a key file, choose the key file too.',
      );
    }
    throw new AppError('INVALID_INPUT', 'This KeePass database is damaged or uses features Hearth cannot read.');
  }
  return collect(db, 'kdbx');
}

/**
 * Reads a KeePass 2 XML export. A DOCTYPE is refused (no entity tricks, docs/security.md#t11). Literal TABs in text are
 * written as `&#9;` first, because kdbxweb strips raw control characters, TAB included, before parsing.
 */
export async function parseKeePassXml(text: string): Promise<ImportCollector> {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new AppError('INVALID_INPUT', 'The XML file declares a DOCTYPE, which KeePass never writes.');
  installKdbxArgon2();
  resetKdbxInflateBudget('This KeePass XML export', text.length);
  let db: kdbxweb.Kdbx;
  try {
    db = await kdbxweb.Kdbx.loadXml(escapeTextTabs(text), new kdbxweb.Credentials(null));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('INVALID_INPUT', 'This is not a readable KeePass 2 XML export. It may be truncated or damaged.');
  }
  return collect(db, 'keepass-xml');
}

/**
 * Replaces TAB characters outside markup with `&#9;` (quoted attribute values are skipped), and shortens each run of
 * whitespace inside markup to one space (the same XML). SECURITY: kdbxweb's XML parser (xmldom 0.7) takes quadratic
 * time on a long whitespace run in a damaged end tag (`</a      b>`): 64 KiB of spaces took 11 s (issue 13 fuzz).
 */
export function escapeTextTabs(xml: string): string {
  let out = '';
  let inTag = false;
  let quote = '';
  let from = 0;
  for (let i = 0; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (inTag) {
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '>') inTag = false;
      else if (isXmlSpace(ch) && isXmlSpace(xml[i + 1])) {
        let end = i + 2;
        while (isXmlSpace(xml[end])) end++;
        out += `${xml.slice(from, i)} `;
        from = end;
        i = end - 1;
      }
    } else if (ch === '<' && xml.startsWith('<![CDATA[', i)) {
      // CDATA is text: its whitespace is kept as it is.
      const end = xml.indexOf(']]>', i);
      i = end < 0 ? xml.length : end + 2;
    } else if (ch === '<') inTag = true;
    else if (ch === '\t') {
      out += `${xml.slice(from, i)}&#9;`;
      from = i + 1;
    }
  }
  return out + xml.slice(from);
}

const isXmlSpace = (ch: string | undefined): boolean => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';

function collect(db: kdbxweb.Kdbx, format: ImportFormat): ImportCollector {
  const c = new ImportCollector(format);
  const root = db.groups[0];
  if (!root) return c;
  const skipGroups = new Map<string, string>();
  if (db.meta.recycleBinEnabled !== false && db.meta.recycleBinUuid) skipGroups.set(db.meta.recycleBinUuid.id, 'in the KeePass recycle bin');
  if (db.meta.entryTemplatesGroup) skipGroups.set(db.meta.entryTemplatesGroup.id, 'a KeePass entry template');
  const walk = (group: kdbxweb.KdbxGroup, path: string, skipReason: string | undefined): void => {
    const reason = skipReason ?? skipGroups.get(group.uuid.id);
    if (path !== '' && !reason) c.addFolder(path);
    for (const entry of group.entries) {
      const row = `${path ? `${path}/` : ''}${text(entry.fields.get('Title'))}`;
      if (reason) c.skip(row, reason);
      else addEntry(c, row, entry, path);
    }
    for (const child of group.groups) walk(child, path ? `${path}/${child.name ?? ''}` : (child.name ?? ''), reason);
  };
  walk(root, '', undefined);
  return c;
}

function text(value: kdbxweb.KdbxEntryField | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value.getText();
}

function addEntry(c: ImportCollector, row: string, entry: kdbxweb.KdbxEntry, folder: string): void {
  const get = (key: string): string => text(entry.fields.get(key));
  const title = get('Title');
  const username = get('UserName');
  const urls = [get('URL')];
  const fields: CustomFieldInput[] = [];
  for (const [name, value] of entry.fields) {
    if (STANDARD.has(name)) continue;
    if (EXTRA_URL.test(name)) urls.push(text(value));
    else fields.push({ name, type: value instanceof kdbxweb.ProtectedValue ? 'hidden' : 'text', value: text(value) });
  }
  c.leaveAttachments(row, [...entry.binaries.keys()].sort());
  const draft: ItemInput = {
    type: 'login',
    title,
    notes: get('Notes'),
    folder,
    tags: entry.tags,
    fields,
    login: {
      username,
      password: get('Password'),
      totp: fromKeePassOtp({ otp: get('otp'), seed: get('TOTP Seed'), settings: get('TOTP Settings') }, title, username),
      urls: urls.map((url) => ({ url, match: null })),
    },
  };
  c.add(row, draft, {
    inferType: true,
    passwordHistory: passwordHistory(entry),
    // A damaged XML date is an Invalid Date, whose toISOString() throws RangeError: it reads as no date instead.
    createdAt: toIsoTimestamp(entry.times.creationTime),
    updatedAt: toIsoTimestamp(entry.times.lastModTime),
  });
}

/**
 * Password changes recorded in an entry's history, newest first. Each change is dated by the version
 * that replaced it (KeePass snapshots keep their own, earlier, modification time).
 */
function passwordHistory(entry: kdbxweb.KdbxEntry): { password: string; changedAt: unknown }[] {
  const versions = [...entry.history, entry];
  const out: { password: string; changedAt: unknown }[] = [];
  for (let i = 0; i + 1 < versions.length; i++) {
    const older = text(versions[i]?.fields.get('Password'));
    const newer = versions[i + 1];
    if (older !== '' && newer && older !== text(newer.fields.get('Password'))) out.push({ password: older, changedAt: newer.times.lastModTime });
  }
  return out.reverse();
}
