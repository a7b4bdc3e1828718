import type { z } from 'zod';
import type { sharingOps } from '../../../src-shared/domains/sync/sync-sharing.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { KeyChangedError, type SharedCollections } from '../../sync/collections';
import { SyncError } from '../../sync/types';
import { toAppError } from './sync-errors';

type Ops = typeof sharingOps;
type Handlers = { [K in keyof Ops]: (input: z.output<Ops[K]['input']>) => Promise<z.input<Ops[K]['output']>> };

/**
 * The sharing ops of the sync module (src-main/sync/collections.ts does the work). Errors about the collection
 * itself keep their own words (not the owner, no such account); network and server trouble read as in the status.
 */
export function sharingHandlers(collections: () => SharedCollections): Handlers {
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      throw asAppError(err);
    }
  };
  return {
    collections: () => run(() => collections().refresh()),
    shareBatches: (input) => run(() => collections().shareBatches(input.name)),
    fingerprint: () => run(async () => ({ fingerprint: await collections().fingerprint() })),
    memberKey: (input) => run(async () => ({ email: input.email, fingerprint: await collections().memberKey(input.email) })),
    invite: (input) => run(() => collections().invite(input.collectionId, input.email, input.role, input.fingerprint)),
    removeMember: (input) => run(() => collections().removeMember(input.collectionId, input.accountId)),
  };
}

function asAppError(err: unknown): unknown {
  if (!(err instanceof SyncError)) return err;
  if (err instanceof KeyChangedError) return new AppError('CONFLICT', err.message.slice(0, 500));
  if (err.code === 'NOT_FOUND') return new AppError('NOT_FOUND', 'No such sync account or shared collection on this server.');
  if (err.code === 'FORBIDDEN') return new AppError('FORBIDDEN', 'Only the owner of a shared collection manages its members.');
  if (err.code === 'BAD_REQUEST') return new AppError('INVALID_INPUT', err.message.slice(0, 500));
  if (err.code === 'CONFLICT') return new AppError('CONFLICT', 'The shared collection changed meanwhile (its key was rotated): try again.');
  return toAppError(err, 'sync');
}
