import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import type { JobFn } from '../../../workers/job';
import type { ParsedRecord } from '../email-types';
import { withFastBlob } from './fast-blob';
import { parseMessage } from './parse-message';

/**
 * The `email.parse.batch` worker job: parses a batch of messages (parse-message.ts), hashes each one's bytes and
 * compresses them for the pack store, so postal-mime, hostile MIME and zlib run under a worker's heap and time
 * limits, never in main. Plain data in and out; storing is the importer's (in main).
 */
export interface ParseBatchInput {
  messages: Uint8Array[];
}

export interface ParseBatchOutput {
  records: ParsedRecord[];
}

/**
 * zlib level for stored messages: 1. On ~9 KB messages (text + HTML, 6 Received headers; best of 7 runs, CPU time)
 * level 1 deflates ~13,700 msg/s and level 6 ~9,000 msg/s, for 4 % more bytes (ratio 0.293 vs 0.281 of the raw size).
 * In the whole import (the bench's 5,000 generated messages) deflate at level 6 was a fifth of the parse workers' CPU,
 * and the import is below its 2,000 msg/s goal, so speed wins over those 4 %.
 */
export const DEFLATE_LEVEL = 1;

export const parseBatchJob: JobFn<ParseBatchInput, ParseBatchOutput> = (input, ctx) =>
  withFastBlob(async () => {
    const records: ParsedRecord[] = [];
    const total = input.messages.length;
    for (const raw of input.messages) {
      // The caller already has CANCELLED (worker-pool.ts); stopping early just frees the worker sooner.
      if (ctx.cancelled()) return { records };
      records.push(await parseRecord(raw));
      if (records.length % 50 === 0) ctx.progress(records.length, total);
    }
    ctx.progress(total, total);
    return { records };
  });

/** One message: parsed, hashed, compressed (or kept as is when deflate does not make it smaller). */
export async function parseRecord(raw: Uint8Array): Promise<ParsedRecord> {
  const parsed = await parseMessage(raw);
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const deflated = deflateRawSync(raw, { level: DEFLATE_LEVEL });
  const smaller = deflated.byteLength < raw.byteLength;
  return {
    parsed,
    sha256,
    size: raw.byteLength,
    // Copies of their own: a view would post its whole underlying buffer (zlib's pooled slab, or the batch's) back to main.
    record: new Uint8Array(smaller ? deflated : raw),
    compression: smaller ? 'deflate-raw' : 'none',
  };
}

/** Heap and time for one batch: messages up to 32 MiB each are parsed whole; a batch is sized by the importer. */
/**
 * A batch is at most 500 messages or 16 MiB (email-ingest.ts), and one message parsed whole at most 32 MiB: 512 MiB of
 * old space holds that with room, and keeps two parse workers' heaps within the import's memory goal (a larger limit
 * let V8 put off collecting: 720 MiB peak RSS at 1,536).
 */
export const EMAIL_PARSE_JOB_LIMITS = { maxOldGenerationSizeMb: 512, timeoutMs: 300_000, maxYoungGenerationSizeMb: 16 } as const;
