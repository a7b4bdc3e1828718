import type { ImportedItem } from '../../../../src-shared/domains/vault/vault.schemas';
import { readFixture } from '../../../test/fixtures';

/** Bytes of one sample file, by path relative to the fixtures' `vault/` folder (see `src-main/test/fixtures.ts`). */
export function fixture(relative: string): Uint8Array {
  return new Uint8Array(readFixture('vault', relative));
}

/** Every fixture file and the format it must sniff as. */
export const FIXTURE_FORMATS = {
  'bitwarden/keepassxc-bitwarden_export.json': 'bitwarden-json',
  'bitwarden/keepassxc-bitwarden_encrypted_export.json': 'bitwarden-json',
  'bitwarden/keepassxc-bitwarden_encrypted_argon2id_export.json': 'bitwarden-json',
  'bitwarden/pass-import-bitwarden.json': 'bitwarden-json',
  'bitwarden/pass-import-bitwarden.csv': 'bitwarden-csv',
  'keepass/keepassxc-NewDatabase.xml': 'keepass-xml',
  'keepass/pass-import-keepass.xml': 'keepass-xml',
  'keepass/keepassxc-cli-export.xml': 'keepass-xml',
  'keepass/keepassxc-cli-export.csv': 'keepassxc-csv',
  'keepass/keepassxc-cli-sample.kdbx': 'kdbx',
  'keepass/keepassxc-cli-NewDatabase-export.csv': 'keepassxc-csv',
  'keepass/pass-import-keepassx2.csv': 'keepassxc-csv',
  '1password/keepassxc-1PasswordExport.1pux': '1password-1pux',
  '1password/pass-import-1password8.csv': '1password-csv',
  'browsers/pass-import-chrome.csv': 'chrome-csv',
  'browsers/pass-import-firefox.csv': 'firefox-csv',
} as const;

/** The item titled `title` (the first, when several share it); fails the test when absent. */
export function byTitle(items: readonly ImportedItem[], title: string): ImportedItem {
  const found = items.find((i) => i.item.title === title);
  if (!found) throw new Error(`no item titled ${JSON.stringify(title)}`);
  return found;
}

/** The value of a custom field; fails the test when absent. */
export function fieldValue(imported: ImportedItem, name: string): string {
  const field = imported.item.fields.find((f) => f.name === name);
  if (!field) throw new Error(`no field ${JSON.stringify(name)} on ${JSON.stringify(imported.item.title)}`);
  return field.value;
}

/** The pass-import reference entries shared by several fixtures: title → [username, password]. */
export const PASS_IMPORT_REFERENCE: Record<string, [string, string]> = {
  aib: ['dpbx@fner.ws', "ws5T@;_UB[Q|P!8'`~z%XC'JHFUbf#IX _E0}:HF,[{ei0hBg14"],
  'dpbx@afoqwdr.tx': ['dpbx', '9KVHnx:.S_S;cF`=CE@e\\p{v6'],
  'dpbx@klivak.xb': ['dpbx', '2cUqe}e9}>IVZf)Ye>3C8ZN,r'],
  'dpbx@mnyfymt.ws': ['dpbx', 'rPCkmNkhIa>{izt3C3F823!Go'],
  'dpbx@fner.ws': ['dpbx', "mt}h'hSUCY;SU;;A!l[8y3O:8"],
  'mastodon.social': ['ostqxi', "D<INNeT?#?Bf4%`zA/4i!/'$T"],
  'twitter.com': ['ostqxi', 'SoNEwvU,kJ%-cIKJ9[c#S;]jB'],
  'https://news.ycombinator.com': ['ostqxi', "1)Btf2EI~Tfb7g2A!Sy',*Sj#"],
  'space title': ['vkeelpbu', ']stDKo{%pk'],
  'empty password': ['vkeelpbu', ''],
};

/**
 * Overwrites a 64-bit work-factor value in a KDBX outer header: `R` is the KDBX 3 TransformRounds field
 * (id 6); any other key is looked up in the KDBX 4 KdfParameters dictionary (field id 11).
 */
export function patchKdbxHeaderUint64(bytes: Uint8Array, key: string, value: bigint): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  const v4 = view.getUint16(10, true) >= 4;
  for (let p = 12; p < copy.length;) {
    const id = view.getUint8(p);
    const size = v4 ? view.getUint32(p + 1, true) : view.getUint16(p + 1, true);
    const start = p + 1 + (v4 ? 4 : 2);
    if (id === 0) break;
    if (!v4 && id === 6 && key === 'R') {
      view.setBigUint64(start, value, true);
      return copy;
    }
    if (v4 && id === 11) {
      const k = new TextEncoder().encode(key);
      const needle = [0x05, k.length, 0, 0, 0, ...k, 8, 0, 0, 0];
      for (let i = start; i < start + size; i++) {
        if (needle.every((b, j) => copy[i + j] === b)) {
          view.setBigUint64(i + needle.length, value, true);
          return copy;
        }
      }
    }
    p = start + size;
  }
  throw new Error(`KDBX header value ${key} not found`);
}
