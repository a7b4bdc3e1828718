import type { CliContext } from './context';

/**
 * Writes an export the core handed over as a blob to the file the user named, then releases the store's copy. The CLI
 * is main, so it streams the file straight from the encrypted store (as `vault export` does); the file itself is not
 * encrypted, and the user is told so.
 */
export async function saveExport(ctx: CliContext, blobId: string, out: string): Promise<void> {
  process.stderr.write('Note: the exported file is not encrypted.\n');
  const blobs = ctx.core.blobs();
  try {
    await blobs.store.exportTo(blobId, out);
  } finally {
    await blobs.release(blobId, 'export').catch(() => process.stderr.write('Note: the temporary copy stays in the encrypted store until it lapses.\n'));
  }
}
