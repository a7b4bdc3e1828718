import { z } from 'zod';
import { Id, IsoTimestamp } from '../../lib/schema';
import { BlobId, BlobTicketString } from '../blobs';

/**
 * Wire shapes of the file library (issue 9): folders, files (each a row pointing at an encrypted blob),
 * versions, tags, links from other domains' records, search hits and encrypted archives. File bytes never
 * travel through an operation: uploads and downloads go through blob tickets.
 */

/** Longest file or folder name (bytes of UTF-16, like every cap here). */
export const MAX_FILE_NAME = 255;
export const MAX_FOLDER_NAME = 120;
/** A relative path from a folder drop (`trip/docs/a.pdf`): at most this long and this deep. */
export const MAX_RELATIVE_PATH = 1024;
export const MAX_PATH_DEPTH = 16;
export const MAX_TAGS = 20;
export const MAX_TAG = 40;
/** Files in one encrypted archive, and their total plaintext (the archive is built in memory; the ZIP reader's own caps). */
export const MAX_ARCHIVE_FILES = 10_000;
export const MAX_ARCHIVE_BYTES = 200 * 1024 * 1024;

const isNameChar = (c: string): boolean => c !== '/' && c !== '\\' && c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f;
// A name is one path segment: no separators, no control characters, not `.` or `..`.
const segment = (max: number, message: string) =>
  z
    .string()
    .trim()
    .min(1, message)
    .max(max)
    .refine((s) => [...s].every(isNameChar) && s !== '.' && s !== '..', 'Use a name without slashes or control characters');

export const FileName = segment(MAX_FILE_NAME, 'Give the file a name');
export const FolderName = segment(MAX_FOLDER_NAME, 'Give the folder a name');
export const Tag = z
  .string()
  .trim()
  .min(1)
  .max(MAX_TAG)
  .regex(/^[^\p{Cc},]*$/u, 'A tag is one line without commas');
/** Path segments joined by `/`; each segment is checked in main (no `..`, no empty segment). */
export const RelativePath = z.string().min(1).max(MAX_RELATIVE_PATH);

/** Where search text came from: 'none' (no text format), 'pending' (job queued), 'done', 'failed'. */
export const TextStatus = z.enum(['none', 'pending', 'done', 'failed']);
export type TextStatus = z.infer<typeof TextStatus>;

/** The domains whose records can have files attached. */
export const LinkDomain = z.enum(['vault', 'batches', 'journal', 'calendar', 'goals']);
export type LinkDomain = z.infer<typeof LinkDomain>;

export const Folder = z.strictObject({
  id: Id,
  name: z.string(),
  parentId: Id.nullable(),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
  deletedAt: IsoTimestamp.nullable(),
});
export type Folder = z.infer<typeof Folder>;

export const FileSummary = z.strictObject({
  id: Id,
  name: z.string(),
  folderId: Id.nullable(),
  blobId: BlobId,
  size: z.int().nonnegative(),
  /** Sniffed from the content, never from the name. */
  mime: z.string(),
  tags: z.array(z.string()).max(MAX_TAGS),
  /** A 256 px WebP preview for pictures (show it with `blobs.ticket({ blobId, disposition: 'inline' })`). */
  thumbnailId: BlobId.nullable(),
  textStatus: TextStatus,
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
  deletedAt: IsoTimestamp.nullable(),
});
export type FileSummary = z.infer<typeof FileSummary>;

/** An earlier content of a file, kept when it was replaced. */
export const FileVersion = z.strictObject({
  id: Id,
  blobId: BlobId,
  name: z.string(),
  size: z.int().nonnegative(),
  mime: z.string(),
  /** When this content was replaced (stopped being current). */
  replacedAt: IsoTimestamp,
});
export type FileVersion = z.infer<typeof FileVersion>;

/** The record a file is attached to. `label` is what the file's page shows for it ("Bank login", "Lot 42"). */
export const LinkOwner = z.strictObject({
  domain: LinkDomain,
  id: Id,
  label: z.string().trim().max(200).default(''),
});
export type LinkOwner = z.input<typeof LinkOwner>;

export const FileLink = z.strictObject({
  id: Id,
  fileId: Id,
  owner: z.strictObject({ domain: LinkDomain, id: Id, label: z.string() }),
  createdAt: IsoTimestamp,
});
export type FileLink = z.infer<typeof FileLink>;

export const FileDetail = FileSummary.extend({
  /** Folder names from the root down to the file's folder. */
  path: z.array(Folder).max(MAX_PATH_DEPTH * 4),
  /** Earlier contents, newest first. */
  versions: z.array(FileVersion).max(1000),
  /** The records this file is attached to. */
  linkedFrom: z.array(FileLink).max(1000),
});
export type FileDetail = z.infer<typeof FileDetail>;

// ---------------------------------------------------------------- inputs

export const ById = z.strictObject({ id: Id });

export const ListFilesInput = z.strictObject({
  /** Omitted: files of every folder; null: files at the top level; an id: files directly in that folder. */
  folderId: Id.nullable().optional(),
  tag: Tag.optional(),
  /** The trash instead of the library (then `folderId` is ignored). */
  trashed: z.boolean().default(false),
});
export type ListFilesInput = z.input<typeof ListFilesInput>;

export const FileList = z.strictObject({
  /** Every folder (live ones, or the trashed ones when `trashed`), so the page can draw the tree. */
  folders: z.array(Folder).max(100_000),
  files: z.array(FileSummary).max(100_000),
});
export type FileList = z.infer<typeof FileList>;

