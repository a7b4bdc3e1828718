import { Paperclip, Star } from 'lucide-react';
import { cx } from '../../../ui/cx';
import { dayParts, moodOf } from '../journal-style';
import type { EntrySummary } from '../journal-types';
import { Thumb } from './Thumb';

/** One timeline row: date, title, excerpt, tags, mood, star and the cover thumbnail. */
export function EntryRow({ entry, active, onOpen }: { entry: EntrySummary; active: boolean; onOpen(): void }) {
  const { weekday, day } = dayParts(entry.entryDate);
  const mood = moodOf(entry.mood);
  return (
    <li>
      <button
        type="button"
        onClick={onOpen}
        aria-current={active ? 'true' : undefined}
        data-testid="entry-row"
        className={cx('flex w-full gap-3 border-b border-line px-4 py-2.5 text-left transition-colors', active ? 'bg-accent-soft' : 'hover:bg-hover/60')}
      >
        <span className="flex w-9 shrink-0 flex-col items-center pt-0.5 leading-none">
          <span className="text-[10px] text-faint uppercase">{weekday}</span>
          <span className="mt-0.5 text-lg font-semibold text-text tabular-nums">{day}</span>
        </span>
        <span className="min-w-0 flex-1">
          <span className="flex items-center gap-1.5">
            <span className="truncate text-[13px] font-medium text-text">{entry.displayTitle}</span>
            {entry.starred ? <Star className="size-3 shrink-0 fill-amber-400 text-amber-500" aria-label="Starred" /> : null}
            {mood ? <mood.icon className="size-3.5 shrink-0 text-faint" aria-label={`Mood: ${mood.label}`} /> : null}
          </span>
          {entry.excerpt ? <span className="mt-0.5 line-clamp-2 text-xs text-muted">{entry.excerpt}</span> : null}
          {entry.tags.length > 0 || entry.attachmentCount > 0 ? (
            <span className="mt-1 flex flex-wrap items-center gap-1">
              {entry.tags.slice(0, 5).map((t) => (
                <span key={t} className="rounded bg-subtle px-1.5 py-px text-[11px] text-muted">
                  #{t}
                </span>
              ))}
              {entry.attachmentCount > 0 ? (
                <span className="flex items-center gap-0.5 text-[11px] text-faint">
                  <Paperclip className="size-3" aria-hidden />
                  {entry.attachmentCount}
                </span>
              ) : null}
            </span>
          ) : null}
        </span>
        {entry.coverThumbnailBlobId ? <Thumb blobId={entry.coverThumbnailBlobId} alt="" className="size-12 shrink-0 rounded-md" /> : null}
      </button>
    </li>
  );
}
