import { createCipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import * as kdbxweb from 'kdbxweb';
import { writeZip } from '../../lib/zip';
import { hkdfExpandSha256 } from '../../domains/vault/import/bitwarden-crypto';
import { installKdbxArgon2 } from '../../domains/vault/import/kdbx-engine';
import type { Seed } from './mutate';

/**
 * Fuzz seeds for the vault importers, generated here so the fuzz runs without the shared sample files: small valid
 * Bitwarden JSON (plain and password-protected, PBKDF2 at its 5,000-iteration floor), every CSV dialect, a KDBX 4
 * and a KDBX 3.1 with 1,000 AES-KDF rounds (cheap enough for thousands of cases), a KeePass XML export and a 1PUX.
 */

export const FUZZ_PASSWORD = 'fuzz-password';
const text = (name: string, s: string): Seed => ({ name, bytes: new TextEncoder().encode(s) });

const BITWARDEN_PLAIN = {
  encrypted: false,
  folders: [{ id: 'f1', name: 'Work/Mail' }],
  items: [
    {
      id: 'i1',
      folderId: 'f1',
      type: 1,
      name: 'Mail',
      notes: 'line 1\nline 2',
      favorite: true,
      fields: [{ name: 'pin', value: '1234', type: 1 }],
      login: { username: 'ana@example.com', password: 'p@ss "quoted"', totp: 'JBSWY3DPEHPK3PXP', uris: [{ uri: 'https://mail.example.com' }] },
      passwordHistory: [{ password: 'old', lastUsedDate: '2024-01-01T00:00:00.000Z' }],
      revisionDate: '2024-02-01T00:00:00.000Z',
    },
    { id: 'i2', folderId: null, type: 2, name: 'Note', notes: 'secret note ✓', secureNote: { type: 0 } },
    {
      id: 'i3',
      type: 3,
      name: 'Card',
      card: { cardholderName: 'Ana', brand: 'Visa', number: '4111111111111111', expMonth: '1', expYear: '2030', code: '123' },
    },
    { id: 'i4', type: 4, name: 'Me', identity: { firstName: 'Ana', lastName: 'Silva', email: 'ana@example.com' } },
  ],
};

/** An EncString of type 2 (AES-256-CBC + HMAC-SHA256), as a password-protected Bitwarden export writes it. */
function encString(plain: string, encKey: Buffer, macKey: Buffer): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', encKey, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const mac = createHmac('sha256', macKey).update(iv).update(ct).digest();
  return `2.${iv.toString('base64')}|${ct.toString('base64')}|${mac.toString('base64')}`;
}

function bitwardenEncrypted(): string {
  const salt = 'fuzz-salt';
  const key = pbkdf2Sync(FUZZ_PASSWORD, salt, 5000, 32, 'sha256');
  const encKey = hkdfExpandSha256(key, 'enc', 32);
  const macKey = hkdfExpandSha256(key, 'mac', 32);
  return JSON.stringify({
    encrypted: true,
    passwordProtected: true,
    salt,
    kdfType: 0,
    kdfIterations: 5000,
    encKeyValidation_DO_NOT_EDIT: encString('9d9e5e9c-validation', encKey, macKey),
    data: encString(JSON.stringify(BITWARDEN_PLAIN), encKey, macKey),
  });
}

export function bitwardenJsonSeeds(): Seed[] {
  return [text('bitwarden.json', JSON.stringify(BITWARDEN_PLAIN, null, 2)), text('bitwarden-min.json', '{"encrypted":false,"items":[]}')];
}

export function bitwardenEncryptedSeeds(): Seed[] {
  return [text('bitwarden-encrypted.json', bitwardenEncrypted())];
}

export const CSV_SEEDS: Record<string, string> = {
  'bitwarden.csv':
    'folder,favorite,type,name,notes,fields,login_uri,login_username,login_password,login_totp\r\n' +
    'Bank,1,login,aib,"multi\nline","pin: 1\nold: 2",https://bank.example,ana,"p,""w""",JBSWY3DPEHPK3PXP\r\n,,note,Memo,text,,,,,\r\n',
  'keepassxc.csv':
    '"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"\n' +
    '"Root/Email","Mail","ana","Tab\tand ""quotes""","https://m.example","n","otpauth://totp/x?secret=JBSWY3DPEHPK3PXP","0","2026-11-21T21:45:04Z","2026-11-21T21:45:04Z"\n',
  '1password.csv':
    'Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes\n"aib","https://bank.example","ana","=cmd|x","","true","false","a;b","n"\n',
  'chrome.csv': 'name,url,username,password,note\nsite,https://a.example/login,ana,pw,\n',
  'firefox.csv':
    'url,username,password,httpRealm,formActionOrigin,guid,timeCreated,timeLastUsed,timePasswordChanged\n' +
    '"https://a.example","ana","pw",,"https://a.example","{0d2c}","1600000000000","1600000000000","1600000000000"\n',
  'safari.csv': 'Title,URL,Username,Password,Notes,OTPAuth\nsite,https://a.example,ana,pw,note,\n',
};

