import { z } from 'zod';
import { defineContract, op } from '../../ipc/define';
import { MAX_IMAGE_BASE64_CHARS } from '../../lib/limits';
import { Id, NoInput } from '../../lib/schema';
import {
  ExportInput,
  ExpiriesInput,
  Expiry,
  ExportResult,
  Generated,
  GenerateInput,
  HealthReport,
  HistoryEntry,
  ImportCommitInput,
  ImportPreview,
  ImportPreviewInput,
  ItemDetail,
  ItemInput,
  ItemSummary,
  ItemVersion,
  ListItemsInput,
  ListItemsResult,
  RevealInput,
  RevealTotpSeedInput,
  TotpCode,
  TotpSeed,
  UpdateItemInput,
} from './vault.schemas';

const ById = z.strictObject({ id: Id });

export const vaultContract = defineContract(
  'vault',
  {
    /** Items matching the filters and query, ranked when there is a query, one page at a time. Metadata only. */
    list: op({ input: ListItemsInput, output: ListItemsResult, summary: 'List or search items' }),
    /** One item's non-secret details. */
    get: op({ input: ById, output: ItemDetail, summary: 'Item details (no secrets)' }),
    create: op({ input: z.strictObject({ item: ItemInput }), output: ItemDetail, summary: 'Create an item' }),
    /** Saves an edit; the previous version goes to the item history and a changed password to password history. */
    update: op({ input: UpdateItemInput, output: ItemDetail, summary: 'Edit an item' }),
    /** Moves to the trash (restorable; purged after 30 days). */
    trash: op({ input: ById, output: ItemSummary, summary: 'Move an item to the trash' }),
    restore: op({ input: ById, output: ItemSummary, summary: 'Restore an item from the trash' }),
    /** Permanently erases an item that is already in the trash. */
    purge: op({ input: ById, output: z.strictObject({ purged: z.literal(true) }), summary: 'Erase a trashed item' }),
    /** Returns ONE secret field's value (never the TOTP seed). Items marked re-prompt need the master password. */
    reveal: op({ input: RevealInput, output: z.strictObject({ value: z.string() }), summary: 'Reveal one secret field' }),
    /** Copies one secret in main; the value never reaches the renderer. Cleared after the configured delay. */
    copy: op({ input: RevealInput, output: z.strictObject({ clearAfterSeconds: z.number().int() }), summary: 'Copy a secret to the clipboard' }),
    /** The current TOTP code and seconds remaining; the seed never leaves main. */
    totp: op({ input: ById, output: TotpCode, summary: 'Current TOTP code' }),
    /** The TOTP seed, to move it to another device: always behind the master password. */
    revealTotpSeed: op({ input: RevealTotpSeedInput, output: TotpSeed, summary: 'Show the TOTP setup key' }),
    generate: op({ input: GenerateInput, output: Generated, summary: 'Generate a password or passphrase' }),
    /** Scores a password the user is typing (for the strength meter in the item editor). */
    strength: op({
      input: z.strictObject({ password: z.string().max(1024) }),
      output: z.strictObject({ score: z.number().int(), guessesLog10: z.number() }),
      summary: 'Password strength',
    }),
    health: op({ input: NoInput, output: HealthReport, summary: 'Reused, weak and old passwords' }),
    passwordHistory: op({ input: ById, output: z.array(HistoryEntry), summary: 'Previous passwords (dates; reveal with history:<id>)' }),
    versions: op({ input: ById, output: z.array(ItemVersion), summary: 'Earlier versions of an item' }),
    folders: op({ input: NoInput, output: z.array(z.strictObject({ name: z.string(), count: z.number().int() })), summary: 'Folders with item counts' }),
    tags: op({ input: NoInput, output: z.array(z.strictObject({ name: z.string(), count: z.number().int() })), summary: 'Tags with item counts' }),
    /** Reads an import file and returns a dry-run preview; nothing is written. */
    importPreview: op({ input: ImportPreviewInput, output: ImportPreview, summary: 'Preview an import' }),
    /** Writes a previewed import in one transaction. */
    importCommit: op({
      input: ImportCommitInput,
      output: z.strictObject({ imported: z.number().int(), skipped: z.number().int() }),
      summary: 'Commit an import',
    }),
    /** Exports the vault after a master-password re-prompt. */
    export: op({ input: ExportInput, output: ExportResult, summary: 'Export the vault' }),
    /** Cards expiring in a date range, for the calendar (title and date only, never a secret). */
    expiries: op({ input: ExpiriesInput, output: z.array(Expiry), summary: 'Card expiry dates for the calendar' }),
    /** Adds TOTP to an item from a QR code image (decoded in main). */
    totpFromImage: op({
      input: z.strictObject({ id: Id, imageBase64: z.string().max(MAX_IMAGE_BASE64_CHARS), password: z.string().max(1024).optional() }),
      output: ItemDetail,
      summary: 'Add TOTP from a QR image',
    }),
  },
  {
    /** Items changed (created, edited, trashed, imported). */
    changed: z.strictObject({ ids: z.array(Id).max(1000) }),
    /** A health report is scoring passwords it has not seen before (in worker threads). */
    healthProgress: z.strictObject({ done: z.number().int(), total: z.number().int() }),
  },
);
