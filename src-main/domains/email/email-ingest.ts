/**
 * The importer's parse-and-store side (issue 12), shared by file imports and IMAP: a batch of messages is
 * parsed in a worker (`email.parse.batch`, a tracked job: cancellable, cancelled on lock), split in halves when
 * the worker fails (crash, timeout, out of memory) until the one message that makes it fail is kept as raw
 * bytes, unparsed, with the reason; then the new messages' bytes go into packs and the batch is stored in one
 * write (email-ingest-store.ts).
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import { EMAIL_LIMITS } from '../../../src-shared/domains/email/email.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { newId } from '../../lib/ids';
import type { TrackedJob } from '../../platform/jobs/job-tracker';
import type { EmailCore } from './email-core';
import { existingIds, identity, storeBatch } from './email-ingest-store';
import type { PackLocation } from './email-packs';
import type { Ingest, IngestResult, IngestTarget } from './email-parts';
import type { ParsedMessage, ParsedRecord, SourceMessage } from './email-types';

const deflate = promisify(deflateRaw);

/** A batch is at most this many messages or bytes: one worker job each. */
export const BATCH_MESSAGES = 500;
export const BATCH_BYTES = 16 * 1024 * 1024;

/** Messages grouped into parse batches of at most {@link BATCH_MESSAGES} messages and {@link BATCH_BYTES} (or one larger message). */
export async function* batchesOf(messages: AsyncIterable<SourceMessage> | Iterable<SourceMessage>): AsyncGenerator<SourceMessage[]> {
  let batch: SourceMessage[] = [];
  let bytes = 0;
  for await (const m of messages) {
    if (batch.length > 0 && (batch.length >= BATCH_MESSAGES || bytes + m.raw.length > BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(m);
    bytes += m.raw.length;
  }
  if (batch.length > 0) yield batch;
}

/** Parses messages' bytes into records, in order (one worker job). */
export type ParseFn = (messages: Uint8Array[]) => Promise<ParsedRecord[]>;

/** The parse function over a tracked job's part runner. */
export const parserOf =
  (job: Pick<TrackedJob, 'run'>): ParseFn =>
  async (messages) => {
    const { EMAIL_PARSE_JOB_LIMITS } = await import('./ingest/parse-job');
    return (await job.run('email.parse.batch', { messages }, { limits: EMAIL_PARSE_JOB_LIMITS })).records;
  };

/** True for a cancel (the user's, or the profile locking): never bisected, never stored as unparsed. */
export const isCancel = (err: unknown): boolean => err instanceof AppError && err.code === 'CANCELLED';

/** Parses a batch; a message the worker cannot get through alone is kept as raw bytes with the reason. */
export async function parseBatch(parse: ParseFn, batch: readonly SourceMessage[]): Promise<ParsedRecord[]> {
  const out: ParsedRecord[] = new Array<ParsedRecord>(batch.length);
  const small: number[] = [];
  for (let i = 0; i < batch.length; i++) {
    const m = batch[i]!;
    if (m.raw.length > EMAIL_LIMITS.parseBytes)
      out[i] = await rawRecord(m.raw, `Larger than ${EMAIL_LIMITS.parseBytes / 1024 / 1024} MiB: kept as raw bytes, not read.`);
    else small.push(i);
  }
  const parsed = await bisect(
    parse,
    small.map((i) => batch[i]!.raw),
  );
  small.forEach((i, k) => (out[i] = parsed[k]!));
  return out;
}

async function bisect(parse: ParseFn, raws: readonly Buffer[]): Promise<ParsedRecord[]> {
  if (raws.length === 0) return [];
  try {
    // Copies: a Buffer is often a view into a larger chunk, and a worker would be sent all of it.
    const records = await parse(raws.map((r) => new Uint8Array(r)));
    if (records.length !== raws.length) throw new AppError('INTERNAL', 'The parser returned a different number of messages.');
    return records;
  } catch (err) {
    if (isCancel(err)) throw err;
    if (raws.length === 1) return [await rawRecord(raws[0]!, `The parser failed on this message: ${err instanceof Error ? err.message : String(err)}`)];
    const mid = Math.ceil(raws.length / 2);
    return [...(await bisect(parse, raws.slice(0, mid))), ...(await bisect(parse, raws.slice(mid)))];
  }
}

/** A message kept as it is (compressed here in main), listed as unparsed with `reason`. */
export async function rawRecord(raw: Buffer, reason: string): Promise<ParsedRecord> {
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const packed = await deflate(raw);
  const smaller = packed.length < raw.length;
  return {
    parsed: unparsedMessage(headerMessageId(raw), reason),
    sha256,
    size: raw.length,
    record: smaller ? packed : raw,
    compression: smaller ? 'deflate-raw' : 'none',
  };
}

function unparsedMessage(messageId: string, error: string): ParsedMessage {
  const none = { name: '', address: '' };
  return {
    messageId,
    subject: '',
    from: none,
    to: [],
    cc: [],
    dateMs: null,
    dateHeader: '',
    inReplyTo: '',
    references: [],
    gmailThreadId: '',
    labels: [],
    text: '',
    snippet: '',
    attachments: [],
    attachmentText: '',
    hasHtml: false,
    hasCalendar: false,
    status: 'unparsed',
    error,
  };
}

/** The Message-ID of an unreadable message, found by a plain look at its header (for dedupe only). */
function headerMessageId(raw: Buffer): string {
  const head = raw.subarray(0, 64 * 1024).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const m = /^message-id:[ \t]*<([^>\r\n]{1,900})>/im.exec(end >= 0 ? head.slice(0, end) : head);
  return m ? m[1]!.trim() : '';
}

/**
 * Puts the bytes of the records not stored yet (and every mbox segment) into packs, outside any transaction.
 * A record that turns out to be stored already gets no location.
 */
export async function packBatch(
  core: EmailCore,
  batch: readonly SourceMessage[],
  records: readonly ParsedRecord[],
): Promise<{ locations: (PackLocation | undefined)[]; segments: (PackLocation | undefined)[] }> {
  const known = await existingIds(core.ctx.db(), records);
  const firstOf = new Set<string>();
  const write: Uint8Array[] = [];
  const slots: { kind: 'record' | 'segment'; i: number }[] = [];
  records.forEach((r, i) => {
    const key = identity(r);
    if (known.has(key) || firstOf.has(key)) return;
    firstOf.add(key);
    write.push(r.record);
    slots.push({ kind: 'record', i });
  });
  batch.forEach((m, i) => {
    if (!m.segment) return;
    // A segment is stored as it is (compression 'none'): the provenance row has no compression column.
    write.push(m.segment);
    slots.push({ kind: 'segment', i });
  });
  const locs = write.length > 0 ? await core.packs.write(write) : [];
  const locations = new Array<PackLocation | undefined>(records.length).fill(undefined);
  const segments = new Array<PackLocation | undefined>(batch.length).fill(undefined);
  slots.forEach((s, k) => ((s.kind === 'record' ? locations : segments)[s.i] = locs[k]));
  return { locations, segments };
}

/** Packs and stores a parsed batch (the second half of an ingest; file imports pipeline the two halves). */
export async function storeParsed(
  core: EmailCore,
  batch: readonly SourceMessage[],
  records: readonly ParsedRecord[],
  target: IngestTarget,
): Promise<IngestResult> {
  if (batch.length === 0) return { imported: 0, duplicates: 0, unparsed: 0, ids: [] };
  const { locations, segments } = await packBatch(core, batch, records);
  return storeBatch(core, { batch, records, locations, segments, target });
}

/** The Ingest part (see email-parts.ts): a source row, and parse + store of one batch as a tracked job. */
export function createIngest(core: EmailCore): Ingest {
  return {
    async source(kind, name, preamble = '') {
      const id = newId();
      const now = core.iso();
      await core.ctx.write(async (trx) => {
        await trx.insertInto('email_sources').values({ id, kind, name, preamble, created_at: now, updated_at: now, deleted_at: null }).execute();
      });
      return id;
    },

    async ingest(batch, target, signal) {
      if (batch.length === 0) return { imported: 0, duplicates: 0, unparsed: 0, ids: [] };
      const jobs = core.ctx.host.jobs;
      return jobs.track('Archiving mail', batch.length, async (job) => {
        const stop = (): void => void jobs.cancel(job.jobId);
        if (signal?.aborted) stop();
        signal?.addEventListener('abort', stop, { once: true });
        try {
          const out: IngestResult = { imported: 0, duplicates: 0, unparsed: 0, ids: [] };
          const parts: SourceMessage[][] = [];
          for await (const part of batchesOf(batch)) parts.push(part);
          for (const [i, part] of parts.entries()) {
            const records = await parseBatch(parserOf(job), part);
            if (job.signal.aborted) throw new AppError('CANCELLED', 'Cancelled; nothing was changed.');
            // The IMAP state (the last UID) is the whole batch's: written with its last part only.
            const r = await storeParsed(core, part, records, i === parts.length - 1 ? target : { ...target, imap: undefined });
            out.imported += r.imported;
            out.duplicates += r.duplicates;
            out.unparsed += r.unparsed;
            out.ids.push(...r.ids);
          }
          return out;
        } finally {
          signal?.removeEventListener('abort', stop);
        }
      });
    },
  };
}
