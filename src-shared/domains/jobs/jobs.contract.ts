import { z } from 'zod';
import { defineContract, op } from '../../ipc/define';
import { Id, NoInput } from '../../lib/schema';

/** Where a background job stands; every job ends with exactly one of the last three. */
export const JobState = z.enum(['running', 'done', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobState>;

/**
 * One job's progress, as the tray shows it. `total` 0 means "size not known yet" (an indeterminate bar).
 * `elapsedMs` is measured in main, so the renderer can hide jobs shorter than a second without comparing clocks.
 */
export const JobProgress = z.strictObject({
  jobId: Id,
  /** Human wording: "Printing 5,000 labels". Never carries a secret or a file's content. */
  label: z.string().max(200),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  state: JobState,
  elapsedMs: z.number().int().nonnegative(),
});
export type JobProgress = z.infer<typeof JobProgress>;

export const jobsContract = defineContract(
  'jobs',
  {
    /** The jobs running now (a renderer that starts late catches up with this, then follows `progress`). */
    list: op({ input: NoInput, output: z.array(JobProgress).max(1000), summary: 'Background jobs running now' }),
    /** Stops a running job; `cancelled` is false when it had already ended. The job's caller gets CANCELLED. */
    cancel: op({ input: z.strictObject({ jobId: Id }), output: z.strictObject({ cancelled: z.boolean() }), summary: 'Cancel a background job' }),
  },
  {
    /** A job started, moved (at most four times a second) or ended. */
    progress: JobProgress,
  },
);
