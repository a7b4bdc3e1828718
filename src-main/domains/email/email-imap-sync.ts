import type { ImapFlow, ListResponse } from 'imapflow';
import { AppError } from '../../../src-shared/ipc/result';
import type { EmailCore } from './email-core';
import type { Ingest } from './email-parts';
import type { SourceMessage } from './email-types';

/**
 * One account's incremental sync, mailbox by mailbox (RFC 3501 UIDVALIDITY/UID): each mailbox is opened read-only
 * (EXAMINE); the UIDs above the last one archived are fetched with BODY.PEEK[] (never sets \Seen) in batches, and each
 * batch is stored with the mailbox's new state in one transaction (the importer's write), so a sync stopped at any
 * point resumes after the last stored batch. SECURITY: read-only on the server: no STORE, EXPUNGE, COPY, MOVE or DELETE.
 */

/** A batch holds at most this many messages… */
export const BATCH_MESSAGES = 200;
/** …and this many bytes (a single larger message goes alone). */
export const BATCH_BYTES = 16 * 1024 * 1024;

export interface MailboxResult {
  mailbox: string;
  fetched: number;
  duplicates: number;
  uidValidity: string;
}

export interface SyncTarget {
  accountId: string;
  sourceId: string;
}

/** The archive folder of a server mailbox: its path with '/' between levels, whatever the server's delimiter. */
export function archiveFolder(box: Pick<ListResponse, 'path' | 'delimiter'>): string {
  return box.delimiter && box.delimiter !== '/' ? box.path.split(box.delimiter).join('/') : box.path;
}

/** UIDs (with sizes) into batches of at most BATCH_MESSAGES messages and BATCH_BYTES bytes, in UID order. */
export function planBatches(messages: ReadonlyArray<{ uid: number; size: number }>): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  for (const m of [...messages].sort((a, b) => a.uid - b.uid)) {
    if (current.length > 0 && (current.length >= BATCH_MESSAGES || bytes + m.size > BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m.uid);
    bytes += m.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** A sync stopped by cancel or lock. */
export const cancelled = (): AppError => new AppError('CANCELLED', 'The sync was stopped; what it stored stays, and the next sync goes on from there.');

export function createImapSync(core: EmailCore, ingest: Ingest) {
  /** The stored state of a mailbox: where the last sync stopped. */
  async function stateOf(accountId: string, mailbox: string): Promise<{ uidValidity: string; lastUid: number } | null> {
    const row = await core.ctx
      .db()
      .selectFrom('email_imap_state')
      .select(['uid_validity', 'last_uid'])
      .where('account_id', '=', accountId)
      .where('mailbox', '=', mailbox)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row ? { uidValidity: row.uid_validity, lastUid: row.last_uid } : null;
  }

  /** Fetches one mailbox's new messages into the archive. */
  async function syncMailbox(client: ImapFlow, box: ListResponse, target: SyncTarget, signal: AbortSignal): Promise<MailboxResult> {
    // EXAMINE: the server keeps every flag (\Seen, \Recent) as it is.
    const opened = await client.mailboxOpen(box.path, { readOnly: true });
    const uidValidity = opened.uidValidity.toString();
    const state = await stateOf(target.accountId, box.path);
    // A new UIDVALIDITY means the server renumbered the mailbox: start it over (the importer's dedupe keeps one copy).
    const lastUid = state && state.uidValidity === uidValidity ? state.lastUid : 0;
    const result: MailboxResult = { mailbox: box.path, fetched: 0, duplicates: 0, uidValidity };
    if (opened.exists === 0 || opened.uidNext <= lastUid + 1) return result;

    // Sizes first (cheap), so the bodies come one bounded batch at a time. `N:*` also answers the highest UID when it
    // is below N: filtered out.
    const sizes = (await client.fetchAll(`${lastUid + 1}:*`, { uid: true, size: true }, { uid: true }))
      .filter((m) => m.uid > lastUid)
      .map((m) => ({ uid: m.uid, size: m.size ?? 0 }));
    const folder = archiveFolder(box);
    for (const uids of planBatches(sizes)) {
      if (signal.aborted) throw cancelled();
      // BODY.PEEK[]: the message exactly as the server keeps it, without setting \Seen.
      const fetched = await client.fetchAll(uids.join(','), { uid: true, source: true }, { uid: true });
      const batch: SourceMessage[] = fetched
        .filter((m) => m.source !== undefined && m.uid > lastUid)
        .sort((a, b) => a.uid - b.uid)
        .map((m) => ({ raw: m.source!, position: m.uid, end: m.uid, folder: '', imapUid: m.uid }));
      if (batch.length === 0) continue;
      if (signal.aborted) throw cancelled();
      const stored = await ingest.ingest(
        batch,
        {
          sourceId: target.sourceId,
          folder,
          imap: { accountId: target.accountId, mailbox: box.path, uidValidity, lastUid: batch[batch.length - 1]!.position },
        },
        signal,
      );
      result.fetched += batch.length;
      result.duplicates += stored.duplicates;
    }
    return result;
  }

  return { syncMailbox };
}
