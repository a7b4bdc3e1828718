import { History } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { describeError } from '../../../lib/errors';
import { Callout } from '../../../ui/Callout';
import { EmptyState } from '../../../ui/EmptyState';
import { Spinner } from '../../../ui/Spinner';
import { onThisDay } from '../journal-data';
import { localToday, longDayLabel } from '../journal-style';
import type { EntrySummary } from '../journal-types';
import { useJournalStore } from '../journal.store';
import { EntryRow } from './EntryRow';

/** Entries written on this month and day in earlier years, newest year first. */
export function OnThisDayView() {
  const { openId, open } = useJournalStore(useShallow((s) => ({ openId: s.openId, open: s.open })));
  const today = localToday();
  const [entries, setEntries] = useState<EntrySummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    onThisDay(today).then(
      (e) => live && setEntries(e),
      (err: unknown) => live && setError(describeError(err)),
    );
    return () => {
      live = false;
    };
  }, [today]);

  if (error)
    return (
      <Callout tone="danger" className="m-4">
        {error}
      </Callout>
    );
  if (!entries)
    return (
      <p className="flex items-center gap-2 p-6 text-[13px] text-muted">
        <Spinner /> Looking back…
      </p>
    );
  if (entries.length === 0)
    return (
      <EmptyState icon={History} title="Nothing on this day yet">
        Entries from {longDayLabel(today).replace(/,? \d{4}$/, '')} in earlier years will show here.
      </EmptyState>
    );
  const years = [...new Set(entries.map((e) => e.entryDate.slice(0, 4)))];
  return (
    <div className="h-full overflow-y-auto" data-testid="on-this-day">
      {years.map((y) => {
        const ago = Number(today.slice(0, 4)) - Number(y);
        return (
          <section key={y} aria-label={y}>
            <h3 className="sticky top-0 border-b border-line bg-canvas/95 px-4 py-1.5 text-[11px] font-semibold tracking-wide text-faint uppercase">
              {`${y} · ${ago} ${ago === 1 ? 'year' : 'years'} ago`}
            </h3>
            <ul>
              {entries
                .filter((e) => e.entryDate.startsWith(y))
                .map((e) => (
                  <EntryRow key={e.id} entry={e} active={e.id === openId} onOpen={() => void open(e.id)} />
                ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
