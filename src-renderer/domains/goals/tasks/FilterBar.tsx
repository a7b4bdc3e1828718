import { Save, Search, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Button } from '../../../ui/Button';
import { cx } from '../../../ui/cx';
import { useGoalsStore } from '../goals.store';
import { filterSize, parseTags, sameFilter } from './task-helpers';

const field = 'field-input h-7 text-[12px]';

/**
 * The task list's filter (re-mounted, keyed by `filterEpoch`, when a saved filter or Clear replaces it): text (title and notes), priorities, tags, goal, due range, completed too; "Save" keeps it
 * under a name (listed under Tasks in the page's navigation). Text and tags apply after a short pause in typing.
 */
export function FilterBar() {
  const { filter, goals, filters, searchFocus } = useGoalsStore(
    useShallow((s) => ({ filter: s.filter, goals: s.goals, filters: s.filters, searchFocus: s.searchFocus })),
  );
  const setFilter = useGoalsStore((s) => s.setFilter);
  const saveFilter = useGoalsStore((s) => s.saveFilter);
  const [text, setText] = useState(filter.text ?? '');
  const [tags, setTags] = useState((filter.tags ?? []).join(', '));
  const [naming, setNaming] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (searchFocus > 0) searchRef.current?.focus();
  }, [searchFocus]);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const next = { text: text.trim() || undefined, tags: parseTags(tags) };
      if (!sameFilter({ ...filter, ...next }, filter)) setFilter(next);
    }, 250);
    return () => window.clearTimeout(timer);
    // Only typing schedules this; the filter is read fresh when it fires.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, tags]);

  const togglePriority = (p: number) => {
    const now = filter.priorities ?? [];
    setFilter({ priorities: now.includes(p) ? now.filter((x) => x !== p) : [...now, p] });
  };
  const active = filters.find((f) => sameFilter(f.filter, filter));
  return (
    <div className="flex min-w-0 flex-col gap-2 border-b border-line px-3 py-2" data-testid="task-filter-bar">
      <div className="flex min-w-0 flex-wrap items-center gap-2">
        <label className="relative flex min-w-40 flex-1 items-center">
          <Search className="pointer-events-none absolute left-2 size-3.5 text-faint" aria-hidden />
          <input
            ref={searchRef}
            type="search"
            aria-label="Filter tasks by text"
            placeholder="Filter (/)"
            data-testid="task-filter-text"
            value={text}
            maxLength={500}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setText('');
                e.currentTarget.blur();
              }
            }}
            className={`${field} pl-7 [&::-webkit-search-cancel-button]:hidden`}
          />
        </label>
        <div role="group" aria-label="Priority" className="flex gap-0.5">
          {[1, 2, 3, 4, 5].map((p) => (
            <button
              key={p}
              type="button"
              aria-pressed={filter.priorities?.includes(p) ?? false}
              title={`Priority ${p}${p === 1 ? ' (most urgent)' : ''}`}
              onClick={() => togglePriority(p)}
              className={cx(
                'h-7 w-7 rounded-md border text-[12px]',
                filter.priorities?.includes(p) ? 'border-accent bg-accent-soft text-text' : 'border-line text-muted hover:bg-hover',
              )}
            >
              !{p}
            </button>
          ))}
        </div>
        <input aria-label="Tags" placeholder="#tags" value={tags} onChange={(e) => setTags(e.target.value)} className={`${field} w-28`} />
        <select
          aria-label="Goal"
          value={filter.goalId ?? ''}
          onChange={(e) => setFilter({ goalId: e.target.value || undefined })}
          className={`${field} w-auto max-w-40 pr-7`}
        >
          <option value="">Any goal</option>
          {goals.map((g) => (
            <option key={g.id} value={g.id}>
              {g.title}
            </option>
          ))}
        </select>
      </div>
      <div className="flex min-w-0 flex-wrap items-center gap-2 text-[12px] text-muted">
        {filters.length ? (
          // The page's navigation lists them too, but folds to icons in a narrow window.
          <select
            aria-label="Saved filters"
            data-testid="saved-filter-select"
            value={active?.id ?? ''}
            onChange={(e) => {
              const picked = filters.find((f) => f.id === e.target.value);
              setFilter(picked ? picked.filter : {}, true);
            }}
            className={`${field} w-auto max-w-40 pr-7`}
          >
            <option value="">Saved filters…</option>
            {filters.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        ) : null}
        <label className="flex items-center gap-1">
          Due from
          <input type="date" value={filter.dueFrom ?? ''} onChange={(e) => setFilter({ dueFrom: e.target.value || undefined })} className={`${field} w-auto`} />
        </label>
        <label className="flex items-center gap-1">
          to
          <input type="date" value={filter.dueTo ?? ''} onChange={(e) => setFilter({ dueTo: e.target.value || undefined })} className={`${field} w-auto`} />
        </label>
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={filter.includeCompleted ?? false} onChange={(e) => setFilter({ includeCompleted: e.target.checked || undefined })} />
          Completed too
        </label>
        <div className="ml-auto flex items-center gap-1.5">
          {filterSize(filter) > 0 ? (
            <Button size="sm" variant="ghost" icon={X} onClick={() => setFilter({}, true)}>
              Clear
            </Button>
          ) : null}
          {naming !== null ? (
            <form
              className="flex items-center gap-1"
              onSubmit={(e) => {
                e.preventDefault();
                if (naming.trim()) void saveFilter(naming).then((ok) => ok && setNaming(null));
              }}
            >
              <input
                autoFocus
                aria-label="Filter name"
                data-testid="filter-name"
                value={naming}
                maxLength={100}
                onChange={(e) => setNaming(e.target.value)}
                onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setNaming(null))}
                className={`${field} w-32`}
              />
              <Button size="sm" type="submit" variant="primary" disabled={!naming.trim()}>
                Save
              </Button>
            </form>
          ) : filterSize(filter) > 0 && !active ? (
            <Button size="sm" icon={Save} onClick={() => setNaming('')} data-testid="filter-save">
              Save filter
            </Button>
          ) : active ? (
            <span className="text-[12px] text-muted">Saved as “{active.name}”</span>
          ) : null}
        </div>
      </div>
    </div>
  );
}
