import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../../src-shared/ipc/result';

/** The file `npm run build` writes next to the main bundle (vite.config.ts, main build). */
export const CUSTOMER_PAGE_SCRIPT_FILE = 'customer-page.js';

/** Folders to look in: this module's folder (a bundle entry) and its parent (when bundled into a chunk). */
function candidates(): string[] {
  // `__dirname` exists in the CommonJS bundles (Electron main, CLI); not when running from source.
  const here = typeof __dirname === 'string' ? __dirname : null;
  return here ? [path.join(here, CUSTOMER_PAGE_SCRIPT_FILE), path.join(here, '..', CUSTOMER_PAGE_SCRIPT_FILE)] : [];
}

let cached: Promise<string> | null = null;

/** The prebuilt customer page script, read once. UNSUPPORTED when this build does not have it. */
export function loadCustomerPageScript(): Promise<string> {
  cached ??= (async () => {
    for (const file of candidates()) {
      const text = await readFile(file, 'utf8').catch(() => null);
      if (text) return text;
    }
    cached = null;
    throw new AppError('UNSUPPORTED', 'The customer page script is missing from this build. Run: npm run build');
  })();
  return cached;
}
