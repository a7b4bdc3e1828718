import { FolderOpen, Tag, Trash2 } from 'lucide-react';
import { useEffect, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Callout } from '../../../ui/Callout';
import { EmptyState } from '../../../ui/EmptyState';
import { Spinner } from '../../../ui/Spinner';
import { entriesOf, stepFrom, type Entry } from '../entries';
import { openDialog } from '../file-dialogs';
import { restoreFolder, trashFile, trashFolder } from '../files-actions';
import { openView, selectFile, useFilesStore } from '../files.store';
import { GridRows, ListRows } from './FileRows';

function Empty() {
  const view = useFilesStore((s) => s.view);
  if (view.kind === 'trash')
    return (
      <EmptyState icon={Trash2} title="The trash is empty">
        Files and folders you delete wait here until you delete them for good.
      </EmptyState>
    );
  if (view.kind === 'tag')
    return (
      <EmptyState icon={Tag} title="No files with this tag">
        Add the tag to a file in its preview.
      </EmptyState>
    );
  return (
    <EmptyState icon={FolderOpen} title={view.folderId ? 'This folder is empty' : 'No files yet'}>
      Drop files or whole folders here, or use Add files. Everything is encrypted before it is stored.
    </EmptyState>
  );
}

/**
 * The middle list as one keyboard-driven listbox (keyed by view in FilesPage, so a folder cursor never outlives its folder): ↑/↓ move, Enter opens a folder (or the preview), F2 renames,
 * Delete moves to the trash, Backspace goes up a folder. Selecting a file shows it in the preview pane.
 */
export function FileList({ listRef, onOpenFile }: { listRef: RefObject<HTMLDivElement | null>; onOpenFile(): void }) {
  const { view, folders, files, loading, error, layout, selectedId } = useFilesStore(
    useShallow((s) => ({ view: s.view, folders: s.folders, files: s.files, loading: s.loading, error: s.error, layout: s.layout, selectedId: s.selectedId })),
  );
  const tree = useFilesStore((s) => s.tree);
  const entries = useMemo(() => entriesOf(view, view.kind === 'trash' ? folders : tree, files), [view, folders, tree, files]);
  const [folderCursor, setFolderCursor] = useState<string | null>(null);
  const cursor = selectedId ? `f:${selectedId}` : folderCursor;

  useEffect(() => {
    if (cursor) document.getElementById(`files-entry-${cursor}`)?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  const pick = (e: Entry | undefined) => {
    if (!e) return;
    if (e.type === 'file') {
      setFolderCursor(null);
      selectFile(e.file.id);
    } else {
      selectFile(null);
      setFolderCursor(e.key);
    }
  };
  const open = (e: Entry) => {
    if (e.type === 'file') return onOpenFile();
    if (view.kind === 'trash') return void restoreFolder(e.folder.id).catch(() => undefined);
    openView({ kind: 'folder', folderId: e.folder.id });
  };
  const current = entries.find((e) => e.key === cursor);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const parent = view.kind === 'folder' && view.folderId ? (tree.find((f) => f.id === view.folderId)?.parentId ?? null) : undefined;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') pick(stepFrom(entries, cursor, event.key === 'ArrowDown' ? 1 : -1));
    else if (event.key === 'Home' || event.key === 'End') pick(event.key === 'Home' ? entries[0] : entries.at(-1));
    else if (event.key === 'Enter' && current) open(current);
    else if (event.key === 'F2' && current && view.kind !== 'trash')
      openDialog(current.type === 'file' ? { kind: 'rename-file', file: current.file } : { kind: 'rename-folder', folder: current.folder });
    else if (event.key === 'Delete' && current && view.kind !== 'trash')
      void (current.type === 'file' ? trashFile(current.file.id) : trashFolder(current.folder.id)).catch(() => undefined);
    else if ((event.key === 'Backspace' || (event.altKey && event.key === 'ArrowUp')) && parent !== undefined) openView({ kind: 'folder', folderId: parent });
    else return;
    event.preventDefault();
  };

  if (error)
    return (
      <Callout tone="danger" className="m-4">
        {error}
      </Callout>
    );
  if (loading && entries.length === 0) {
    return (
      <div className="flex h-full items-center justify-center gap-2 text-[13px] text-muted">
        <Spinner /> Loading files…
      </div>
    );
  }
  if (entries.length === 0) return <Empty />;
  const Rows = layout === 'grid' ? GridRows : ListRows;
  return (
    <div
      ref={listRef}
      role="listbox"
      tabIndex={0}
      aria-label="Files"
      aria-activedescendant={cursor ? `files-entry-${cursor}` : undefined}
      onKeyDown={onKeyDown}
      className="h-full overflow-y-auto pb-3 outline-none focus-visible:ring-2 focus-visible:ring-focus/40 focus-visible:ring-inset"
      data-testid="file-list"
    >
      <Rows entries={entries} cursor={cursor} onPick={pick} onOpen={open} />
    </div>
  );
}
