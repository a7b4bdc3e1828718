import { Search } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../../src-shared/domains/files/files.schemas';
import { describeError } from '../../../lib/errors';
import { Modal } from '../../../ui/Modal';
import { Spinner } from '../../../ui/Spinner';
import { searchFiles } from '../files-actions';
import { formatSize } from '../files-format';
import { FileIcon } from './FileIcon';
import { Highlighted } from './Highlighted';

/** Finds a file in the library by name or content and hands back its id. */
export function LinkPicker({ exclude, onPick, onClose }: { exclude: Set<string>; onPick(fileId: string): void; onClose(): void }) {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ q: string; hits: SearchHit[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    let live = true;
    const timer = setTimeout(() => {
      searchFiles(q).then(
        (r) => {
          if (!live) return;
          setResult({ q, hits: r.hits });
          setError(null);
        },
        (err: unknown) => live && setError(describeError(err)),
      );
    }, 180);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  const hits = result && result.q === query.trim() ? result.hits : null;
  const shown = hits?.filter((h) => !exclude.has(h.file.id) && !h.file.deletedAt) ?? null;
  return (
    <Modal open onOpenChange={(o) => !o && onClose()} title="Link a file from Files" size="md">
      <label className="relative block">
        <span className="sr-only">Search files</span>
        <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-faint" aria-hidden />
        <input
          autoFocus
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          maxLength={200}
          placeholder="Search names and contents"
          className="field-input pl-8"
        />
      </label>
      <div className="mt-3 min-h-32">
        {error ? (
          <p role="alert" className="text-[13px] text-danger">
            {error}
          </p>
        ) : null}
        {query.trim() && shown === null && !error ? <Spinner /> : null}
        {shown?.length === 0 ? <p className="text-[13px] text-muted">No file matches “{query.trim()}”.</p> : null}
        {!query.trim() ? <p className="text-[13px] text-muted">Type part of a file's name or of the text inside it.</p> : null}
        <ul className="flex flex-col gap-0.5" aria-label="Matching files">
          {shown?.map((hit) => (
            <li key={hit.file.id}>
              <button
                type="button"
                onClick={() => onPick(hit.file.id)}
                className="flex w-full items-start gap-2.5 rounded-md px-2 py-1.5 text-left hover:bg-hover"
              >
                <FileIcon mime={hit.file.mime} thumbnailId={hit.file.thumbnailId} />
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-[13px] text-text">{hit.file.name}</span>
                  <Highlighted snippet={hit.snippet} className="line-clamp-1 text-xs text-muted" />
                </span>
                <span className="shrink-0 text-[11px] text-faint">{formatSize(hit.file.size)}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </Modal>
  );
}
