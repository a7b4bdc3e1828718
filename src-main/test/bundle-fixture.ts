import path from 'node:path';
import { build } from 'esbuild';

/** Where bundled fixtures go: inside the repository, so they resolve kysely and the SQLite driver from node_modules. */
const CACHE = path.resolve(import.meta.dirname, '../../node_modules/.cache/hearth-test');

/**
 * Bundles a TypeScript test fixture (a script a test runs as a real child process: a writer to SIGKILL, a
 * migration to stop mid-way) into one CommonJS file for `node`, and returns its path. Packages stay external.
 */
export async function bundleFixture(entry: string, name: string): Promise<string> {
  const outfile = path.join(CACHE, `${name}.cjs`);
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node22', packages: 'external', logLevel: 'warning' });
  return outfile;
}
