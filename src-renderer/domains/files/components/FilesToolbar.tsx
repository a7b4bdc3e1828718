import { Archive, ChevronRight, FilePlus2, FolderPlus, FolderUp, LayoutGrid, List, Search, Trash2 } from 'lucide-react';
import { useRef, type ChangeEvent, type RefObject } from 'react';
import { altShortcutLabel, shortcutLabel } from '../../../lib/shortcuts';
import { Button } from '../../../ui/Button';
import { ClearSearchButton } from '../../../ui/ClearSearchButton';
import { cx } from '../../../ui/cx';
import { Tooltip } from '../../../ui/Tooltip';
import { openDialog } from '../file-dialogs';
import { uploadFiles } from '../files-actions';
import { pathTo } from '../folder-tree';
import { openView, setLayout, setQuery, useFilesStore } from '../files.store';
import { fromPickedFiles } from '../paths';

function Breadcrumbs() {
  const view = useFilesStore((s) => s.view);
  const tree = useFilesStore((s) => s.tree);
  if (view.kind !== 'folder') return <h2 className="truncate text-[13px] font-semibold text-text">{view.kind === 'trash' ? 'Trash' : `Tag: ${view.tag}`}</h2>;
  const path = pathTo(tree, view.folderId);
  const crumbs = [{ id: null as string | null, name: 'Files' }, ...path];
  return (
    <nav aria-label="Folder path" className="flex min-w-0 items-center gap-0.5 text-[13px]">
      {crumbs.map((c, i) => (
        <span key={c.id ?? 'root'} className={cx('flex items-center gap-0.5', i < crumbs.length - 1 ? 'shrink' : 'min-w-0')}>
          {i > 0 ? <ChevronRight className="size-3.5 shrink-0 text-faint" aria-hidden /> : null}
          <button
            type="button"
            aria-current={i === crumbs.length - 1 ? 'page' : undefined}
            onClick={() => openView({ kind: 'folder', folderId: c.id })}
            className={cx('truncate rounded px-1 py-0.5 hover:bg-hover', i === crumbs.length - 1 ? 'font-semibold text-text' : 'text-muted')}
          >
            {c.name}
          </button>
        </span>
      ))}
    </nav>
  );
}

/** Breadcrumbs, search and the library's actions (add files or a folder, new folder, layout, encrypted export). */
export function FilesToolbar({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const view = useFilesStore((s) => s.view);
  const query = useFilesStore((s) => s.query);
  const layout = useFilesStore((s) => s.layout);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const folderId = view.kind === 'folder' ? view.folderId : null;
  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    // Copied before the reset: clearing the input empties its FileList.
    const picked = fromPickedFiles(e.target.files ?? []);
    e.target.value = '';
    void uploadFiles(picked, folderId);
  };

  return (
    <div className="flex flex-col gap-2 border-b border-line px-4 py-2.5">
      <div className="flex min-w-0 items-center gap-2">
        <div className="min-w-0 flex-1">
          <Breadcrumbs />
        </div>
        <Tooltip label={view.kind === 'trash' ? 'Back to files' : 'Trash'}>
          <Button
            size="sm"
            variant="ghost"
            icon={Trash2}
            aria-label="Trash"
            aria-pressed={view.kind === 'trash'}
            className="@4xl:hidden"
            onClick={() => openView(view.kind === 'trash' ? { kind: 'folder', folderId: null } : { kind: 'trash' })}
          />
        </Tooltip>
        <Tooltip label={layout === 'list' ? 'Show as grid' : 'Show as list'}>
          <Button
            size="sm"
            variant="ghost"
            icon={layout === 'list' ? LayoutGrid : List}
            aria-label={layout === 'list' ? 'Show as grid' : 'Show as list'}
            onClick={() => setLayout(layout === 'list' ? 'grid' : 'list')}
          />
        </Tooltip>
        <Tooltip label="Export an encrypted archive">
          <Button
            size="sm"
            variant="ghost"
            icon={Archive}
            aria-label="Export encrypted archive"
            onClick={() => openDialog(folderId ? { kind: 'archive', folderId, what: 'this folder' } : { kind: 'archive', what: 'all files' })}
          />
        </Tooltip>
        {view.kind === 'folder' ? (
          <>
            <Tooltip label="New folder" shortcut={altShortcutLabel('N')}>
              <Button
                size="sm"
                variant="ghost"
                icon={FolderPlus}
                aria-label="New folder"
                onClick={() => openDialog({ kind: 'new-folder', parentId: folderId })}
              />
            </Tooltip>
            <Tooltip label="Add a folder with everything in it">
              <Button size="sm" variant="ghost" icon={FolderUp} aria-label="Add folder" onClick={() => folderInput.current?.click()} />
            </Tooltip>
            <Button size="sm" variant="primary" icon={FilePlus2} className="ml-1" onClick={() => filesInput.current?.click()}>
              Add files
            </Button>
          </>
        ) : null}
      </div>
      <div className="flex items-center gap-2">
        <label className="relative min-w-0 flex-1">
          <span className="sr-only">Search files</span>
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-faint" aria-hidden />
          <input
            ref={searchRef}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Escape' || !query) return;
              e.preventDefault();
              setQuery('');
            }}
            placeholder={`Search names and contents (${shortcutLabel('F')})`}
            className="field-input h-8 pr-8 pl-8 text-[13px]"
            maxLength={200}
          />
          <ClearSearchButton query={query} onClear={() => setQuery('')} />
        </label>
        <input ref={filesInput} type="file" multiple hidden aria-label="Files to add" onChange={pick} />
        <input ref={folderInput} type="file" hidden aria-label="Folder to add" {...{ webkitdirectory: '' }} onChange={pick} />
      </div>
    </div>
  );
}