export const CreateFolderInput = z.strictObject({ name: FolderName, parentId: Id.nullable().default(null) });
export type CreateFolderInput = z.input<typeof CreateFolderInput>;
export const RenameFolderInput = z.strictObject({ id: Id, name: FolderName });
export type RenameFolderInput = z.input<typeof RenameFolderInput>;

export const AddFileInput = z.strictObject({
  /** A blob just uploaded through `blobs.uploadTicket` (or stored by the CLI). */
  blobId: BlobId,
  name: FileName,
  /** Where to put it (null or omitted: the top level); `relativePath` folders are created below it. */
  folderId: Id.nullable().default(null),
  /** From a folder drop: `trip/docs/a.pdf` puts the file in trip/docs (made if missing); its last segment is ignored (`name` wins). */
  relativePath: RelativePath.optional(),
  tags: z.array(Tag).max(MAX_TAGS).default([]),
});
export type AddFileInput = z.input<typeof AddFileInput>;

export const AddFileResult = z.strictObject({
  file: FileSummary,
  /** Set when the same content was already in the library: `file` is that existing file and nothing was added. */
  duplicateOf: Id.nullable(),
});
export type AddFileResult = z.infer<typeof AddFileResult>;

export const RenameFileInput = z.strictObject({ id: Id, name: FileName });
export type RenameFileInput = z.input<typeof RenameFileInput>;
export const MoveFileInput = z.strictObject({ id: Id, folderId: Id.nullable() });
export type MoveFileInput = z.input<typeof MoveFileInput>;
export const SetTagsInput = z.strictObject({ id: Id, tags: z.array(Tag).max(MAX_TAGS) });
export type SetTagsInput = z.input<typeof SetTagsInput>;
export const ReplaceFileInput = z.strictObject({ id: Id, blobId: BlobId });
export type ReplaceFileInput = z.input<typeof ReplaceFileInput>;
export const RestoreVersionInput = z.strictObject({ id: Id, versionId: Id });
export type RestoreVersionInput = z.input<typeof RestoreVersionInput>;

export const SearchInput = z.strictObject({ query: z.string().trim().min(1).max(200), limit: z.int().min(1).max(100).default(20) });
export type SearchInput = z.input<typeof SearchInput>;

/**
 * A piece of matched text and where the matches are in it: `ranges` are [start, end) offsets in UTF-16 code
 * units of `text`. Plain text, never HTML: the renderer wraps the ranges in <mark> itself.
 */
export const Snippet = z.strictObject({
  text: z.string().max(2000),
  ranges: z.array(z.tuple([z.int().nonnegative(), z.int().nonnegative()])).max(64),
});
export type Snippet = z.infer<typeof Snippet>;

export const SearchHit = z.strictObject({
  file: FileSummary,
  /** Where the best snippet comes from. */
  field: z.enum(['name', 'tags', 'text']),
  snippet: Snippet,
});
export type SearchHit = z.infer<typeof SearchHit>;
export const SearchResult = z.strictObject({ hits: z.array(SearchHit).max(100) });
export type SearchResult = z.infer<typeof SearchResult>;

export const FileTicketInput = z.strictObject({
  id: Id,
  /** 'inline' to preview in the page, 'attachment' to save (plaintext: the UI confirms first). */
  disposition: z.enum(['inline', 'attachment']).default('attachment'),
  /** An earlier version instead of the current content. */
  versionId: Id.optional(),
});
export type FileTicketInput = z.input<typeof FileTicketInput>;
export const FileTicket = z.strictObject({ ticket: BlobTicketString, url: z.string().max(100), expiresAt: IsoTimestamp });
export type FileTicket = z.infer<typeof FileTicket>;

export const LinkInput = z.strictObject({ fileId: Id, owner: LinkOwner });
export type LinkInput = z.input<typeof LinkInput>;
export const UnlinkInput = z.strictObject({ linkId: Id });
export const LinksOfInput = z.strictObject({ domain: LinkDomain, id: Id });
export type LinksOfInput = z.input<typeof LinksOfInput>;
/** A file attached to a record, with the link (to unlink it). */
export const LinkedFile = z.strictObject({ link: FileLink, file: FileSummary });
export type LinkedFile = z.infer<typeof LinkedFile>;

export const ExportArchiveInput = z
  .strictObject({
    /** These files (live ones), or … */
    ids: z.array(Id).min(1).max(MAX_ARCHIVE_FILES).optional(),
    /** … everything in this folder and below; neither: the whole library. */
    folderId: Id.optional(),
    /** The archive's own password (at least 8 characters); the file is a Hearth encrypted file. */
    password: z.string().min(8, 'Use at least 8 characters').max(1024),
  })
  .refine((v) => !(v.ids && v.folderId), 'Give files or a folder, not both');
export type ExportArchiveInput = z.input<typeof ExportArchiveInput>;

export const ExportArchiveResult = z.strictObject({
  fileName: z.string(),
  fileCount: z.int().nonnegative(),
  /** The archive as a temporary stored blob (its 'export' ref lapses after an hour) and its download ticket. */
  blobId: BlobId,
  url: z.string().max(100),
  expiresAt: IsoTimestamp,
});
export type ExportArchiveResult = z.infer<typeof ExportArchiveResult>;

export const Removed = z.strictObject({ id: Id });
