import { z } from 'zod';
import { Id, IsoTimestamp, nonEmptyText, text } from '../../lib/schema';

/**
 * The email archive's shapes (issue 12). Sections by part: import (email-import), accounts (email-imap),
 * reading and search (email-read), export (email-export).
 */

export const EMAIL_LIMITS = {
  /** Messages per list or search page. */
  page: 500,
  query: 1000,
  path: 4096,
  uploadFiles: 100_000,
  /** A single message kept in memory for parsing; a larger one is stored as raw bytes, unparsed. */
  parseBytes: 32 * 1024 * 1024,
} as const;

const BlobId = z.string().regex(/^[0-9a-f]{64}$/);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

// ---------------------------------------------------------------- shared pieces

export const Address = z.object({ name: z.string(), address: z.string() });
export type Address = z.output<typeof Address>;

export const AttachmentInfo = z.object({
  /** The MIME part number ('2', '2.1'): how the attachment is found again in the original bytes. */
  part: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  inline: z.boolean(),
  cid: z.string().nullable(),
});
export type AttachmentInfo = z.output<typeof AttachmentInfo>;

export const Folder = z.object({
  id: Id,
  path: z.string(),
  messages: z.number().int(),
});
export type Folder = z.output<typeof Folder>;

export const MessageSummary = z.object({
  id: Id,
  messageId: z.string(),
  threadId: z.string(),
  subject: z.string(),
  from: Address,
  to: z.array(Address),
  /** The Date header as an ISO timestamp, null when missing or unreadable. */
  date: IsoTimestamp.nullable(),
  snippet: z.string(),
  attachmentCount: z.number().int(),
  hasCalendar: z.boolean(),
  labels: z.array(z.string()),
  size: z.number().int(),
  parseStatus: z.enum(['ok', 'unparsed']),
  parseError: z.string(),
});
export type MessageSummary = z.output<typeof MessageSummary>;

export const Provenance = z.object({
  sourceKind: z.enum(['mbox', 'eml', 'emlx', 'imap']),
  /** The file, folder or account it came from. */
  source: z.string(),
  folder: z.string(),
  /** The file inside an imported folder, '' for mbox and IMAP. */
  path: z.string(),
  imapUid: z.number().int().nullable(),
  importedAt: IsoTimestamp,
});
export type Provenance = z.output<typeof Provenance>;

export const MessageDetail = MessageSummary.extend({
  cc: z.array(Address),
  replyTo: z.array(Address),
  inReplyTo: z.string(),
  references: z.array(z.string()),
  /** Every header as written (decoded), in order. */
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  text: z.string(),
  /** The HTML body as it came (the renderer sanitises it and shows it in a sandboxed frame), '' when none. */
  html: z.string(),
  attachments: z.array(AttachmentInfo),
  sha256: Sha256,
  provenance: z.array(Provenance),
});
export type MessageDetail = z.output<typeof MessageDetail>;

// ---------------------------------------------------------------- import (email-import)

export const ImportFormat = z.enum(['mbox', 'eml', 'emlx']);
export type ImportFormat = z.output<typeof ImportFormat>;

export const ImportSource = z.discriminatedUnion('kind', [
  /** A file or folder on this computer: the CLI (and tests) only; the app uploads instead. */
  z.strictObject({ kind: z.literal('path'), path: nonEmptyText(EMAIL_LIMITS.path) }),
  /** Uploaded files (upload tickets), with their relative paths: one mbox, or a folder's .eml/.emlx files. */
  z.strictObject({
    kind: z.literal('upload'),
    files: z
      .array(z.strictObject({ path: nonEmptyText(EMAIL_LIMITS.path), blobId: BlobId }))
      .min(1)
      .max(EMAIL_LIMITS.uploadFiles),
  }),
]);
export type ImportSource = z.output<typeof ImportSource>;

export const ImportInput = z.strictObject({
  source: ImportSource,
  /** Absent: told apart by the name and first bytes. */
  format: ImportFormat.optional(),
  /** The archive folder for an mbox (default: the file's name) or the parent of a folder tree's folders (default: none). */
  folder: text(1024).optional(),
});

export const ImportPreview = z.object({
  format: ImportFormat,
  messages: z.number().int(),
  /** Already in the archive (same Message-ID and bytes), or twice in this source. */
  duplicates: z.number().int(),
  /** Kept as raw bytes, with why. */
  unparsed: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  folders: z.array(z.object({ path: z.string(), messages: z.number().int() })),
  bytes: z.number().int(),
  /** The first few messages as they will be listed. */
  sample: z.array(z.object({ subject: z.string(), from: z.string(), date: IsoTimestamp.nullable() })),
});
export type ImportPreview = z.output<typeof ImportPreview>;

