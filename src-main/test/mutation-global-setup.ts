import path from 'node:path';
import { buildWorkerBundle } from '../workers/worker.build';

/**
 * Global setup for mutation runs (vitest.mutation.config.ts): like global-setup.ts, but the worker bundle goes to its
 * own file. Stryker's sandbox links the real node_modules, so the usual path would overwrite the bundle that
 * ordinary test runs on the same checkout are loading.
 */
export default async function setup(): Promise<void> {
  const outfile = path.resolve(import.meta.dirname, `../../node_modules/.cache/hearth-mutation/worker-${process.pid}.cjs`);
  await buildWorkerBundle(outfile);
  process.env.HEARTH_WORKER_ENTRY = outfile;
}
