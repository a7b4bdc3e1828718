import { parentPort } from 'node:worker_threads';
import { AppError } from '../../src-shared/ipc/result';
import type { JobContext, JobFn, JobRequest, WorkerMessage } from './job';
import { jobs } from './jobs';

/**
 * The worker thread's entry (built to dist/main/worker.cjs). It runs exactly one job and then main
 * terminates it, so no state survives from one job to the next.
 */
const port = parentPort;
if (!port) throw new Error('worker-entry must run in a worker thread');

const post = (m: WorkerMessage): void => port.postMessage(m);

port.once('message', (req: JobRequest) => {
  const flag = new Int32Array(req.cancelFlag);
  const ctx: JobContext = {
    progress: (done, total) => post({ type: 'progress', done, total }),
    cancelled: () => Atomics.load(flag, 0) === 1,
  };
  const job = (jobs as Record<string, JobFn<unknown, unknown>>)[req.name];
  void (async () => {
    try {
      if (!job) throw new AppError('UNKNOWN_OPERATION', `No worker job named ${req.name}.`);
      post({ type: 'done', value: await job(req.input, ctx) });
    } catch (err) {
      const app = err instanceof AppError;
      const e = err as AppError;
      post({
        type: 'error',
        error: {
          app,
          code: app ? e.code : undefined,
          message: app ? e.message : String((err as Error)?.message ?? err),
          issues: app ? e.issues : undefined,
          file: app ? e.file : undefined,
        },
      });
    }
  })();
});
