import { SearchX } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { Callout } from '../../../ui/Callout';
import { EmptyState } from '../../../ui/EmptyState';
import { Spinner } from '../../../ui/Spinner';
import { cx } from '../../../ui/cx';
import { formatSize } from '../files-format';
import { selectFile, useFilesStore } from '../files.store';
import { FileIcon } from './FileIcon';
import { Highlighted } from './Highlighted';

const FIELD = { name: 'Name', tags: 'Tags', text: 'Content' } as const;

/** Ranked hits over names, tags and the text inside files, each with its snippet (matches marked). */
export function SearchResults() {
  const { query, hits, searchError, selectedId } = useFilesStore(
    useShallow((s) => ({ query: s.query, hits: s.hits, searchError: s.searchError, selectedId: s.selectedId })),
  );
  if (searchError)
    return (
      <Callout tone="danger" className="m-4">
        {searchError}
      </Callout>
    );
  if (!hits) {
    return (
      <div className="flex h-full items-center justify-center gap-2 text-[13px] text-muted">
        <Spinner /> Searching…
      </div>
    );
  }
  if (hits.length === 0) {
    return (
      <EmptyState icon={SearchX} title="No matches">
        Nothing matches “{query.trim()}”. Search covers names, tags and the text inside PDFs and text files (found a moment after they are added).
      </EmptyState>
    );
  }
  return (
    <ul className="flex flex-col gap-0.5 overflow-y-auto p-1.5" aria-label="Search results" data-testid="search-results">
      {hits.map((hit) => (
        <li key={hit.file.id}>
          <button
            type="button"
            onClick={() => selectFile(hit.file.id)}
            aria-current={selectedId === hit.file.id || undefined}
            className={cx(
              'flex w-full items-start gap-2.5 rounded-md px-2.5 py-2 text-left',
              selectedId === hit.file.id ? 'bg-accent-soft' : 'hover:bg-hover/70',
            )}
            data-testid="search-hit"
          >
            <FileIcon mime={hit.file.mime} thumbnailId={hit.file.thumbnailId} />
            <span className="min-w-0 flex-1">
              <span className="flex items-baseline gap-2">
                <span className="truncate text-[13px] font-medium text-text">{hit.file.name}</span>
                <span className="shrink-0 text-[11px] text-faint">
                  {FIELD[hit.field]} · {formatSize(hit.file.size)}
                </span>
              </span>
              <Highlighted snippet={hit.snippet} className="mt-0.5 line-clamp-2 text-xs break-words text-muted" />
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
