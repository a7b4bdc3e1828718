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
  const pdf = await renderLabelsPdf(input.labels, input.opts);
  ctx.progress(1, 1);
  return pdf;
};
