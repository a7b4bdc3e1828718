import type { TextStatus } from '../../../src-shared/domains/files/files.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import type { BlobStore } from '../../blobs/blob-store';
import type { DomainContext } from '../../platform/context';
import { cleanIndexText } from './files-search';
import { MAX_TEXT_CHARS } from './files-text.job';

/** Plain text formats decoded in main (cheap); PDFs go to a worker. */
const TEXT_MIMES = new Set(['text/plain', 'text/markdown', 'text/csv', 'application/json']);
const PDF = 'application/pdf';
/** Bytes of a text file read for the index. */
const MAX_TEXT_BYTES = 2 * 1024 * 1024;
/** PDFs past this size are not read for text (the parser holds the whole file). */
export const MAX_PDF_BYTES = 64 * 1024 * 1024;
const PDF_LIMITS = { maxOldGenerationSizeMb: 384, timeoutMs: 60_000 };

const decodeText = (bytes: Buffer): string => cleanIndexText(new TextDecoder('utf-8', { fatal: false }).decode(bytes).slice(0, MAX_TEXT_CHARS));

/**
 * The searchable text a file starts with, read before its write: plain text formats are decoded at once (the
 * first 2 MiB: cheap, so a text file is searchable by content as soon as it is added); a PDF is 'pending' until
 * its worker job has run; anything else has no text.
 */
export async function initialText(store: BlobStore, blob: { id: string; mime: string; size: number }): Promise<{ status: TextStatus; text: string }> {
  if (TEXT_MIMES.has(blob.mime)) return { status: 'done', text: decodeText(await readUpTo(store, blob.id, MAX_TEXT_BYTES)) };
  if (blob.mime === PDF && blob.size <= MAX_PDF_BYTES) return { status: 'pending', text: '' };
  return { status: 'none', text: '' };
}

async function readUpTo(store: BlobStore, blobId: string, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = await store.open(blobId);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      total += chunk.length;
      if (total >= max) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, max);
}

/**
 * PDF text extraction for search, after the file's write committed: one file at a time (a bulk add of PDFs never
 * holds more than one in memory), each result written with its own write only if the file still has that
 * content. A failure marks the file 'failed' (it stays findable by name); a lock or cancel leaves it 'pending',
 * and unlock picks pending files up again.
 */
export function createExtractor(ctx: DomainContext, store: () => BlobStore) {
  let chain: Promise<void> = Promise.resolve();
  let generation = 0;

  type Row = { blob_id: string; mime: string; doc: number };

  /** The file's searchable text: a PDF through its worker job, anything else decoded as text. */
  async function readText(row: Row): Promise<string> {
    if (row.mime === PDF) {
      const bytes = await readUpTo(store(), row.blob_id, MAX_PDF_BYTES);
      const out = await ctx.host.jobs.run('Reading text from a PDF', 'files.extract.text', { bytes: new Uint8Array(bytes) }, { limits: PDF_LIMITS });
      return out.text;
    }
    return decodeText(await readUpTo(store(), row.blob_id, MAX_TEXT_BYTES));
  }

  async function extractOne(id: string, gen: number): Promise<void> {
    if (gen !== generation) return;
    const row = await ctx.db().selectFrom('files').select(['blob_id', 'mime', 'size', 'doc', 'text_status']).where('id', '=', id).executeTakeFirst();
    if (!row || row.text_status !== 'pending') return;
    let text: string;
    let status: TextStatus = 'done';
    try {
      text = await readText(row);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'CANCELLED' || err.code === 'LOCKED')) return;
      ctx.log.warn(`text extraction failed: ${err instanceof AppError ? err.code : 'error'}`);
      text = '';
      status = 'failed';
    }
    if (gen !== generation) return;
    await ctx.write(async (trx) => {
      // Only if the content is still the one read (a replace meanwhile queued its own extraction).
      const changed = await trx
        .updateTable('files')
        .set({ text_status: status })
        .where('id', '=', id)
        .where('blob_id', '=', row.blob_id)
        .where('text_status', '=', 'pending')
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) === 1)
        await trx
          .updateTable('files_fts')
          .set({ body: cleanIndexText(text) })
          .where('rowid', '=', row.doc)
          .execute();
    });
  }

  /**
   * A file row that arrived by sync: its text was read on the device that added it ('done'), but the index is each
   * device's own (files_fts never syncs), so this device reads the text again (fetching the bytes if they are not
   * here yet) and writes only its index row: no synced column changes, so nothing goes back out.
   */
  async function indexArrived(id: string, gen: number): Promise<void> {
    if (gen !== generation) return;
    const row = await ctx
      .db()
      .selectFrom('files')
      .select(['blob_id', 'mime', 'size', 'doc', 'text_status'])
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row || row.text_status !== 'done' || !(TEXT_MIMES.has(row.mime) || (row.mime === PDF && row.size <= MAX_PDF_BYTES))) return;
    const text = await readText(row);
    if (gen !== generation) return;
    await ctx.write(async (trx) => {
      const still = await trx.selectFrom('files').select('doc').where('id', '=', id).where('blob_id', '=', row.blob_id).executeTakeFirst();
      if (still)
        await trx
          .updateTable('files_fts')
          .set({ body: cleanIndexText(text) })
          .where('rowid', '=', still.doc)
          .execute();
    });
  }

  /** Runs `work` for each id after what is queued (one file at a time); errors are logged, never thrown. */
  function queue(ids: readonly string[], work: (id: string, gen: number) => Promise<void>): Promise<void> {
    const gen = generation;
    const run = chain.then(async () => {
      for (const id of ids) {
        await work(id, gen).catch((err: unknown) => {
          // Locked meanwhile: the file stays as it was and the next unlock (or sync) reads it.
          if (!(err instanceof AppError && (err.code === 'LOCKED' || err.code === 'CANCELLED'))) ctx.log.error('text extraction', err);
        });
      }
    });
    chain = run;
    return run;
  }

  return {
    /** Queues the files; resolves when they are done (errors are logged, never thrown). */
    extractSoon: (ids: readonly string[]): Promise<void> => queue(ids, extractOne),
    /** Indexes the text of files that arrived by sync (see indexArrived); resolves when done, never throws. */
    indexSoon: (ids: readonly string[]): Promise<void> => queue(ids, indexArrived),
    /** On lock: queued work is dropped (pending files are picked up at the next unlock). */
    stop(): void {
      generation++;
    },
  };
}
