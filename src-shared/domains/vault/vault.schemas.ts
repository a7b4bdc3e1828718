import { z } from 'zod';
import { base64Chars, MAX_IMPORT_BYTES, MAX_KEY_FILE_BYTES } from '../../lib/limits';
import { Id, IsoDate, IsoTimestamp } from '../../lib/schema';

/**
 * Vault item shapes. Two directions:
 * - `ItemInput` flows renderer/importer → main and may carry secrets the user typed or imported.
 * - `ItemSummary` / `ItemDetail` flow main → renderer and carry NO secret values: secrets cross only
 *   through `vault.reveal` of one field (docs/security.md#what-reaches-the-renderer).
 */
export const ItemType = z.enum(['login', 'note', 'card', 'identity']);

/** The most items one `vault.list` answer carries; larger vaults are read page by page. */
export const LIST_PAGE_MAX = 100_000;
export type ItemType = z.infer<typeof ItemType>;

export const FieldType = z.enum(['text', 'hidden', 'boolean']);
export type FieldType = z.infer<typeof FieldType>;

const short = z.string().max(1024);
const medium = z.string().max(8 * 1024);
const long = z.string().max(1024 * 1024);

export const UrlMatch = z.enum(['domain', 'host', 'starts-with', 'exact', 'regex', 'never']);
export const ItemUrl = z.strictObject({ url: z.string().max(4096), match: UrlMatch.nullable().default(null) });
export type ItemUrl = z.infer<typeof ItemUrl>;

export const CustomFieldInput = z.strictObject({
  name: short,
  type: FieldType,
  /** Text, hidden value, or "true"/"false" for boolean. Hidden values are sealed at rest. */
  value: medium,
});
export type CustomFieldInput = z.infer<typeof CustomFieldInput>;

export const LoginInput = z.strictObject({
  username: short.default(''),
  password: short.default(''),
  urls: z.array(ItemUrl).max(100).default([]),
  /** otpauth:// URI, steam:// URI or a bare base32 secret. Sealed at rest; never returned. */
  totp: z.string().max(2048).default(''),
});

export const CardInput = z.strictObject({
  holder: short.default(''),
  brand: short.default(''),
  number: z.string().max(64).default(''),
  expMonth: z.string().max(2).default(''),
  expYear: z.string().max(4).default(''),
  code: z.string().max(16).default(''),
});

export const IdentityInput = z.strictObject({
  title: short.default(''),
  firstName: short.default(''),
  middleName: short.default(''),
  lastName: short.default(''),
  company: short.default(''),
  email: short.default(''),
  phone: short.default(''),
  username: short.default(''),
  address1: short.default(''),
  address2: short.default(''),
  address3: short.default(''),
  city: short.default(''),
  state: short.default(''),
  postalCode: short.default(''),
  country: short.default(''),
  /** Document numbers are sealed like passwords. */
  ssn: short.default(''),
  passportNumber: short.default(''),
  licenseNumber: short.default(''),
});

/** Every identity property, in form order (Bitwarden uses the same names). */
export const IDENTITY_KEYS = IdentityInput.keyof().options;
/** The identity properties sealed like passwords; the rest are shown as plain text. */
export const IDENTITY_SECRET_KEYS = ['ssn', 'passportNumber', 'licenseNumber'] as const;

export const PasswordHistoryEntry = z.strictObject({ password: short, changedAt: IsoTimestamp });

/** A whole item as typed by the user or produced by an importer. */
export const ItemInput = z.strictObject({
  type: ItemType,
  title: z.string().trim().min(1, 'Give the item a title').max(1024),
  /** Plain notes on any item (searchable). A secure note's body is `secureNote`, which is sealed. */
  notes: long.default(''),
  secureNote: long.default(''),
  folder: z.string().max(1024).default(''),
  tags: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
  favorite: z.boolean().default(false),
  reprompt: z.boolean().default(false),
  login: LoginInput.optional(),
  card: CardInput.optional(),
  identity: IdentityInput.optional(),
  fields: z.array(CustomFieldInput).max(200).default([]),
});
export type ItemInput = z.input<typeof ItemInput>;
export type ItemData = z.output<typeof ItemInput>;

