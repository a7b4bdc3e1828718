import { z } from 'zod';
import type { CustomFieldInput, ItemInput } from '../../../../src-shared/domains/vault/vault.schemas';
import { AppError } from '../../../../src-shared/ipc/result';
import { ImportCollector } from './collector';
import { decodeText, parseJsonText } from './limits';
import { readOpField, takeCardFields, takeIdentityFields, toCustomField, type OpField } from './onepassword-fields';
import { extractZipEntry, readZipDirectory } from '../../../lib/zip';

/**
 * 1Password 1PUX (support.1password.com/1pux-format): a ZIP whose `export.data` is JSON
 * `accounts[] > vaults[] > items[]`. Categories: 001 login, 005 password → login; 002 → card;
 * 004 → identity; 003 → note; 006 documents are skipped (attachments are not imported yet); every
 * other category (bank account, Wi-Fi, server, …) becomes a note whose fields are kept as custom fields.
 * Each vault becomes a folder. Archived items are imported with the tag `archived` (decision: the user
 * archived rather than deleted them, so keep the data and let them prune); trashed items are skipped.
 */

const str = z.string().nullish();
const OpItem = z.looseObject({
  favIndex: z.number().nullish(),
  createdAt: z.number().nullish(),
  updatedAt: z.number().nullish(),
  state: str,
  trashed: z.boolean().nullish(),
  categoryUuid: z.string(),
  details: z
    .looseObject({
      loginFields: z.array(z.looseObject({ value: z.unknown(), name: str, fieldType: str, designation: str })).nullish(),
      notesPlain: str,
      password: str,
      sections: z.array(z.looseObject({ title: str, fields: z.array(z.looseObject({ id: str, title: str, value: z.unknown() })).nullish() })).nullish(),
      passwordHistory: z.array(z.looseObject({ value: str, time: z.number().nullish() })).nullish(),
      documentAttributes: z.looseObject({ fileName: str }).nullish(),
    })
    .nullish(),
  overview: z.looseObject({ title: str, url: str, urls: z.array(z.looseObject({ url: str })).nullish(), tags: z.array(z.string()).nullish() }).nullish(),
});
type OpItem = z.infer<typeof OpItem>;

const OpExport = z.looseObject({
  accounts: z.array(z.looseObject({ vaults: z.array(z.looseObject({ attrs: z.looseObject({ name: str }).nullish(), items: z.array(z.unknown()) })) })),
});

/** Reads a 1PUX archive. */
export function parseOnePux(bytes: Uint8Array): ImportCollector {
  const entries = readZipDirectory(bytes);
  const dataEntry = entries.find((e) => e.name === 'export.data');
  if (!dataEntry) throw new AppError('INVALID_INPUT', 'This ZIP file is not a 1Password export: it has no export.data.');
  const parsed = OpExport.safeParse(parseJsonText(decodeText(extractZipEntry(bytes, dataEntry))));
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'The 1Password export is damaged: export.data has no accounts and vaults.');
  const c = new ImportCollector('1password-1pux');
  let row = 0;
  let archived = 0;
  for (const account of parsed.data.accounts) {
    for (const vault of account.vaults) {
      const folder = vault.attrs?.name ? c.addFolder(vault.attrs.name) : '';
      for (const raw of vault.items) {
        row++;
        // Some 1PUX versions wrap each item as { item: {…} }.
        const candidate = typeof raw === 'object' && raw !== null && 'item' in raw && !('categoryUuid' in raw) ? raw.item : raw;
        const item = OpItem.safeParse(candidate);
        if (!item.success) c.skip(row, 'unexpected item structure');
        else if (addItem(c, row, item.data, folder)) archived++;
      }
    }
  }
  if (archived > 0) c.warn(`${archived} archived 1Password item(s) were imported with the tag "archived".`);
  return c;
}

