import { z } from 'zod';
import { defineContract, op } from '../../ipc/define';
import { Id } from '../../lib/schema';
import {
  AddFileInput,
  AddFileResult,
  ById,
  CreateFolderInput,
  ExportArchiveInput,
  ExportArchiveResult,
  FileDetail,
  FileLink,
  FileList,
  FileSummary,
  FileTicket,
  FileTicketInput,
  Folder,
  LinkedFile,
  LinkInput,
  LinksOfInput,
  ListFilesInput,
  MoveFileInput,
  Removed,
  RenameFileInput,
  RenameFolderInput,
  ReplaceFileInput,
  RestoreVersionInput,
  SearchInput,
  SearchResult,
  SetTagsInput,
  UnlinkInput,
} from './files.schemas';

/**
 * The file library (issue 9): encrypted files in folders, with tags, versions, full-text search and links
 * from other domains' records. Bytes go in through `blobs.uploadTicket` (then `add`) and out through `ticket`.
 */
export const filesContract = defineContract(
  'files',
  {
    /** Folders (all of them, for the tree) and the files of one folder, one tag, or the trash. */
    list: op({ input: ListFilesInput, output: FileList, summary: 'List folders and files' }),
    /** One file with its folder path, earlier versions and the records it is attached to. */
    get: op({ input: ById, output: FileDetail, summary: 'File details' }),

    createFolder: op({ input: CreateFolderInput, output: Folder, summary: 'Create a folder' }),
    renameFolder: op({ input: RenameFolderInput, output: Folder, summary: 'Rename a folder' }),
    /** Moves a folder, its subfolders and their files to the trash. */
    trashFolder: op({ input: ById, output: Folder, summary: 'Move a folder to the trash' }),
    /** Brings back a trashed folder with everything trashed with it (and its parents, if they were trashed). */
    restoreFolder: op({ input: ById, output: Folder, summary: 'Restore a folder from the trash' }),

    /** Claims an uploaded blob as a library file; the same content already in the library is returned, not added. */
    add: op({ input: AddFileInput, output: AddFileResult, summary: 'Add an uploaded file to the library' }),
    rename: op({ input: RenameFileInput, output: FileSummary, summary: 'Rename a file' }),
    move: op({ input: MoveFileInput, output: FileSummary, summary: 'Move a file to a folder' }),
    setTags: op({ input: SetTagsInput, output: FileSummary, summary: 'Set the tags of a file' }),
    trash: op({ input: ById, output: FileSummary, summary: 'Move a file to the trash' }),
    restore: op({ input: ById, output: FileSummary, summary: 'Restore a file from the trash' }),
    /** Deletes a trashed file for good, with its versions and links (its content is collected later). */
    purge: op({ input: ById, output: Removed, summary: 'Delete a trashed file for good' }),
    /** New content for a file; the old content becomes a version. */
    replace: op({ input: ReplaceFileInput, output: FileSummary, summary: 'Replace the content of a file' }),
    /** Makes an earlier version current again (the current content becomes a version). */
    restoreVersion: op({ input: RestoreVersionInput, output: FileSummary, summary: 'Restore an earlier version' }),

    /** Ranked full-text search over names, tags and extracted text, with highlighted snippets. */
    search: op({ input: SearchInput, output: SearchResult, summary: 'Search files' }),
    /** A short-lived URL to preview or download a file (or one of its versions). */
    ticket: op({ input: FileTicketInput, output: FileTicket, summary: 'Get a URL to preview or download a file' }),

    /** Attaches a file to a record of another domain (a vault item, a batch …). */
    link: op({ input: LinkInput, output: FileLink, summary: 'Attach a file to a record' }),
    unlink: op({ input: UnlinkInput, output: Removed, summary: 'Detach a file from a record' }),
    /** The live files attached to one record (for its "Attachments" slot). */
    linksOf: op({ input: LinksOfInput, output: z.array(LinkedFile).max(1000), summary: 'Files attached to a record' }),

    /** Files (or a folder, or everything) as one password-protected Hearth encrypted file, by download ticket. */
    exportArchive: op({ input: ExportArchiveInput, output: ExportArchiveResult, summary: 'Export files as an encrypted archive' }),
  },
  {
    /** Files, folders or links changed (their ids). */
    changed: z.strictObject({ ids: z.array(Id).max(1000) }),
  },
);
