import { z } from 'zod';
import { defineContract, op } from '../../ipc/define';
import { Id, NoInput } from '../../lib/schema';
import {
  AttachInput,
  Attachment,
  ById,
  Entry,
  EntryInput,
  EntryPage,
  ExportInput,
  ExportResult,
  HeatmapDay,
  HeatmapInput,
  ImportCommitInput,
  ImportPreview,
  ImportPreviewInput,
  ImportResult,
  Journal,
  JournalInput,
  ListEntriesInput,
  MediaInput,
  MediaItem,
  MetricSeries,
  MetricSeriesInput,
  OnThisDayInput,
  OpenJournalInput,
  RestoreVersionInput,
  SearchHit,
  SearchInput,
  TagCount,
  Template,
  TemplateInput,
  TodayInput,
  UpdateEntryInput,
  UpdateJournalInput,
  Version,
} from './journal.schemas';

/** The journal: journals, Markdown entries with check-ins and attachments, search, history, imports and exports. */
export const journalContract = defineContract(
  'journal',
  {
    listJournals: op({ input: NoInput, output: z.array(Journal), summary: 'List journals' }),
    createJournal: op({ input: JournalInput, output: Journal, summary: 'Create a journal' }),
    /** Renames, recolours, edits check-in metrics; changing privacy needs the master password. */
    updateJournal: op({ input: UpdateJournalInput, output: Journal, summary: 'Edit a journal' }),
    /** Moves a journal and its entries to the trash. */
    deleteJournal: op({ input: ById, output: Journal, summary: 'Delete a journal' }),
    /** Opens a locked journal for this session (master password); it closes again on lock. */
    openJournal: op({ input: OpenJournalInput, output: Journal, summary: 'Open a locked journal' }),
    closeJournal: op({ input: ById, output: Journal, summary: 'Close a locked journal' }),

    /** The timeline, newest first, a page at a time. */
    list: op({ input: ListEntriesInput, output: EntryPage, summary: 'List entries' }),
    get: op({ input: ById, output: Entry, summary: 'Read an entry' }),
    create: op({ input: EntryInput, output: Entry, summary: 'Write an entry' }),
    /** Saves an edit; the previous title, body and tags become a version. */
    update: op({ input: UpdateEntryInput, output: Entry, summary: 'Edit an entry' }),
    trash: op({ input: ById, output: Entry, summary: 'Move an entry to the trash' }),
    restore: op({ input: ById, output: Entry, summary: 'Restore an entry from the trash' }),
    /** Opens today's entry in the journal, or creates it from the journal's daily template. */
    today: op({ input: TodayInput, output: Entry, summary: "Open or create today's entry" }),

    versions: op({ input: ById, output: z.array(Version), summary: "An entry's saved versions" }),
    restoreVersion: op({ input: RestoreVersionInput, output: Entry, summary: 'Restore an earlier version' }),

    search: op({ input: SearchInput, output: z.array(SearchHit), summary: 'Search entries' }),
    heatmap: op({ input: HeatmapInput, output: z.array(HeatmapDay), summary: 'Entries per day' }),
    onThisDay: op({ input: OnThisDayInput, output: z.array(EntryPage.shape.entries.element), summary: 'On this day in past years' }),
    tags: op({ input: NoInput, output: z.array(TagCount), summary: 'Tags with their entry counts' }),
    media: op({ input: MediaInput, output: z.array(MediaItem), summary: 'Photos and files of entries' }),
    metrics: op({ input: MetricSeriesInput, output: MetricSeries, summary: 'Check-in values over time' }),

    /** Claims an uploaded file (blobs.uploadTicket) as an attachment of an entry. */
    attach: op({ input: AttachInput, output: Attachment, summary: 'Attach a file to an entry' }),
    detach: op({ input: ById, output: Attachment, summary: 'Remove an attachment' }),

    templates: op({ input: NoInput, output: z.array(Template), summary: 'Entry templates' }),
    saveTemplate: op({ input: TemplateInput, output: Template, summary: 'Save a template' }),
    deleteTemplate: op({ input: ById, output: Template, summary: 'Delete a template' }),

    /** Parses uploaded files (Day One, Joplin, Markdown/Obsidian, Standard Notes, Hearth) and says what would be imported. */
    importPreview: op({ input: ImportPreviewInput, output: ImportPreview, summary: 'Preview an import' }),
    importCommit: op({ input: ImportCommitInput, output: ImportResult, summary: 'Import a previewed file' }),
    export: op({ input: ExportInput, output: ExportResult, summary: 'Export entries (Markdown zip, JSON, PDF)' }),
  },
  {
    /** Rows written (by the write path): entries, journals, attachments or templates changed. */
    changed: z.strictObject({ ids: z.array(Id).max(1000) }),
  },
);
