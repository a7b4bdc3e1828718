import { z } from 'zod';
import { defineContract, op } from '../../ipc/define';
import { Id, NoInput } from '../../lib/schema';
import {
  Account,
  AccountInput,
  AttachmentInput,
  Download,
  ExportInput,
  ExportResult,
  Folder,
  ImportInput,
  ImportPreview,
  ImportRun,
  LabelCount,
  LinkResult,
  ListInput,
  MessageDetail,
  MessagePage,
  MessageSummary,
  PdfInput,
  PdfResult,
  RunIdInput,
  SearchInput,
  SearchResult,
  SignupsInput,
  StartImportInput,
  SyncResult,
  ToFilesInput,
  VerifyResult,
} from './email.schemas';

const ById = z.strictObject({ id: Id });

/** The email archive: mbox, .eml/.emlx and IMAP imports, encrypted and searchable, exported byte for byte. */
export const emailContract = defineContract(
  'email',
  {
    importPreview: op({ input: ImportInput, output: ImportPreview, summary: 'Count what an import would add, without storing anything' }),
    importStart: op({ input: StartImportInput, output: ImportRun, summary: 'Import an mbox file or a folder of .eml/.emlx files' }),
    importRuns: op({ input: NoInput, output: z.array(ImportRun), summary: 'Imports, running and finished' }),
    importPause: op({ input: RunIdInput, output: ImportRun, summary: 'Pause an import (it resumes where it stopped)' }),
    importResume: op({ input: RunIdInput, output: ImportRun, summary: 'Resume a paused or interrupted import' }),
    importCancel: op({ input: RunIdInput, output: ImportRun, summary: 'Stop an import (what it stored stays)' }),

    accountAdd: op({ input: AccountInput, output: Account, summary: 'Add an IMAP account to archive (password kept in the vault)' }),
    accountList: op({ input: NoInput, output: z.array(Account), summary: 'IMAP accounts' }),
    accountRemove: op({ input: ById, output: Account, summary: 'Forget an IMAP account (its archived mail stays)' }),
    accountFolders: op({ input: ById, output: z.array(z.string()), summary: 'The folders on the IMAP server' }),
    accountSync: op({ input: ById, output: SyncResult, summary: 'Fetch new mail from an IMAP account (read-only on the server)' }),

    folders: op({ input: NoInput, output: z.array(Folder), summary: 'Archive folders with message counts' }),
    labels: op({ input: NoInput, output: z.array(LabelCount), summary: 'Labels with message counts' }),
    list: op({ input: ListInput, output: MessagePage, summary: 'Messages of a folder or label, newest first' }),
    get: op({ input: ById, output: MessageDetail, summary: 'Read a message: headers, text, HTML, attachments, provenance' }),
    thread: op({ input: ById, output: z.array(MessageSummary), summary: 'The messages of a message’s thread, oldest first' }),
    search: op({ input: SearchInput, output: SearchResult, summary: 'Full-text search with from: to: subject: has:attachment before: after: label:' }),
    attachment: op({ input: AttachmentInput, output: Download, summary: 'Download an attachment' }),
    attachmentToFiles: op({ input: ToFilesInput, output: LinkResult, summary: 'Save an attachment into Files' }),
    eventFromInvite: op({ input: ById, output: LinkResult, summary: 'Add a message’s invitation to the calendar' }),
    taskFromMessage: op({ input: ById, output: LinkResult, summary: 'Make a task from a message' }),
    signups: op({ input: SignupsInput, output: z.array(MessageSummary), summary: 'Sign-up and confirmation mails from these domains (accounts you have)' }),

    export: op({ input: ExportInput, output: ExportResult, summary: 'Export as an .eml tree or one mbox per folder, byte for byte' }),
    pdf: op({ input: PdfInput, output: PdfResult, summary: 'A message or its thread as PDF' }),
    verify: op({ input: NoInput, output: VerifyResult, summary: 'Check every stored message against its SHA-256' }),
  },
  {
    /** Rows written (by the write path). */
    changed: z.strictObject({ ids: z.array(Id).max(1000) }),
    /** An import's numbers as it goes (at most four a second). */
    progress: ImportRun,
  },
);
