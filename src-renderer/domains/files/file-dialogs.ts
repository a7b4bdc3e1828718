import { create } from 'zustand';
import type { FileSummary, Folder } from '../../../src-shared/domains/files/files.schemas';
import { onSessionReset } from '../../lib/session-reset';

/** The one dialog the Files page may show at a time (opened from the list, the preview, the toolbar or a key). */
export type FileDialog =
  | { kind: 'new-folder'; parentId: string | null }
  | { kind: 'rename-file'; file: FileSummary }
  | { kind: 'rename-folder'; folder: Folder }
  | { kind: 'move'; file: FileSummary }
  | { kind: 'save-copy'; file: FileSummary; versionId?: string }
  | { kind: 'archive'; ids?: string[]; folderId?: string; what: string }
  | { kind: 'purge'; file: FileSummary };

export const useFileDialog = create<{ dialog: FileDialog | null }>()(() => ({ dialog: null }));

export const openDialog = (dialog: FileDialog): void => useFileDialog.setState({ dialog });
export const closeDialog = (): void => useFileDialog.setState({ dialog: null });

onSessionReset(closeDialog);