/** What an importer produces: an item plus history and dates from the source app. */
export interface ImportedItem {
  item: ItemData;
  passwordHistory: { password: string; changedAt: string }[];
  createdAt?: string;
  updatedAt?: string;
}

/** Names of secret fields, the only things `reveal` and `copy` accept. */
export const SecretField = z.union([
  z.enum(['password', 'totpSecret', 'secureNote', 'cardNumber', 'cardCode', 'ssn', 'passportNumber', 'licenseNumber']),
  z.string().regex(/^(field|history):[0-9A-HJKMNP-TV-Z]{26}$/, 'Expected field:<id> or history:<id>'),
]);
export type SecretField = z.infer<typeof SecretField>;

export const ItemSummary = z.strictObject({
  id: Id,
  type: ItemType,
  title: z.string(),
  /** Username, card brand and last four digits, or identity name: never a secret. */
  subtitle: z.string(),
  folder: z.string(),
  tags: z.array(z.string()),
  favorite: z.boolean(),
  reprompt: z.boolean(),
  hasTotp: z.boolean(),
  urls: z.array(z.string()),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
  deletedAt: IsoTimestamp.nullable(),
  lastUsedAt: IsoTimestamp.nullable(),
});
export type ItemSummary = z.infer<typeof ItemSummary>;

/** A custom field as the renderer sees it: hidden values are never included. */
export const CustomFieldView = z.strictObject({
  id: Id,
  name: z.string(),
  type: FieldType,
  /** Text and boolean values; null for hidden fields (reveal `field:<id>`). */
  value: z.string().nullable(),
});
export type CustomFieldView = z.infer<typeof CustomFieldView>;

/** One item's non-secret details; `has*` flags say which secrets exist without showing them. */
export const ItemDetail = ItemSummary.extend({
  notes: z.string(),
  login: z.strictObject({ username: z.string(), urls: z.array(ItemUrl), hasPassword: z.boolean(), passwordChangedAt: IsoTimestamp.nullable() }).nullable(),
  card: z
    .strictObject({
      holder: z.string(),
      brand: z.string(),
      expMonth: z.string(),
      expYear: z.string(),
      last4: z.string(),
      hasNumber: z.boolean(),
      hasCode: z.boolean(),
    })
    .nullable(),
  identity: IdentityInput.omit({ ssn: true, passportNumber: true, licenseNumber: true })
    .extend({ hasSsn: z.boolean(), hasPassport: z.boolean(), hasLicense: z.boolean() })
    .nullable(),
  hasSecureNote: z.boolean(),
  fields: z.array(CustomFieldView),
});
export type ItemDetail = z.infer<typeof ItemDetail>;

/**
 * Editing: the renderer never holds stored secrets, so a secret left out means "keep what is stored";
 * an empty string clears it. Hidden custom fields are matched by id.
 */
export const UpdateItemInput = z.strictObject({
  id: Id,
  item: ItemInput.extend({
    secureNote: long.optional(),
    login: LoginInput.extend({ password: short.optional(), totp: z.string().max(2048).optional() }).optional(),
    card: CardInput.extend({ number: z.string().max(64).optional(), code: z.string().max(16).optional() }).optional(),
    identity: IdentityInput.extend({ ssn: short.optional(), passportNumber: short.optional(), licenseNumber: short.optional() }).optional(),
    fields: z
      .array(CustomFieldInput.extend({ id: Id.optional(), value: medium.optional() }))
      .max(200)
      .default([]),
  }),
  /** The master password: required to edit an item marked re-prompt. */
  password: z.string().max(1024).optional(),
});
export type UpdateItemInput = z.input<typeof UpdateItemInput>;

