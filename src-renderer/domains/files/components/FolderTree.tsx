import { ChevronRight, Folder, FolderOpen, HardDrive, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { Folder as FolderRow } from '../../../../src-shared/domains/files/files.schemas';
import { cx } from '../../../ui/cx';
import { childrenOf, pathTo } from '../folder-tree';
import { openView, useFilesStore, type FilesView } from '../files.store';

const itemClass = (active: boolean) =>
  cx(
    'flex h-7 w-full min-w-0 items-center gap-1.5 rounded-md pr-2 text-left text-[13px]',
    active ? 'bg-hover font-medium text-text' : 'text-muted hover:bg-hover/70 hover:text-text',
  );

function Branch({
  folders,
  parentId,
  depth,
  view,
  open,
  toggle,
}: {
  folders: FolderRow[];
  parentId: string | null;
  depth: number;
  view: FilesView;
  open: Set<string>;
  toggle(id: string): void;
}) {
  const children = childrenOf(folders, parentId);
  if (children.length === 0) return null;
  return (
    <ul role={depth === 0 ? undefined : 'group'}>
      {children.map((f) => {
        const active = view.kind === 'folder' && view.folderId === f.id;
        const hasChildren = folders.some((c) => c.parentId === f.id);
        const expanded = open.has(f.id);
        return (
          <li key={f.id} role="treeitem" aria-expanded={hasChildren ? expanded : undefined} aria-selected={active}>
            <div className={itemClass(active)} style={{ paddingLeft: `${4 + depth * 14}px` }}>
              <button
                type="button"
                tabIndex={-1}
                aria-hidden
                onClick={() => toggle(f.id)}
                className={cx('rounded p-0.5 text-faint', !hasChildren && 'invisible')}
              >
                <ChevronRight className={cx('size-3 transition-transform', expanded && 'rotate-90')} />
              </button>
              <button type="button" onClick={() => openView({ kind: 'folder', folderId: f.id })} className="flex min-w-0 flex-1 items-center gap-1.5">
                {active ? <FolderOpen className="size-4 shrink-0 text-accent" aria-hidden /> : <Folder className="size-4 shrink-0 text-faint" aria-hidden />}
                <span className="truncate">{f.name}</span>
              </button>
            </div>
            {expanded ? <Branch folders={folders} parentId={f.id} depth={depth + 1} view={view} open={open} toggle={toggle} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The folder tree (the open folder's parents unfold by themselves), the library's tags and the trash. */
export function FolderTree() {
  const view = useFilesStore((s) => s.view);
  const tree = useFilesStore((s) => s.tree);
  const files = useFilesStore((s) => s.files);
  const [opened, setOpened] = useState<Set<string>>(new Set());
  const path = view.kind === 'folder' ? pathTo(tree, view.folderId).map((f) => f.id) : [];
  const open = new Set([...opened, ...path]);
  const toggle = (id: string) => setOpened((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  // Tags of the files listed; none for the trash, whose tags would lead to lists without those (trashed) files.
  const tags = view.kind === 'trash' ? [] : [...new Set(files.flatMap((f) => f.tags))].sort().slice(0, 30);
  return (
    <nav aria-label="Folders" className="flex w-[220px] shrink-0 flex-col gap-3 overflow-y-auto border-r border-line bg-canvas px-2 py-3 @max-4xl:hidden">
      <div role="tree" aria-label="Folders">
        <button
          type="button"
          onClick={() => openView({ kind: 'folder', folderId: null })}
          className={cx(itemClass(view.kind === 'folder' && view.folderId === null), 'pl-2')}
        >
          <HardDrive className="size-4 shrink-0 text-faint" aria-hidden /> All files
        </button>
        <Branch folders={tree} parentId={null} depth={0} view={view} open={open} toggle={toggle} />
      </div>
      {tags.length > 0 ? (
        <div>
          <h3 className="px-2 pb-1 text-[11px] font-medium text-faint">{view.kind === 'folder' ? 'Tags in this folder' : 'Tags'}</h3>
          {tags.map((t) => (
            <button
              key={t}
              type="button"
              onClick={() => openView({ kind: 'tag', tag: t })}
              className={cx(itemClass(view.kind === 'tag' && view.tag === t), 'pl-2')}
            >
              <span className="truncate"># {t}</span>
            </button>
          ))}
        </div>
      ) : null}
      <button type="button" onClick={() => openView({ kind: 'trash' })} className={cx(itemClass(view.kind === 'trash'), 'mt-auto pl-2')}>
        <Trash2 className="size-4 shrink-0 text-faint" aria-hidden /> Trash
      </button>
    </nav>
  );
}
