import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles the worker entry for tests (vitest's global setup), the way `vite build --mode main` bundles it
 * to dist/main/worker.cjs for the app: CommonJS for Node, packages external (resolved from node_modules).
 * Dev/test time only; never imported by app code.
 */
export const WORKER_ENTRY = path.join(import.meta.dirname, 'worker-entry.ts');

export async function buildWorkerBundle(outfile: string): Promise<void> {
  await build({
    entryPoints: [WORKER_ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}