export const ListItemsInput = z.strictObject({
  /** Free-text query over titles, usernames, URLs, tags, folders and notes (never secrets). */
  query: z.string().max(1024).default(''),
  type: ItemType.optional(),
  folder: z.string().max(1024).optional(),
  tag: z.string().max(100).optional(),
  favorites: z.boolean().optional(),
  /** true: only items in the trash; false (default): only live items. */
  trash: z.boolean().default(false),
  /** Page size: at most LIST_PAGE_MAX; `total` and `nextOffset` say when there is more. */
  limit: z.number().int().min(1).max(LIST_PAGE_MAX).default(LIST_PAGE_MAX),
  /** Where the page starts in the full result (the previous answer's `nextOffset`). */
  offset: z.number().int().min(0).default(0),
});
export type ListItemsInput = z.input<typeof ListItemsInput>;

/** One page of a list or search; never silently cut: `total` counts every match. */
export const ListItemsResult = z.strictObject({
  items: z.array(ItemSummary),
  total: z.number().int(),
  /** The offset of the next page, or null when this page ends the result. */
  nextOffset: z.number().int().nullable(),
});
export type ListItemsResult = z.infer<typeof ListItemsResult>;

export const RevealInput = z.strictObject({
  id: Id,
  field: SecretField,
  /** The master password, required for items marked re-prompt. */
  password: z.string().max(1024).optional(),
});

/** Showing a TOTP seed (to move it to another device) always needs the master password: without one, REPROMPT_REQUIRED. */
export const RevealTotpSeedInput = z.strictObject({ id: Id, password: z.string().max(1024).optional() });
/** The seed as an otpauth:// URI (for a QR code) and its base32 secret (for typing in). */
export const TotpSeed = z.strictObject({ uri: z.string(), secret: z.string() });

export const TotpCode = z.strictObject({ code: z.string(), secondsRemaining: z.number().int(), period: z.number().int(), digits: z.number().int() });

export const PasswordGeneratorOptions = z.strictObject({
  kind: z.literal('password'),
  length: z.number().int().min(4).max(128).default(20),
  lower: z.boolean().default(true),
  upper: z.boolean().default(true),
  digits: z.boolean().default(true),
  symbols: z.boolean().default(true),
  avoidAmbiguous: z.boolean().default(true),
});
export const PassphraseGeneratorOptions = z.strictObject({
  kind: z.literal('passphrase'),
  words: z.number().int().min(3).max(20).default(5),
  separator: z.string().max(3).default('-'),
  capitalize: z.boolean().default(true),
  includeDigit: z.boolean().default(true),
});
export const GenerateInput = z.discriminatedUnion('kind', [PasswordGeneratorOptions, PassphraseGeneratorOptions]);
export const Generated = z.strictObject({ value: z.string(), entropyBits: z.number(), score: z.number().int().min(0).max(4) });

export const HealthReason = z.enum(['reused', 'weak', 'old', 'no-totp']);
export const HealthReport = z.strictObject({
  checked: z.number().int(),
  findings: z.array(z.strictObject({ itemId: Id, title: z.string(), reasons: z.array(HealthReason) })),
});

export const HistoryEntry = z.strictObject({ id: Id, changedAt: IsoTimestamp });
export const ItemVersion = z.strictObject({ id: Id, savedAt: IsoTimestamp, title: z.string() });

export const ImportFormat = z.enum([
  'auto',
  'hearth',
  'bitwarden-json',
  'bitwarden-csv',
  'kdbx',
  'keepass-xml',
  'keepassxc-csv',
  '1password-1pux',
  '1password-csv',
  'chrome-csv',
  'firefox-csv',
  'safari-csv',
]);
/** Base64 of at most 50 MiB. */
export const FileUpload = z.strictObject({ fileName: z.string().max(255), contentBase64: z.string().max(base64Chars(MAX_IMPORT_BYTES)) });

