import type { journalContract } from '../../../src-shared/domains/journal/journal.contract';
import type { ModuleFactory } from '../../platform/module';
import { createJournalCore } from './journal-core';
import { createEntries } from './journal-entries';
import { createExtras } from './journal-extras';
import type { JournalIo } from './journal-io.service';
import { createJournals } from './journal-journals';
import { createReads } from './journal-read';

/** The journal module: its contract's handlers, assembled from the journal's parts over the DomainContext. */
export const createJournalModule: ModuleFactory<typeof journalContract> = (ctx) => {
  const core = createJournalCore(ctx);
  const journals = createJournals(core);
  const entries = createEntries(core);
  const reads = createReads(core);
  const extras = createExtras(core, entries);
  // Importers and exporters (zip, tar, YAML, pdf-lib) load on first use only.
  let ioLoaded: JournalIo | null = null;
  const io = async (): Promise<JournalIo> => (ioLoaded ??= (await import('./journal-io.service')).createJournalIo(core));

  return {
    handlers: {
      listJournals: () => journals.list(),
      createJournal: (input) => journals.create(input),
      updateJournal: (input) => journals.update(input),
      deleteJournal: ({ id }) => journals.trash(id),
      openJournal: (input) => journals.open(input),
      closeJournal: ({ id }) => journals.close(id),

      list: (input) => reads.list(input),
      get: ({ id }) => entries.full(id),
      create: async (input) => {
        if (!input.templateId) return entries.create(input);
        const j = await core.assertReadable(input.journalId);
        const body = await extras.templateBody(input.templateId, j.name, input.timeZone ?? ctx.host.systemTimeZone());
        return entries.create(input, input.body || body);
      },
      update: (input) => entries.update(input),
      trash: ({ id }) => entries.setDeleted(id, true),
      restore: ({ id }) => entries.setDeleted(id, false),
      today: (input) => extras.today(input),

      versions: ({ id }) => extras.versions(id),
      restoreVersion: ({ entryId, versionId }) => extras.restoreVersion(entryId, versionId),

      search: (input) => reads.search(input),
      heatmap: (input) => reads.heatmap(input),
      onThisDay: (input) => reads.onThisDay(input),
      tags: () => reads.tags(),
      media: (input) => reads.media(input),
      metrics: (input) => reads.metrics(input),

      attach: (input) => extras.attach(input),
      detach: ({ id }) => extras.detach(id),

      templates: () => extras.templates(),
      saveTemplate: (input) => extras.saveTemplate(input),
      deleteTemplate: ({ id }) => extras.deleteTemplate(id),

      importPreview: async (input) => (await io()).preview(input),
      importCommit: async (input) => (await io()).commit(input),
      export: async (input) => (await io()).export(input),
    },
    onLock: () => {
      core.opened.clear();
      core.master.reset();
      ioLoaded?.clear();
    },
  };
};
