import { useEffect, useRef } from 'react';
import { isAltKey, isModKey } from '../../lib/shortcuts';
import { cx } from '../../ui/cx';
import { DropZone, UploadBar } from './components/DropZone';
import { FileList } from './components/FileList';
import { FilesDialogs } from './components/FilesDialogs';
import { FilesToast } from './components/FilesToast';
import { FilesToolbar } from './components/FilesToolbar';
import { FolderTree } from './components/FolderTree';
import { PreviewPane } from './components/PreviewPane';
import { SearchResults } from './components/SearchResults';
import { openDialog } from './file-dialogs';
import { say, startFiles, useFilesStore } from './files.store';

const dialogOpen = (): boolean => document.querySelector('[role="dialog"][data-state="open"]') !== null;

/**
 * Files: the folder tree on the left, the folder's files (or search hits) in the middle, the open file's
 * preview on the right. Below 896 px of page width the tree folds away (breadcrumbs and the Trash button
 * remain) and the preview takes the place of the list while a file is open.
 */
export function FilesPage() {
  const view = useFilesStore((s) => s.view);
  const searching = useFilesStore((s) => s.query.trim() !== '');
  const selected = useFilesStore((s) => s.selectedId !== null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLElement>(null);

  useEffect(() => {
    const stop = startFiles();
    return () => {
      stop();
      say(null); // A notice belongs to the visit it was about.
    };
  }, []);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || dialogOpen()) return;
      if (isModKey(event, 'f')) searchRef.current?.select();
      else if ((isAltKey(event, 'n') || isModKey(event, 'n')) && view.kind === 'folder') openDialog({ kind: 'new-folder', parentId: view.folderId });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [view]);

  return (
    <div className="@container h-full">
      <div className="flex h-full min-h-0" data-testid="files-page">
        <FolderTree />
        <section aria-label="File list" className={cx('flex min-w-0 flex-1 flex-col bg-surface', selected && '@max-4xl:hidden')}>
          <FilesToolbar searchRef={searchRef} />
          <DropZone folderId={view.kind === 'folder' ? view.folderId : null}>
            {searching ? <SearchResults /> : <FileList key={JSON.stringify(view)} listRef={listRef} onOpenFile={() => previewRef.current?.focus()} />}
          </DropZone>
          <UploadBar />
        </section>
        <section
          ref={previewRef}
          tabIndex={-1}
          aria-label="Preview"
          className={cx(
            'min-w-0 overflow-y-auto border-l border-line bg-canvas outline-none @4xl:w-[360px] @4xl:shrink-0 @6xl:w-[440px]',
            selected ? '@max-4xl:flex-1' : '@max-4xl:hidden',
          )}
        >
          <PreviewPane />
        </section>
      </div>
      <FilesDialogs />
      <FilesToast />
    </div>
  );
}
