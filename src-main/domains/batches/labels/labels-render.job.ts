import { AppError } from '../../../../src-shared/ipc/result';
import type { JobFn } from '../../../workers/job';
import type { LabelContent } from './label-content';
import { renderLabelsPdf, type RenderLabelsOptions } from './label-pdf';

/** What the label worker gets: plain label data and layout options, never the database or a key. */
export interface RenderLabelsJobInput {
  labels: LabelContent[];
  opts: RenderLabelsOptions;
}

/**
 * Worker job `batches.labels.render`: the whole label PDF, built off main so a 10,000-label job neither
 * blocks the app nor can take it down. Validation errors arrive in main as the same AppError.
 */
export const renderLabelsJob: JobFn<RenderLabelsJobInput, Uint8Array> = async (input, ctx) => {
  let steps = 1;
  // Progress every 50 labels (layout, then drawing); the PDF is written out after the last report.
  const pdf = await renderLabelsPdf(input.labels, input.opts, (done, total) => {
    // Cancelled: stop at the next report; main has already answered the caller with CANCELLED.
    if (ctx.cancelled()) throw new AppError('CANCELLED', 'Cancelled; nothing was changed.');
    ctx.progress(done, (steps = total));
  });
  ctx.progress(steps, steps);
  return pdf;
};
