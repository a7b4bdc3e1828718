import { FileText, Image } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { describeError } from '../../../lib/errors';
import { Callout } from '../../../ui/Callout';
import { EmptyState } from '../../../ui/EmptyState';
import { Spinner } from '../../../ui/Spinner';
import { media } from '../journal-data';
import type { MediaItem } from '../journal-types';
import { useJournalStore } from '../journal.store';
import { Thumb } from './Thumb';

/** Photos and files of the entries as a grid; a click opens the entry. */
export function MediaView() {
  const { journalId, open } = useJournalStore(useShallow((s) => ({ journalId: s.filter.journalId, open: s.open })));
  const [items, setItems] = useState<MediaItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    media(journalId).then(
      (m) => live && setItems(m),
      (err: unknown) => live && setError(describeError(err)),
    );
    return () => {
      live = false;
    };
  }, [journalId]);

  if (error)
    return (
      <Callout tone="danger" className="m-4">
        {error}
      </Callout>
    );
  if (!items)
    return (
      <p className="flex items-center gap-2 p-6 text-[13px] text-muted">
        <Spinner /> Loading media…
      </p>
    );
  if (items.length === 0)
    return (
      <EmptyState icon={Image} title="No photos or files yet">
        Attach a file to an entry (the paperclip, drag and drop, or paste an image) and it shows here.
      </EmptyState>
    );
  return (
    <ul className="grid h-full auto-rows-min grid-cols-[repeat(auto-fill,minmax(96px,1fr))] gap-1.5 overflow-y-auto p-3" data-testid="media-grid">
      {items.map((m) => (
        <li key={m.attachment.id}>
          <button
            type="button"
            onClick={() => void open(m.entryId)}
            title={`${m.attachment.name} · ${m.entryDate}`}
            className="block aspect-square w-full overflow-hidden rounded-md border border-line bg-subtle hover:ring-2 hover:ring-focus"
          >
            {m.attachment.thumbnailBlobId ? (
              <Thumb blobId={m.attachment.thumbnailBlobId} alt={m.attachment.name} className="size-full" />
            ) : (
              <span className="flex size-full flex-col items-center justify-center gap-1 p-1 text-faint">
                <FileText className="size-5" aria-hidden />
                <span className="w-full truncate text-center text-[10px]">{m.attachment.name}</span>
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
