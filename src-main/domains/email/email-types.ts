import type { Address, AttachmentInfo } from '../../../src-shared/domains/email/email.schemas';

/**
 * The seams between the email archive's parts (issue 12): readers find messages in a source, the parser
 * (in a worker) reads and compresses them, the importer stores them. Readers and the parser never touch
 * the database; the importer never reads a file format.
 */

/** One message as a reader found it in its source (mbox, folder tree, IMAP). */
export interface SourceMessage {
  /** The message bytes (RFC 5322) with mbox quoting removed: what an .eml export writes and what `sha256` hashes. */
  raw: Buffer;
  /** Order in the source: the byte offset of its From_ line in an mbox, the file's index in a tree, the UID on IMAP. */
  position: number;
  /** The source offset (or file index + 1) just past this message: the resume checkpoint once it is committed. */
  end: number;
  /** The archive folder inside the import's folder ('' = the import's folder itself; 'Work/2019' for a tree's sub-folder). */
  folder: string;
  /** A folder tree: the file's path relative to the tree's root. */
  path?: string;
  /** mbox: the From_ line exactly as it was, line ending included (latin1: one character per byte). */
  fromLine?: string;
  /** mbox: the bytes between the end of this message's segment and the next From_ line (or the end of the file). */
  separator?: string;
  /** mbox: the segment as it was in the file, given only when quoting `raw` again would not rebuild it exactly. */
  segment?: Buffer;
  imapUid?: number;
}

/** What the parser read from one message (src-main/domains/email/ingest/parse-message.ts). */
export interface ParsedMessage {
  /** Without angle brackets; '' when there is none. */
  messageId: string;
  subject: string;
  from: Address;
  to: Address[];
  cc: Address[];
  /** The Date header as UTC ms; null when missing or unreadable. */
  dateMs: number | null;
  dateHeader: string;
  inReplyTo: string;
  references: string[];
  /** Gmail's X-GM-THRID, '' otherwise. */
  gmailThreadId: string;
  /** Gmail's X-Gmail-Labels, split and trimmed. */
  labels: string[];
  /** Body text for the index (text part, else the HTML's text), capped. */
  text: string;
  /** The start of the body text, one line, ~200 characters. */
  snippet: string;
  attachments: AttachmentInfo[];
  /** Attachment names and the text of text and PDF attachments, capped: for search. */
  attachmentText: string;
  hasHtml: boolean;
  hasCalendar: boolean;
  status: 'ok' | 'unparsed';
  /** Why it is unparsed ('' when ok): kept as raw bytes and listed with this reason. */
  error: string;
}

/** One message as the parse job returns it: what was read, and the bytes to store. */
export interface ParsedRecord {
  parsed: ParsedMessage;
  /** SHA-256 (hex) of the raw bytes. */
  sha256: string;
  size: number;
  /** The raw bytes as stored: deflate-raw compressed, or as they are when that does not make them smaller. */
  record: Uint8Array;
  compression: 'deflate-raw' | 'none';
}
