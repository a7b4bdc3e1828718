import type { emailContract } from '../../../src-shared/domains/email/email.contract';
import type { ServiceOf } from '../../../src-shared/ipc/define';
import type { SourceMessage } from './email-types';

/** The email contract's handlers; each part implements a Pick of them. */
export type EmailHandlers = ServiceOf<typeof emailContract>;

/** Where an ingested batch goes. */
export interface IngestTarget {
  /** The `email_sources` row (one per imported file, folder or account). */
  sourceId: string;
  /** The archive folder of the import; a message's own `folder` is a sub-folder of it. */
  folder: string;
  /** The import run whose checkpoint moves, in the same transaction, to the batch's last `end`. */
  runId?: string;
  /** IMAP: the mailbox state (UIDVALIDITY / last UID) written in the same transaction. */
  imap?: { accountId: string; mailbox: string; uidValidity: string; lastUid: number };
}

export interface IngestResult {
  imported: number;
  duplicates: number;
  unparsed: number;
  /** The stored message ids (new or already there), in batch order. */
  ids: string[];
}

/** The importer's store side, shared by file imports and IMAP. */
export interface Ingest {
  /** Makes the `email_sources` row for a file, folder or account; returns its id. */
  source(kind: 'mbox' | 'eml' | 'emlx' | 'imap', name: string, preamble?: string): Promise<string>;
  /**
   * Parses a batch in a worker, compresses and packs the bytes, and stores it in one write: new messages, a
   * provenance row per message (a duplicate gets only that), the index, and the run's checkpoint or the mailbox state.
   */
  ingest(batch: readonly SourceMessage[], target: IngestTarget, signal?: AbortSignal): Promise<IngestResult>;
}
