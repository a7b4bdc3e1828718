import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../app/bootstrap';
import { KDF_FLOOR } from '../crypto/kdf';

/** What the journal bench files share: the row group, the password, and a core on a fresh HEARTH root. */
export const JOURNAL_GROUP = 'Journal';
export const JOURNAL_PASSWORD = 'correct horse battery staple';
export const JOURNAL_ZONE = 'Europe/London';

/**
 * The real composition root (every module, the router, the blob hub, the worker pool) over `root`; KDF at the floor
 * (unlock is §1) unless `extra` says otherwise, as it may the clock and zone.
 */
export function benchCore(root: string, extra: Partial<CoreOptions> = {}): Core {
  return createCore({
    root,
    transport: 'cli',
    version: 'bench',
    kdfCost: KDF_FLOOR,
    resourcesDir: path.resolve(__dirname, '../../resources'),
    systemTimeZone: () => JOURNAL_ZONE,
    ...extra,
  });
}
