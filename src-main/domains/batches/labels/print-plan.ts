import { AppError } from '../../../../src-shared/ipc/result';
import { MAX_LABELS_PER_JOB } from './label-content';

/** Most copies of one label in a job. */
export const MAX_COPIES_PER_LABEL = 1000;

/** One print job's batches in print order, each once, with its number of copies. */
export interface PrintPlan {
  readonly ids: string[];
  readonly copies: number[];
  readonly labels: number;
}

/**
 * Orders a print request: batches in the order given, a batch named twice printed once with the copies
 * added up, `copiesEach` (one count per id) or else `copies` for every batch. Throws INVALID_INPUT for a
 * count list of the wrong length or more than {@link MAX_COPIES_PER_LABEL} copies of one batch, and
 * TOO_LARGE past {@link MAX_LABELS_PER_JOB} labels in all, before anything is loaded or drawn.
 */
export function printPlan(batchIds: readonly string[], copies: number, copiesEach?: readonly number[]): PrintPlan {
  if (copiesEach && copiesEach.length !== batchIds.length) {
    throw new AppError('INVALID_INPUT', `Give one copy count per batch (${batchIds.length} batches, ${copiesEach.length} counts).`);
  }
  const byId = new Map<string, number>();
  batchIds.forEach((id, i) => byId.set(id, (byId.get(id) ?? 0) + (copiesEach?.[i] ?? copies)));
  let labels = 0;
  for (const [id, n] of byId) {
    if (n > MAX_COPIES_PER_LABEL) throw new AppError('INVALID_INPUT', `Batch ${id} is asked for ${n} copies; at most ${MAX_COPIES_PER_LABEL}.`);
    labels += n;
  }
  if (labels > MAX_LABELS_PER_JOB) {
    throw new AppError('TOO_LARGE', `${labels} labels is more than ${MAX_LABELS_PER_JOB} in one print job; print in smaller batches.`);
  }
  return { ids: [...byId.keys()], copies: [...byId.values()], labels };
}
