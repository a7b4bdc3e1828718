import type { blobsContract } from '../../src-shared/domains/blobs/blobs.contract';
import type { DomainContext } from '../platform/context';
import type { ModuleFactory } from '../platform/module';
import { createBlobHub, type BlobHub } from './blob-hub';

/**
 * The core's one blob hub, built from the `blobs` module's context (its writes are logged as domain `blobs`).
 * bootstrap.ts makes it once and shares it: the HTTP server, the app:// protocol, the CLI and other modules
 * (label PDFs) reach files through it, never through a second store.
 */
export const blobHubFor = (ctx: DomainContext): BlobHub =>
  createBlobHub({ session: () => ctx.host.profiles.current(), db: ctx.db, write: ctx.write, now: ctx.now });

/** The `blobs` module: ticket operations, cleanup after unlock, tickets dropped on lock. */
export const blobsModuleWith =
  (hub: (ctx: DomainContext<typeof blobsContract>) => BlobHub): ModuleFactory<typeof blobsContract> =>
  (ctx) => {
    const h = hub(ctx);
    return { handlers: h.handlers, onUnlock: () => h.onUnlock(), onLock: () => h.onLock() };
  };
