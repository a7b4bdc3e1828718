import { ArrowLeft, FolderInput, MousePointerClick, Pencil, RefreshCw, RotateCcw, Save, Trash2 } from 'lucide-react';
import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatDate } from '../../../lib/dates';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { EmptyState } from '../../../ui/EmptyState';
import { detailPlaceholder } from '../../../ui/DetailPlaceholder';
import { Tooltip } from '../../../ui/Tooltip';
import { openDialog } from '../file-dialogs';
import { replaceFile, restoreFile, trashFile } from '../files-actions';
import { formatSize, typeLabel } from '../files-format';
import { selectFile, useFilesStore } from '../files.store';
import { LinkedFrom, TagsEditor, VersionsList } from './FileDetails';
import { FileIcon } from './FileIcon';
import { FilePreview } from './FilePreview';

/** The right pane: the open file's preview, facts, actions, tags, versions and the records linking to it. */
export function PreviewPane() {
  const { detail, selectedId, detailError } = useFilesStore(useShallow((s) => ({ detail: s.detail, selectedId: s.selectedId, detailError: s.detailError })));
  const replaceInput = useRef<HTMLInputElement>(null);
  const placeholder = detailPlaceholder({
    selected: selectedId !== null,
    error: detailError,
    loaded: detail !== null,
    errorClassName: 'm-4',
    empty: (
      <EmptyState icon={MousePointerClick} title="No file selected">
        Choose a file to preview it. Drop files or folders anywhere on the list to add them.
      </EmptyState>
    ),
  });
  if (placeholder !== null || !detail) return placeholder;
  const file = detail;
  const trashed = file.deletedAt !== null;
  return (
    <div key={file.id} className="flex flex-col gap-4 p-4" data-testid="file-preview">
      <Button variant="ghost" size="sm" icon={ArrowLeft} className="-ml-2 self-start @4xl:hidden" onClick={() => selectFile(null)}>
        Back to the list
      </Button>
      <header className="flex items-start gap-3">
        <FileIcon mime={file.mime} thumbnailId={file.thumbnailId} />
        <div className="min-w-0 flex-1">
          <h2 className="text-[15px] font-semibold break-words text-text" data-testid="preview-title">
            {file.name}
          </h2>
          <p className="text-xs text-muted">
            {typeLabel(file.mime)} · {formatSize(file.size)} · {file.path.map((f) => f.name).join(' / ') || 'Files'}
          </p>
        </div>
      </header>
      {trashed ? (
        <Callout tone="warning">
          <p>In the trash since {formatDate(file.deletedAt ?? '')}.</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button size="sm" icon={RotateCcw} onClick={() => void restoreFile(file.id).catch(() => undefined)}>
              Restore
            </Button>
            <Button size="sm" variant="ghost" icon={Trash2} className="text-danger hover:text-danger" onClick={() => openDialog({ kind: 'purge', file })}>
              Delete forever…
            </Button>
          </div>
        </Callout>
      ) : (
        <div className="flex flex-wrap gap-1.5">
          <Button size="sm" icon={Save} onClick={() => openDialog({ kind: 'save-copy', file })}>
            Save a copy…
          </Button>
          <Tooltip label="Rename" shortcut="F2">
            <Button size="sm" icon={Pencil} onClick={() => openDialog({ kind: 'rename-file', file })}>
              Rename
            </Button>
          </Tooltip>
          <Button size="sm" icon={FolderInput} onClick={() => openDialog({ kind: 'move', file })}>
            Move…
          </Button>
          <Tooltip label="New content; the old one is kept under Versions">
            <Button size="sm" icon={RefreshCw} onClick={() => replaceInput.current?.click()}>
              Replace…
            </Button>
          </Tooltip>
          <Tooltip label="Move to trash" shortcut="Delete">
            <Button size="sm" variant="ghost" icon={Trash2} aria-label="Move to trash" onClick={() => void trashFile(file.id).catch(() => undefined)} />
          </Tooltip>
          <input
            ref={replaceInput}
            type="file"
            hidden
            aria-label="New content"
            onChange={(e) => {
              const picked = e.target.files?.[0];
              e.target.value = '';
              if (picked) void replaceFile(file.id, picked).catch(() => undefined);
            }}
          />
        </div>
      )}
      <FilePreview key={file.blobId} file={file} />
      <TagsEditor file={file} readOnly={trashed} />
      <LinkedFrom file={file} />
      <VersionsList file={file} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-xs">
        <dt className="text-faint">Added</dt>
        <dd className="text-muted">{formatDate(file.createdAt)}</dd>
        <dt className="text-faint">Modified</dt>
        <dd className="text-muted">{formatDate(file.updatedAt)}</dd>
        {file.textStatus === 'pending' ? (
          <>
            <dt className="text-faint">Search</dt>
            <dd className="text-muted">Reading the text for search…</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