export function csvSeeds(...names: string[]): Seed[] {
  return names.map((n) => text(n, CSV_SEEDS[n] ?? ''));
}

async function kdbxDb(): Promise<kdbxweb.Kdbx> {
  installKdbxArgon2();
  const db = kdbxweb.Kdbx.create(new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString(FUZZ_PASSWORD)), 'Fuzz');
  const group = db.createGroup(db.getDefaultGroup(), 'Email');
  const entry = db.createEntry(group);
  entry.fields.set('Title', 'Mail');
  entry.fields.set('UserName', 'ana');
  entry.fields.set('Password', kdbxweb.ProtectedValue.fromString('p@ss'));
  entry.fields.set('URL', 'https://m.example');
  entry.fields.set('otp', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP');
  entry.fields.set('Custom', kdbxweb.ProtectedValue.fromString('hidden'));
  entry.tags = ['a', 'b'];
  entry.pushHistory();
  entry.fields.set('Password', kdbxweb.ProtectedValue.fromString('p@ss2'));
  return db;
}

/** KDBX 4 and 3.1 with AES-KDF at 1,000 rounds: each case that reaches the key derivation costs well under 1 ms. */
export async function kdbxSeeds(): Promise<Seed[]> {
  const out: Seed[] = [];
  for (const version of [4, 3] as const) {
    const db = await kdbxDb();
    db.setVersion(version);
    if (version === 4) {
      db.setKdf(kdbxweb.Consts.KdfId.Aes);
      db.header.kdfParameters?.set('R', kdbxweb.VarDictionary.ValueType.UInt64, kdbxweb.Int64.from(1000));
    } else {
      db.header.keyEncryptionRounds = 1000;
    }
    out.push({ name: `fuzz-v${version}.kdbx`, bytes: new Uint8Array(await db.save()) });
  }
  return out;
}

export async function keepassXmlSeeds(): Promise<Seed[]> {
  return [text('keepass.xml', await (await kdbxDb()).saveXml(true))];
}

export function onePuxSeeds(): Seed[] {
  const data = {
    accounts: [
      {
        attrs: { name: 'Ana' },
        vaults: [
          {
            attrs: { name: 'Personal' },
            items: [
              {
                uuid: 'u1',
                categoryUuid: '001',
                state: 'active',
                overview: { title: 'Mail', url: 'https://m.example', tags: ['t'] },
                details: {
                  loginFields: [
                    { value: 'ana', name: 'username', fieldType: 'T', designation: 'username' },
                    { value: 'pw', name: 'password', fieldType: 'P', designation: 'password' },
                  ],
                  notesPlain: 'n',
                  sections: [{ title: 'S', fields: [{ title: 'pin', id: 'p', value: { concealed: '1234' } }] }],
                  passwordHistory: [{ value: 'old', time: 1600000000 }],
                },
              },
              {
                uuid: 'u2',
                categoryUuid: '002',
                overview: { title: 'Card' },
                details: { sections: [{ fields: [{ title: 'number', value: { creditCardNumber: '4111' } }] }] },
              },
            ],
          },
        ],
      },
    ],
  };
  const zip = writeZip({ 'export.attributes': '{"version":3}', 'export.data': JSON.stringify(data) }, { mtime: 0, level: 6 });
  return [{ name: 'fuzz.1pux', bytes: zip }];
}

/** A protobuf length-delimited field (all lengths here are below 128). */
const field = (n: number, bytes: Uint8Array | string): number[] => {
  const b = typeof bytes === 'string' ? [...new TextEncoder().encode(bytes)] : [...bytes];
  return [(n << 3) | 2, b.length, ...b];
};

/** A Google Authenticator export (`otpauth-migration://`) holding one TOTP and one HOTP account. */
function migrationUri(): string {
  const account = (name: string, type: number): number[] => [
    ...field(1, new Uint8Array([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef])),
    ...field(2, name),
    ...field(3, 'Acme'),
    ...[0x20, 1, 0x28, 1, 0x30, type, 0x38, 7],
  ];
  const payload = new Uint8Array([
    ...field(1, new Uint8Array(account('ana@example.com', 2))),
    ...field(1, new Uint8Array(account('hotp', 1))),
    0x10,
    1,
    0x18,
    1,
    0x20,
    0,
  ]);
  return `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(payload).toString('base64'))}`;
}

/** Seeds for the OTP readers: every URI kind parseOtpImport reads, and the KeePass and bare forms the importers convert. */
export function otpSeeds(): Seed[] {
  return [
    text('otpauth', 'otpauth://totp/Acme:ana@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme&algorithm=SHA256&digits=8&period=60'),
    text('hotp', 'otpauth://hotp/Acme?secret=JBSWY3DPEHPK3PXP&counter=7'),
    text('steam', 'steam://JBSWY3DPEHPK3PXP'),
    text('migration', migrationUri()),
    text('keeotp', 'key=JBSWY3DPEHPK3PXP&step=30&size=6&otpHashMode=SHA256'),
    text('bare', 'jbsw y3dp ehpk 3pxp'),
  ];
}