export const ImportState = z.enum(['running', 'paused', 'cancelled', 'done', 'failed']);
export const ImportRun = z.object({
  id: Id,
  kind: z.enum(['mbox', 'eml', 'emlx', 'imap']),
  source: z.string(),
  state: ImportState,
  totalBytes: z.number().int(),
  /** Bytes (or files) of the source committed so far. */
  checkpoint: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  unparsed: z.number().int(),
  error: z.string(),
  startedAt: IsoTimestamp,
  finishedAt: IsoTimestamp.nullable(),
});
export type ImportRun = z.output<typeof ImportRun>;

export const RunIdInput = z.strictObject({ id: Id });
export const StartImportInput = ImportInput.extend({
  /** Wait for the end (the CLI); otherwise the run goes on in the background and reports `progress` events. */
  wait: z.boolean().optional(),
});

// ---------------------------------------------------------------- IMAP accounts (email-imap)

export const AccountInput = z.strictObject({
  host: nonEmptyText(255),
  port: z.number().int().min(1).max(65535),
  security: z.enum(['tls', 'starttls', 'none']),
  username: nonEmptyText(320),
  /** Stored as a new vault login; or give `vaultItemId` of an existing one. */
  password: z.string().min(1).max(1024).optional(),
  vaultItemId: Id.optional(),
  /** The folders to archive; empty or absent: all. */
  folders: z.array(text(1024)).max(1000).optional(),
});
export const Account = z.object({
  id: Id,
  host: z.string(),
  port: z.number().int(),
  security: z.enum(['tls', 'starttls', 'none']),
  username: z.string(),
  vaultItemId: Id,
  folders: z.array(z.string()),
  lastSyncAt: IsoTimestamp.nullable(),
});
export type Account = z.output<typeof Account>;
export const SyncResult = z.object({
  accountId: Id,
  folders: z.array(z.object({ mailbox: z.string(), fetched: z.number().int(), duplicates: z.number().int(), uidValidity: z.string() })),
  fetched: z.number().int(),
  duplicates: z.number().int(),
});
export type SyncResult = z.output<typeof SyncResult>;

// ---------------------------------------------------------------- reading and search (email-read)

export const ListInput = z.strictObject({
  folderId: Id.optional(),
  label: text(200).optional(),
  /** Opaque, from the previous page. */
  cursor: text(200).optional(),
  limit: z.number().int().min(1).max(EMAIL_LIMITS.page).optional(),
});
export const MessagePage = z.object({ messages: z.array(MessageSummary), nextCursor: z.string().nullable(), total: z.number().int() });
export type MessagePage = z.output<typeof MessagePage>;

export const SearchInput = z.strictObject({
  /** Words and operators: from: to: subject: has:attachment before: after: label: "a phrase". */
  query: text(EMAIL_LIMITS.query),
  limit: z.number().int().min(1).max(EMAIL_LIMITS.page).optional(),
  offset: z.number().int().min(0).max(100_000).optional(),
});
export const SearchHit = MessageSummary.extend({
  /** The matching text with the matches between \u0002 and \u0003 (the renderer marks them). */
  highlight: z.string(),
});
export const SearchResult = z.object({ hits: z.array(SearchHit), total: z.number().int() });
export type SearchResult = z.output<typeof SearchResult>;

export const LabelCount = z.object({ label: z.string(), messages: z.number().int() });

export const AttachmentInput = z.strictObject({ id: Id, part: text(100) });
export const Download = z.object({ blobId: z.string(), url: z.string(), ticket: z.string(), name: z.string(), expiresAt: IsoTimestamp });
export type Download = z.output<typeof Download>;

export const ToFilesInput = AttachmentInput.extend({ folderId: Id.optional() });
export const LinkResult = z.object({ id: z.string(), kind: z.enum(['file', 'event', 'task']), title: z.string() });

export const SignupsInput = z.strictObject({ domains: z.array(text(255)).min(1).max(50) });

// ---------------------------------------------------------------- export (email-export)

export const ExportInput = z.strictObject({
  format: z.enum(['eml', 'mbox']),
  /** Absent: every folder. */
  folderIds: z.array(Id).max(10_000).optional(),
  /** A folder on this computer to write into: the CLI (and tests) only; the app gets one .zip download. */
  dest: text(EMAIL_LIMITS.path).optional(),
});
export const ExportResult = z.object({
  messages: z.number().int(),
  files: z.number().int(),
  bytes: z.number().int(),
  /** Every written message's bytes hashed again and compared with the stored SHA-256. */
  verified: z.number().int(),
  dest: z.string().nullable(),
  download: Download.nullable(),
});
export type ExportResult = z.output<typeof ExportResult>;

export const PdfInput = z.strictObject({ id: Id, thread: z.boolean().optional() });
export const PdfResult = Download.extend({ pages: z.number().int() });

export const VerifyResult = z.object({ checked: z.number().int(), bad: z.array(z.object({ id: Id, reason: z.string() })) });
