import path from 'node:path';
import { buildWorkerBundle } from '../workers/worker.build';

/**
 * Vitest global setup: builds the worker-thread bundle once per run (about 0.3 s) inside node_modules/.cache,
 * where its external packages resolve, and points the worker pool at it through HEARTH_WORKER_ENTRY
 * (test processes inherit the variable).
 */
export default async function setup(): Promise<void> {
  const outfile = path.resolve(import.meta.dirname, '../../node_modules/.cache/hearth-test/worker.cjs');
  await buildWorkerBundle(outfile);
  process.env.HEARTH_WORKER_ENTRY = outfile;
}
