import type { jobsContract } from '../../../src-shared/domains/jobs/jobs.contract';
import type { ModuleFactory } from '../module';

/**
 * The `jobs` module: the renderer's window on `host.jobs` (the tracker lives in the core, built by createCore,
 * because every domain starts jobs through it and the lock must stop them all; this module only lists and cancels).
 */
export const createJobsModule: ModuleFactory<typeof jobsContract> = ({ host }) => ({
  handlers: {
    list: () => host.jobs.list(),
    cancel: ({ jobId }) => ({ cancelled: host.jobs.cancel(jobId) }),
  },
});
