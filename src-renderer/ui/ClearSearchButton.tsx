import { X } from 'lucide-react';

/** The × at the right end of a search field; shown only while there is a query. */
export function ClearSearchButton({ query, onClear }: { query: string; onClear(): void }) {
  if (!query) return null;
  return (
    <button
      type="button"
      aria-label="Clear search"
      onClick={onClear}
      className="absolute top-1/2 right-1.5 -translate-y-1/2 rounded p-1 text-faint hover:text-text"
    >
      <X className="size-3.5" aria-hidden />
    </button>
  );
}