/** A KeePass key file: at most 10 MiB (KeePassXC hashes any file; real ones are 64 B to a few KiB). */
export const KeyFileUpload = z.strictObject({ fileName: z.string().max(255), contentBase64: z.string().min(1).max(base64Chars(MAX_KEY_FILE_BYTES)) });

export const ImportPreviewInput = z.strictObject({
  /** Browser mode and tests send the file; in Electron, omit it and main opens its own dialog. */
  file: FileUpload.optional(),
  format: ImportFormat.default('auto'),
  /** Password of an encrypted source (KDBX, password-protected Bitwarden or Hearth export). */
  sourcePassword: z.string().max(1024).optional(),
  /** KDBX key file (any file KeePass accepts as one), sent like the import file itself. */
  keyFile: KeyFileUpload.optional(),
});

export const ImportPreview = z.strictObject({
  importId: Id,
  fileName: z.string(),
  format: ImportFormat,
  total: z.number().int(),
  byType: z.partialRecord(ItemType, z.number().int()),
  duplicates: z.number().int(),
  folders: z.array(z.string()),
  skipped: z.array(z.strictObject({ row: z.string(), reason: z.string() })),
  warnings: z.array(z.string()),
  /** Entries whose attachments are left behind (Hearth has no file store yet): never dropped silently. */
  attachments: z.array(z.strictObject({ item: z.string(), files: z.array(z.string()) })),
  sample: z.array(z.strictObject({ title: z.string(), type: ItemType, subtitle: z.string(), duplicate: z.boolean() })),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportCommitInput = z.strictObject({ importId: Id, skipDuplicates: z.boolean().default(true) });

export const ExportFormat = z.enum(['hearth', 'kdbx', 'bitwarden-json', 'csv']);
export const ExportInput = z.strictObject({
  format: ExportFormat,
  /** Re-prompt: the master password, always required to export. */
  password: z.string().min(1).max(1024),
  /** Password for an encrypted file (hearth, kdbx): required, and different from the master password. */
  exportPassword: z.string().max(1024).optional(),
  /** Plaintext formats need this acknowledgement. */
  acknowledgePlaintext: z.boolean().default(false),
});
export const ExportResult = z.strictObject({
  fileName: z.string(),
  items: z.number().int(),
  /**
   * When no save dialog wrote it (browser mode, CLI, tests): the file as a temporary stored blob (its 'export' ref
   * lapses after an hour) and a download ticket URL (`/api/blob/<ticket>`) that dies at `expiresAt` or on lock.
   * All null when main saved the file itself. The bytes never travel as base64.
   */
  blobId: z.string().nullable(),
  url: z.string().nullable(),
  expiresAt: z.string().nullable(),
  savedTo: z.string().nullable(),
});

/** A date range for `expiries` (inclusive), as the calendar asks for one view. */
export const ExpiriesInput = z.strictObject({ from: IsoDate, to: IsoDate });
/**
 * An item's expiry date for the calendar: a card's expiry month (its last day). SECURITY: the title and the date only,
 * never a number, code or document number. `kind` names the item type so identity documents can join later.
 */
export const Expiry = z.strictObject({ itemId: Id, kind: z.enum(['card', 'identity']), title: z.string(), date: IsoDate, what: z.string() });
export type Expiry = z.infer<typeof Expiry>;

export type TotpCode = z.infer<typeof TotpCode>;
export type GenerateInput = z.input<typeof GenerateInput>;
export type Generated = z.infer<typeof Generated>;
export type HealthReason = z.infer<typeof HealthReason>;
export type HealthReport = z.infer<typeof HealthReport>;
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export type ItemVersion = z.infer<typeof ItemVersion>;
export type ImportFormat = z.infer<typeof ImportFormat>;
export type ExportFormat = z.infer<typeof ExportFormat>;
export type ExportInput = z.input<typeof ExportInput>;
export type ExportResult = z.infer<typeof ExportResult>;
export type ImportPreviewInput = z.input<typeof ImportPreviewInput>;
export type RevealInput = z.input<typeof RevealInput>;
