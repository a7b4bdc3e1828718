import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles the customer page's browser script (dev/build time only: vite.config.ts calls this during
 * `npm run build` and writes dist/main/customer-page.js; tests call it directly). Never imported by app code.
 *
 * The shared status rules import zod only to declare schemas at module level, which the page never
 * uses; zod is swapped for an inert stub so the script stays ~5 KB instead of ~470 KB. The page tests
 * run the bundled script, so a rule that started to need zod at runtime would fail them.
 */
export const CUSTOMER_PAGE_ENTRY = path.join(import.meta.dirname, 'customer-page.client.ts');
const ZOD_STUB = path.join(import.meta.dirname, 'zod-stub.ts');

export async function buildCustomerPageScript(): Promise<string> {
  const result = await build({
    entryPoints: [CUSTOMER_PAGE_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify: true,
    legalComments: 'none',
    alias: { zod: ZOD_STUB },
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no customer page script');
  return file.text.trim();
}
