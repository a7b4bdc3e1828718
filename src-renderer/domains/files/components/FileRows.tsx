import { Tag } from 'lucide-react';
import { formatDate } from '../../../lib/dates';
import { cx } from '../../../ui/cx';
import type { Entry } from '../entries';
import { formatSize, typeLabel } from '../files-format';
import { FileIcon, FolderIcon } from './FileIcon';

interface RowsProps {
  entries: readonly Entry[];
  cursor: string | null;
  onPick(entry: Entry): void;
  onOpen(entry: Entry): void;
}

function Tags({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <span className="flex min-w-0 items-center gap-1 truncate text-xs text-muted">
      <Tag className="size-3 shrink-0 text-faint" aria-hidden />
      <span className="truncate">{tags.join(', ')}</span>
    </span>
  );
}

/** Name, type, size, modified and tags in columns; narrow pages drop the type and tag columns. */
export function ListRows({ entries, cursor, onPick, onOpen }: RowsProps) {
  return (
    <>
      <div className="sticky top-0 z-10 grid grid-cols-[minmax(0,1fr)_96px_72px_96px] gap-3 border-b border-line bg-surface px-4 py-1.5 text-[11px] font-medium text-faint @max-6xl:grid-cols-[minmax(0,1fr)_72px_96px]">
        <span>Name</span>
        <span className="@max-6xl:hidden">Type</span>
        <span className="text-right">Size</span>
        <span>Modified</span>
      </div>
      {entries.map((e) => {
        const name = e.type === 'folder' ? e.folder.name : e.file.name;
        return (
          <div
            key={e.key}
            id={`files-entry-${e.key}`}
            role="option"
            aria-selected={cursor === e.key}
            data-testid={e.type === 'folder' ? 'folder-row' : 'file-row'}
            onClick={() => onPick(e)}
            onDoubleClick={() => onOpen(e)}
            className={cx(
              'mx-1.5 grid cursor-default grid-cols-[minmax(0,1fr)_96px_72px_96px] items-center gap-3 rounded-md px-2.5 py-1 text-[13px] select-none @max-6xl:grid-cols-[minmax(0,1fr)_72px_96px]',
              cursor === e.key ? 'bg-accent-soft' : 'hover:bg-hover/70',
            )}
          >
            <span className="flex min-w-0 items-center gap-2.5">
              {e.type === 'folder' ? <FolderIcon /> : <FileIcon mime={e.file.mime} thumbnailId={e.file.thumbnailId} />}
              <span className="min-w-0">
                <span className="block truncate text-text" title={name}>
                  {name}
                </span>
                {e.type === 'file' ? <Tags tags={e.file.tags} /> : null}
              </span>
            </span>
            <span className="truncate text-xs text-muted @max-6xl:hidden">{e.type === 'folder' ? 'Folder' : typeLabel(e.file.mime)}</span>
            <span className="text-right text-xs text-muted tabular-nums">{e.type === 'file' ? formatSize(e.file.size) : '—'}</span>
            <span className="truncate text-xs text-muted">{formatDate(e.type === 'folder' ? e.folder.updatedAt : e.file.updatedAt)}</span>
          </div>
        );
      })}
    </>
  );
}

/** Cards with thumbnails, for pictures. */
export function GridRows({ entries, cursor, onPick, onOpen }: RowsProps) {
  return (
    <div className="grid grid-cols-[repeat(auto-fill,minmax(132px,1fr))] gap-2 p-3">
      {entries.map((e) => {
        const name = e.type === 'folder' ? e.folder.name : e.file.name;
        return (
          <div
            key={e.key}
            id={`files-entry-${e.key}`}
            role="option"
            aria-selected={cursor === e.key}
            data-testid={e.type === 'folder' ? 'folder-row' : 'file-row'}
            onClick={() => onPick(e)}
            onDoubleClick={() => onOpen(e)}
            className={cx('flex min-w-0 cursor-default flex-col gap-1.5 rounded-lg p-2 select-none', cursor === e.key ? 'bg-accent-soft' : 'hover:bg-hover/70')}
          >
            {e.type === 'folder' ? <FolderIcon size="lg" /> : <FileIcon mime={e.file.mime} thumbnailId={e.file.thumbnailId} size="lg" />}
            <span className="truncate text-[13px] text-text" title={name}>
              {name}
            </span>
            <span className="text-[11px] text-muted">{e.type === 'file' ? formatSize(e.file.size) : 'Folder'}</span>
          </div>
        );
      })}
    </div>
  );
}
