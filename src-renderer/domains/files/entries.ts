import type { FileSummary, Folder } from '../../../src-shared/domains/files/files.schemas';
import { childrenOf } from './folder-tree';
import type { FilesView } from './files.store';

/** One row of the middle list: a folder (opened with Enter) or a file (previewed when selected). */
export type Entry = { type: 'folder'; key: string; folder: Folder } | { type: 'file'; key: string; file: FileSummary };

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });

/**
 * What the list shows for a view, folders first, both by name (Finder order). In the trash only the folders
 * trashed at the top of what was trashed are listed: restoring one brings back what was inside.
 */
export function entriesOf(view: FilesView, folders: readonly Folder[], files: readonly FileSummary[]): Entry[] {
  let shownFolders: Folder[] = [];
  if (view.kind === 'folder') shownFolders = childrenOf(folders, view.folderId);
  if (view.kind === 'trash') {
    const trashed = new Set(folders.map((f) => f.id));
    shownFolders = folders.filter((f) => !f.parentId || !trashed.has(f.parentId)).sort(byName);
  }
  return [
    ...shownFolders.map((folder): Entry => ({ type: 'folder', key: `d:${folder.id}`, folder })),
    ...[...files].sort(byName).map((file): Entry => ({ type: 'file', key: `f:${file.id}`, file })),
  ];
}

/** The entry `step` rows from `key` (clamped), or the first one when `key` is not in the list. */
export function stepFrom(entries: readonly Entry[], key: string | null, step: number): Entry | undefined {
  const at = entries.findIndex((e) => e.key === key);
  if (at < 0) return entries[0];
  return entries[Math.max(0, Math.min(entries.length - 1, at + step))];
}
