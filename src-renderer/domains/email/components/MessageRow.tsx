import { CalendarDays, FileWarning, Paperclip } from 'lucide-react';
import type { MessageSummary } from '../../../../src-shared/domains/email/email.schemas';
import { cx } from '../../../ui/cx';
import { MarkedText } from '../../../ui/MarkedText';
import { addressLabel, highlightParts, listDate } from '../email-format';

/** A search highlight (\u0002…\u0003 around each match) with its matches marked. */
export function Highlight({ text, className }: { text: string; className?: string }) {
  return <MarkedText parts={highlightParts(text)} className={className} />;
}

/** One message in the list: sender and date, subject, then the snippet (or the search highlight), with attachment and invite marks. */
export function MessageRow({ m, highlight, active, onPick }: { m: MessageSummary; highlight?: string; active: boolean; onPick(): void }) {
  return (
    <li
      id={`mail-row-${m.id}`}
      role="option"
      aria-selected={active}
      onClick={onPick}
      data-testid="mail-row"
      data-subject={m.subject}
      className={cx('flex cursor-default flex-col gap-0.5 border-b border-line/60 px-3 py-2 text-left', active ? 'bg-accent-soft' : 'hover:bg-hover/60')}
    >
      <span className="flex min-w-0 items-baseline gap-2">
        <span className="min-w-0 flex-1 truncate text-[13px] font-medium text-text">{addressLabel(m.from)}</span>
        {m.hasCalendar ? <CalendarDays className="size-3.5 shrink-0 self-center text-accent" aria-label="Invitation" /> : null}
        {m.attachmentCount > 0 ? <Paperclip className="size-3.5 shrink-0 self-center text-faint" aria-label={`${m.attachmentCount} attachments`} /> : null}
        <span className="shrink-0 text-[11px] text-faint tabular-nums">{listDate(m.date)}</span>
      </span>
      <span className="flex min-w-0 items-center gap-1.5">
        {m.parseStatus === 'unparsed' ? <FileWarning className="size-3.5 shrink-0 text-warning" aria-label="Kept as raw bytes" /> : null}
        <span className={cx('truncate text-[13px]', m.subject ? 'text-text' : 'text-faint italic')}>{m.subject || '(no subject)'}</span>
      </span>
      {highlight ? (
        <Highlight text={highlight} className="line-clamp-2 text-xs break-words text-muted" />
      ) : m.snippet ? (
        <span className="line-clamp-2 text-xs break-words text-muted">{m.snippet}</span>
      ) : null}
    </li>
  );
}
