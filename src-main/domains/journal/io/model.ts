/**
 * The normalized journal model shared by every importer (bytes in → {@link ParsedImport}) and every
 * exporter ({@link ExportBundle} + attachment reader → bytes). Pure data: no database, no ids minted here;
 * the journal service maps `sourceId`s to its own ids when it commits an import.
 */

export type ImportFormat = 'dayone-json' | 'dayone-zip' | 'joplin-jex' | 'joplin-raw' | 'markdown' | 'standard-notes' | 'hearth-markdown' | 'hearth-json';

/** One input file; a folder import is many of them with relative paths ('Personal/Trip.md', 'photos/x.png'). */
export interface SourceFile {
  path: string;
  bytes: Uint8Array;
}

export interface ParsedNotebook {
  sourceId: string;
  name: string;
  parentSourceId: string | null;
  /** Hearth's own exports keep a journal's colour, icon and check-in definitions (as the journal stores them). */
  color?: string;
  icon?: string;
  metrics?: unknown;
}

export interface ParsedAttachment {
  sourceId: string;
  name: string;
  mime: string | null;
  /** null = referenced but missing. */
  bytes: Uint8Array | null;
}

export interface ParsedEntry {
  sourceId: string;
  notebookSourceId: string | null;
  title: string | null;
  /** Markdown; every reference to an attachment is rewritten to `attachment:<attachment sourceId>` (e.g. `![x](attachment:abc)`). */
  body: string;
  /** ISO 8601 UTC instant of the entry (Day One creationDate, Joplin user_created_time, front matter date...). */
  entryAt: string;
  /** IANA, when the source has one. */
  timeZone: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  /** As written, de-duplicated case-insensitively, order kept. */
  tags: string[];
  starred: boolean;
  pinned: boolean;
  archived: boolean;
  /** 1..5 when known (Hearth's own export). */
  mood: number | null;
  /** Check-in values by metric name (Hearth's own export). */
  metrics: Record<string, number | boolean>;
  /** One line: "Uncle's Tavern, Boise, Idaho, United States". */
  location: string | null;
  /** Weather, lat/lon, author, source_url, todo due/completed, music... kept as data. */
  extra: Record<string, unknown>;
  /** sourceIds of attachments this entry owns, in order. */
  attachmentIds: string[];
}

export interface ParsedImport {
  format: ImportFormat;
  notebooks: ParsedNotebook[];
  entries: ParsedEntry[];
  attachments: ParsedAttachment[];
  /** What was not imported and why, e.g. {what: 'SN|Component x19', why: 'not a note'} or a dangling photo reference. */
  skipped: { what: string; why: string }[];
  warnings: string[];
}

export interface ExportJournal {
  id: string;
  name: string;
  color: string;
  icon: string;
  /** The journal's check-in definitions, written as given so a re-import can recreate them. */
  metrics?: unknown;
}

export interface ExportAttachment {
  id: string;
  name: string;
  mime: string;
  size: number;
  blobId: string;
}

export interface ExportEntry {
  id: string;
  journalId: string;
  title: string | null;
  /** Uses attachment:<id> refs. */
  body: string;
  entryAt: string;
  timeZone: string | null;
  createdAt: string;
  updatedAt: string;
  tags: string[];
  starred: boolean;
  mood: number | null;
  metrics: Record<string, number | boolean>;
  location: string | null;
  attachments: ExportAttachment[];
}

export interface ExportBundle {
  journals: ExportJournal[];
  entries: ExportEntry[];
}

export type ReadAttachment = (blobId: string) => Promise<Uint8Array>;
