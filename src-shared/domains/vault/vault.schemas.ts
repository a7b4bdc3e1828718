import { z } from 'zod';
import { Id, IsoTimestamp } from '../../lib/schema';

/**
 * Vault item shapes. Two directions:
 * - `ItemInput` flows renderer/importer → main and may carry secrets the user typed or imported.
 * - `ItemSummary` / `ItemDetail` flow main → renderer and carry NO secret values: secrets cross only
 *   through `vault.reveal` of one field (SECURITY.md §2.2, "Must never reach the renderer").
 */
export const ItemType = z.enum(['login', 'note', 'card', 'identity']);
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
  z.string().regex(/^field:[0-9A-HJKMNP-TV-Z]{26}$/, 'Expected field:<id>'),
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
