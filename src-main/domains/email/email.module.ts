import type { emailContract } from '../../../src-shared/domains/email/email.contract';
import type { ModuleFactory } from '../../platform/module';
import { createEmailCore } from './email-core';
import { createExport } from './email-export';
import { createImap } from './email-imap';
import { createImport } from './email-import';
import { createLinks } from './email-links';
import { createRead } from './email-read';

/** The email archive module: its contract's handlers, assembled from the archive's parts over the DomainContext. */
export const createEmailModule: ModuleFactory<typeof emailContract> = (ctx) => {
  const core = createEmailCore(ctx);
  const importer = createImport(core);
  const imap = createImap(core, { ingest: importer });
  const read = createRead(core);
  const links = createLinks(core);
  const exporter = createExport(core);

  return {
    handlers: {
      ...importer.handlers,
      ...imap.handlers,
      ...read.handlers,
      ...links.handlers,
      ...exporter.handlers,
    },
    onUnlock: () => importer.onUnlock(),
    onLock: () => {
      importer.clear();
      imap.clear();
      core.packs.clear();
    },
  };
};
