import { SearchX } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { describeError } from '../../../lib/errors';
import { Callout } from '../../../ui/Callout';
import { EmptyState } from '../../../ui/EmptyState';
import { Spinner } from '../../../ui/Spinner';
import { search } from '../journal-data';
import { MOODS, shortDayLabel } from '../journal-style';
import type { SearchFilters, SearchHit } from '../journal-types';
import { useJournalStore } from '../journal.store';
import { snippetParts } from '../snippet';

const EMPTY: SearchFilters = { journalId: null, tag: null, from: '', to: '', hasAttachment: false, mood: null, includeLocked: false };
const select = 'field-input h-7 w-auto px-2 text-xs';

/** Search results with filters; snippet matches become <mark> through React text nodes (never innerHTML). */
export function SearchView({ query }: { query: string }) {
  const { journals, tags, openId, open } = useJournalStore(useShallow((s) => ({ journals: s.journals, tags: s.tags, openId: s.openId, open: s.open })));
  const [f, setF] = useState<SearchFilters>(EMPTY);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      search({
        query,
        journalId: f.journalId ?? undefined,
        tag: f.tag ?? undefined,
        from: f.from || undefined,
        to: f.to || undefined,
        hasAttachment: f.hasAttachment || undefined,
        mood: f.mood ?? undefined,
        includeLocked: f.includeLocked,
      }).then(
        (h) => live && (setHits(h), setError(null)),
        (err: unknown) => live && setError(describeError(err)),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, f]);

  const up = (p: Partial<SearchFilters>) => setF((old) => ({ ...old, ...p }));
  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="search-results">
      <div className="flex flex-wrap items-center gap-1.5 border-b border-line px-3 py-2 text-xs">
        <select aria-label="Journal" className={select} value={f.journalId ?? ''} onChange={(e) => up({ journalId: e.target.value || null })}>
          <option value="">All journals</option>
          {journals.map((j) => (
            <option key={j.id} value={j.id}>
              {j.name}
            </option>
          ))}
        </select>
        <select aria-label="Tag" className={select} value={f.tag ?? ''} onChange={(e) => up({ tag: e.target.value || null })}>
          <option value="">Any tag</option>
          {tags.map((t) => (
            <option key={t.tag}>{t.tag}</option>
          ))}
        </select>
        <select aria-label="Mood" className={select} value={f.mood ?? ''} onChange={(e) => up({ mood: e.target.value ? Number(e.target.value) : null })}>
          <option value="">Any mood</option>
          {MOODS.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
        <input type="date" aria-label="From" className={select} value={f.from} onChange={(e) => up({ from: e.target.value })} />
        <input type="date" aria-label="To" className={select} value={f.to} onChange={(e) => up({ to: e.target.value })} />
        <label className="flex items-center gap-1 text-muted">
          <input type="checkbox" checked={f.hasAttachment} onChange={(e) => up({ hasAttachment: e.target.checked })} /> Has attachment
        </label>
        <label className="flex items-center gap-1 text-muted">
          <input type="checkbox" checked={f.includeLocked} onChange={(e) => up({ includeLocked: e.target.checked })} /> Include locked
        </label>
      </div>
      {error ? (
        <Callout tone="danger" className="m-3">
          {error}
        </Callout>
      ) : null}
      {hits === null && !error ? (
        <p className="flex items-center gap-2 p-4 text-[13px] text-muted">
          <Spinner /> Searching…
        </p>
      ) : null}
      {hits?.length === 0 ? (
        <EmptyState icon={SearchX} title="No entries match">
          Try fewer words or other filters. Locked journals are searched only with “Include locked” while they are open.
        </EmptyState>
      ) : null}
      <ul className="min-h-0 flex-1 overflow-y-auto">
        {hits?.map((h) => (
          <li key={h.entry.id}>
            <button
              type="button"
              onClick={() => void open(h.entry.id)}
              aria-current={h.entry.id === openId ? 'true' : undefined}
              className="w-full border-b border-line px-4 py-2.5 text-left hover:bg-hover/60 aria-[current]:bg-accent-soft"
              data-testid="search-hit"
            >
              <span className="flex items-baseline justify-between gap-2">
                <span className="truncate text-[13px] font-medium text-text">{h.entry.displayTitle}</span>
                <span className="shrink-0 text-[11px] text-faint">{shortDayLabel(h.entry.entryDate)}</span>
              </span>
              <span className="mt-0.5 line-clamp-2 text-xs text-muted">
                {snippetParts(h.snippet).map((p, i) =>
                  p.match ? (
                    <mark key={i} className="rounded-sm bg-accent/20 px-px text-text">
                      {p.text}
                    </mark>
                  ) : (
                    p.text
                  ),
                )}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