/** Maps one item; returns true when it was an imported archived item. */
function addItem(c: ImportCollector, row: number, op: OpItem, folder: string): boolean {
  const title = op.overview?.title ?? '';
  if (op.trashed === true || op.state === 'deleted') {
    c.skip(row, 'in the 1Password trash');
    return false;
  }
  const where = folder ? `${folder}/${title}` : title;
  if (op.categoryUuid === '006') {
    c.skip(row, 'a 1Password document (file); Hearth does not import attachments yet');
    c.leaveAttachments(where, attachmentNames(op));
    return false;
  }
  const details = op.details ?? {};
  c.leaveAttachments(where, attachmentNames(op));
  const fields: OpField[] = (details.sections ?? [])
    .flatMap((s) => s.fields ?? [])
    .flatMap((f) => readOpField(f) ?? [])
    .filter((f) => f.text !== '');
  const isArchived = op.state === 'archived';
  const draft: ItemInput = {
    type: 'note',
    title,
    notes: details.notesPlain ?? '',
    folder,
    favorite: (op.favIndex ?? 0) > 0,
    tags: [...(op.overview?.tags ?? []), ...(isArchived ? ['archived'] : [])],
  };
  let rest = fields;
  if (op.categoryUuid === '001' || op.categoryUuid === '005') {
    draft.type = 'login';
    const totp = fields.find((f) => f.kind === 'totp');
    rest = fields.filter((f) => f !== totp);
    draft.login = { ...loginCredentials(op), totp: totp?.text ?? '', urls: urlsOf(op) };
  } else if (op.categoryUuid === '002') {
    draft.type = 'card';
    ({ card: draft.card, rest } = takeCardFields(fields));
  } else if (op.categoryUuid === '004') {
    draft.type = 'identity';
    ({ identity: draft.identity, rest } = takeIdentityFields(fields));
  }
  draft.fields = rest.map(toCustomField).concat(extraLoginFields(op));
  c.add(row, draft, {
    passwordHistory: (details.passwordHistory ?? []).map((h) => ({ password: h.value ?? '', changedAt: (h.time ?? NaN) * 1000 })),
    createdAt: op.createdAt ? new Date(op.createdAt * 1000).toISOString() : undefined,
    updatedAt: op.updatedAt ? new Date(op.updatedAt * 1000).toISOString() : undefined,
  });
  return isArchived;
}

/** File names of a document item and of every file field (1Password keeps the bytes in `files/`). */
function attachmentNames(op: OpItem): string[] {
  const names: string[] = [];
  const doc = op.details?.documentAttributes;
  if (doc) names.push(doc.fileName || 'document');
  for (const s of op.details?.sections ?? []) {
    for (const f of s.fields ?? []) {
      const file = typeof f.value === 'object' && f.value !== null && 'file' in f.value ? (f.value as { file: unknown }).file : undefined;
      if (file === undefined) continue;
      const name = typeof file === 'object' && file !== null && 'fileName' in file ? (file as { fileName: unknown }).fileName : undefined;
      names.push(typeof name === 'string' && name !== '' ? name : 'file');
    }
  }
  return names;
}

function loginCredentials(op: OpItem): { username: string; password: string } {
  const lf = op.details?.loginFields ?? [];
  const byDesignation = (d: string): string => {
    const v = lf.find((f) => f.designation === d)?.value;
    return typeof v === 'string' ? v : '';
  };
  return { username: byDesignation('username'), password: byDesignation('password') || (op.details?.password ?? '') };
}

/** Login-form fields without a designation that still hold a value (e.g. a PIN box on the web form). */
function extraLoginFields(op: OpItem): CustomFieldInput[] {
  return (op.details?.loginFields ?? [])
    .filter((f) => !f.designation && typeof f.value === 'string' && f.value !== '' && (f.fieldType === 'T' || f.fieldType === 'P' || f.fieldType === 'E'))
    .map((f) => ({ name: f.name ?? '', type: f.fieldType === 'P' ? 'hidden' : 'text', value: String(f.value) }));
}

function urlsOf(op: OpItem): { url: string; match: null }[] {
  const urls = [op.overview?.url ?? '', ...(op.overview?.urls ?? []).map((u) => u.url ?? '')];
  return urls.filter((u) => u.trim() !== '').map((url) => ({ url, match: null }));
}
