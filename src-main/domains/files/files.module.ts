import type { filesContract } from '../../../src-shared/domains/files/files.contract';
import { nowIso } from '../../lib/ids';
import { SYNC_DOMAIN, type ModuleFactory } from '../../platform/module';
import { createAddHandler } from './files-add';
import { createArchiveHandler } from './files-archive';
import type { FilesContext } from './files-core';
import { createEditHandlers } from './files-edit';
import { createFolderHandlers } from './files-folders';
import { createLinkHandlers } from './files-links';
import { createReadHandlers } from './files-read';
import { createSearchHandler } from './files-search';
import { createExtractor } from './files-text';
import { createVersionHandlers } from './files-versions';

/**
 * The file library (docs/architecture.md#files): rows in `files` / `file_folders` / `file_versions` /
 * `file_links` pointing at the profile's encrypted blob store, an FTS5 index over names, tags and extracted
 * text, and text extraction after each add (PDFs in a worker job).
 */
export const createFilesModule: ModuleFactory<typeof filesContract> = (ctx) => {
  const store = () => ctx.host.blobs().store;
  const extractor = createExtractor(ctx, store);
  const fx: FilesContext = { ctx, store, nowIso: () => nowIso(ctx.now), extractSoon: extractor.extractSoon };
  return {
    handlers: {
      ...createReadHandlers(fx),
      ...createFolderHandlers(fx),
      ...createAddHandler(fx),
      ...createEditHandlers(fx),
      ...createVersionHandlers(fx),
      ...createSearchHandler(fx),
      ...createLinkHandlers(fx),
      ...createArchiveHandler(fx),
    },
    /** Files whose text was not read before the last lock (or a CLI run that ended) are read now, in the background. */
    onUnlock: async () => {
      const pending = await ctx.db().selectFrom('files').select('id').where('text_status', '=', 'pending').where('deleted_at', 'is', null).execute();
      if (pending.length > 0) void extractor.extractSoon(pending.map((r) => r.id));
    },
    /** Files that arrived from another device get their text read here too: the search index is each device's own. */
    onCommitted: (changes, by) => {
      if (by !== SYNC_DOMAIN) return;
      const ids = [...new Set(changes.filter((c) => c.table === 'files' && c.op !== 'delete').map((c) => c.rowId))];
      if (ids.length > 0) void extractor.indexSoon(ids);
    },
    onLock: () => extractor.stop(),
  };
};
