import { Upload, X } from 'lucide-react';
import { useState, type DragEvent, type ReactNode } from 'react';
import { Button } from '../../../ui/Button';
import { cx } from '../../../ui/cx';
import { cancelUpload, uploadFiles } from '../files-actions';
import { say, useFilesStore } from '../files.store';
import { entriesOfDrop, walkEntries } from '../paths';

const hasFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files');

/** Takes files and whole folders dropped on the list (folders recursively, keeping their structure). */
export function DropZone({ folderId, children }: { folderId: string | null; children: ReactNode }) {
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setOver(false);
    // The entries must be taken now: the browser empties the list once this handler returns.
    const entries = entriesOfDrop(e.dataTransfer.items);
    void walkEntries(entries)
      .then((files) => uploadFiles(files, folderId))
      .catch((err: unknown) => say(err instanceof Error ? err.message : 'That drop could not be read.', 'danger'));
  };
  return (
    <div
      className="relative min-h-0 flex-1"
      onDragOver={(e) => hasFiles(e) && (e.preventDefault(), setOver(true))}
      onDragLeave={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setOver(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      {children}
      {over ? (
        <div className="pointer-events-none absolute inset-2 flex items-center justify-center rounded-xl border-2 border-dashed border-accent bg-accent-soft/80 text-[13px] font-medium text-accent">
          <Upload className="mr-2 size-4" aria-hidden /> Drop to add here, encrypted
        </div>
      ) : null}
    </div>
  );
}

/** The running upload: which file, how many of how many, and Stop. */
export function UploadBar() {
  const upload = useFilesStore((s) => s.upload);
  if (!upload) return null;
  const pct = Math.floor((upload.done / Math.max(1, upload.total)) * 100);
  return (
    <div className="flex items-center gap-3 border-t border-line bg-raised px-4 py-2 text-[13px]" data-testid="upload-bar">
      <span className="min-w-0 flex-1 truncate text-text">
        Adding {upload.done + 1} of {upload.total}: {upload.current}
      </span>
      <div
        role="progressbar"
        aria-label="Adding files"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-1.5 w-32 overflow-hidden rounded-full bg-subtle"
      >
        <div className={cx('h-full rounded-full bg-accent transition-[width]')} style={{ width: `${pct}%` }} />
      </div>
      <Button size="sm" variant="ghost" icon={X} disabled={upload.cancelled} onClick={cancelUpload}>
        {upload.cancelled ? 'Stopping…' : 'Stop'}
      </Button>
    </div>
  );
}
