/**
 * The import pipeline (issue 12): a source's messages in batches (`batchesOf`), each parsed in a worker while the
 * batch before it is stored, so reading, parsing and storing overlap; batches are stored strictly in order, so the
 * checkpoint only ever moves past stored messages.
 */
import { AppError } from '../../../src-shared/ipc/result';
import type { TrackedJob } from '../../platform/jobs/job-tracker';
import type { EmailCore } from './email-core';
import { parseBatch, parserOf, storeParsed } from './email-ingest';
import type { IngestResult, IngestTarget } from './email-parts';
import type { ParsedRecord, SourceMessage } from './email-types';

/** Batches parsed at once (the worker pool runs two jobs in parallel). */
const PARALLEL_BATCHES = 2;

export interface PipeHooks {
  /** Asked after each stored batch: true stops the pipeline there (pause, cancel). */
  stop(): boolean;
  /** Before each store (e.g. to save the mbox preamble first). */
  beforeStore?(): Promise<void>;
  stored(batch: readonly SourceMessage[], result: IngestResult): void;
}

/**
 * Parses and stores every batch under `job` (cancelled: its parts throw CANCELLED); true when all were stored,
 * false when `hooks.stop()` ended it early (the batch being parsed then is dropped, not stored).
 */
export async function pipeBatches(
  core: EmailCore,
  job: TrackedJob,
  batches: AsyncIterable<SourceMessage[]>,
  target: IngestTarget,
  hooks: PipeHooks,
): Promise<boolean> {
  const parse = parserOf(job);
  const pending: Promise<{ batch: SourceMessage[]; records: ParsedRecord[] }>[] = [];
  const storeNext = async (): Promise<boolean> => {
    const { batch, records } = await pending.shift()!;
    if (job.signal.aborted) throw new AppError('CANCELLED', 'Cancelled.');
    await hooks.beforeStore?.();
    hooks.stored(batch, await storeParsed(core, batch, records, target));
    return hooks.stop();
  };
  for await (const batch of batches) {
    const p = parseBatch(parse, batch).then((records) => ({ batch, records }));
    p.catch(() => undefined); // awaited in order below; a stop leaves the last one unawaited
    pending.push(p);
    while (pending.length >= PARALLEL_BATCHES) if (await storeNext()) return false;
  }
  while (pending.length > 0) if ((await storeNext()) && pending.length > 0) return false;
  return true;
}
