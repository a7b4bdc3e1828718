import { ArrowLeft, CalendarPlus, Download, FileText, FolderInput, ListTodo, Mail, Paperclip } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import type { MessageDetail, MessageSummary } from '../../../../src-shared/domains/email/email.schemas';
import { formatDate } from '../../../lib/dates';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { cx } from '../../../ui/cx';
import { detailPlaceholder } from '../../../ui/DetailPlaceholder';
import { EmptyState } from '../../../ui/EmptyState';
import { addToCalendar, attachmentToFiles, makeTask, saveAttachment, savePdf } from '../email-actions';
import { addressFull, addressLabel, addressList, fullDate, listDate, plural, sizeLabel } from '../email-format';
import { selectMessage, useMailStore } from '../email.store';
import { MessageBody } from './MessageBody';

const SOURCE = { mbox: 'mbox file', eml: '.eml folder', emlx: 'Apple Mail folder', imap: 'IMAP account' } as const;

function Line({ label, children, testId }: { label: string; children: string; testId?: string }) {
  if (!children) return null;
  return (
    <>
      <dt className="text-faint">{label}</dt>
      <dd className="min-w-0 break-words text-text" data-testid={testId}>
        {children}
      </dd>
    </>
  );
}

/** Where the message came from (each source it was found in), with its SHA-256 under "Details". */
function Provenance({ m }: { m: MessageDetail }) {
  return (
    <details className="text-xs text-muted" data-testid="mail-provenance">
      <summary className="cursor-default break-words marker:text-faint">
        {m.provenance
          .map(
            (p) =>
              `From ${p.path && p.path !== p.source ? `${p.source}/${p.path}` : p.source} · ${p.folder || 'no folder'} · imported ${formatDate(p.importedAt)}`,
          )
          .join('; ') || 'Source not recorded'}
      </summary>
      <dl className="mt-1.5 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 pl-3">
        <dt className="text-faint">SHA-256</dt>
        <dd className="font-mono text-[11px] break-all" data-testid="mail-sha256">
          {m.sha256}
        </dd>
        <dt className="text-faint">Size</dt>
        <dd>{sizeLabel(m.size)}</dd>
        {m.provenance.map((p, i) => (
          <Line key={i} label={SOURCE[p.sourceKind]}>
            {[p.source, p.path, p.imapUid !== null ? `UID ${p.imapUid}` : ''].filter(Boolean).join(' · ')}
          </Line>
        ))}
        <dt className="text-faint">Message-ID</dt>
        <dd className="break-all">{m.messageId || '(none)'}</dd>
      </dl>
      <details className="mt-1.5 pl-3">
        <summary className="cursor-default">All headers ({m.headers.length})</summary>
        <pre className="mt-1 max-h-48 overflow-auto rounded border border-line bg-subtle p-2 font-mono text-[11px] break-all whitespace-pre-wrap">
          {m.headers.map((h) => `${h.name}: ${h.value}`).join('\n')}
        </pre>
      </details>
    </details>
  );
}

function Attachments({ m }: { m: MessageDetail }) {
  const shown = m.attachments;
  if (shown.length === 0) return null;
  return (
    <ul aria-label="Attachments" className="flex flex-col gap-1" data-testid="mail-attachments">
      {shown.map((a) => (
        <li key={a.part} className="flex min-w-0 items-center gap-2 rounded-md border border-line bg-surface px-2 py-1 text-xs">
          <Paperclip className="size-3.5 shrink-0 text-faint" aria-hidden />
          <span className="min-w-0 flex-1 truncate text-text" title={`${a.name} · ${a.mime}`}>
            {a.name}
          </span>
          <span className="shrink-0 text-faint">{sizeLabel(a.size)}</span>
          <Button
            size="sm"
            variant="ghost"
            icon={Download}
            onClick={() => void saveAttachment(m.id, a.part)}
            aria-label={`Save ${a.name}`}
            title="Save (download)"
          />
          <Button size="sm" variant="ghost" icon={FolderInput} onClick={() => void attachmentToFiles(m.id, a.part)} data-testid="mail-to-files">
            Save to Files
          </Button>
        </li>
      ))}
    </ul>
  );
}

function Thread({ thread, current }: { thread: MessageSummary[]; current: string }) {
  if (thread.length < 2) return null;
  return (
    <details className="rounded-md border border-line text-xs" open data-testid="mail-thread">
      <summary className="cursor-default px-2 py-1 text-muted">Thread · {plural(thread.length, 'message')}</summary>
      <ol className="flex flex-col border-t border-line">
        {thread.map((t) => (
          <li key={t.id}>
            <button
              type="button"
              onClick={() => selectMessage(t.id)}
              aria-current={t.id === current || undefined}
              className={cx('flex w-full min-w-0 items-baseline gap-2 px-2 py-1 text-left', t.id === current ? 'bg-accent-soft' : 'hover:bg-hover')}
            >
              <span className="w-32 shrink-0 truncate font-medium text-text">{addressLabel(t.from)}</span>
              <span className="min-w-0 flex-1 truncate text-muted">{t.snippet || t.subject}</span>
              <span className="shrink-0 text-faint">{listDate(t.date)}</span>
            </button>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The right pane: header block, provenance, actions (invite, task, PDF), attachments, thread, then the body. */
export function MessageView() {
  const { detail, thread, selectedId, detailError } = useMailStore(
    useShallow((s) => ({ detail: s.detail, thread: s.thread, selectedId: s.selectedId, detailError: s.detailError })),
  );
  const placeholder = detailPlaceholder({
    selected: selectedId !== null,
    error: detailError,
    loaded: detail !== null,
    errorClassName: 'm-4',
    empty: (
      <EmptyState icon={Mail} title="No message open">
        Choose a message to read it. Use J and K (or ↑ and ↓) to move through the list, / to search.
      </EmptyState>
    ),
  });
  if (placeholder !== null || !detail) return placeholder;
  const m = detail;
  return (
    <article key={m.id} className="flex min-h-full flex-col gap-3 p-4" aria-label="Message" data-testid="mail-view">
      <Button variant="ghost" size="sm" icon={ArrowLeft} className="-ml-2 self-start @4xl:hidden" onClick={() => selectMessage(null)}>
        Back to the list
      </Button>
      <header className="flex flex-col gap-2">
        <h2 className={cx('text-[15px] font-semibold break-words', m.subject ? 'text-text' : 'text-faint italic')} data-testid="mail-subject">
          {m.subject || '(no subject)'}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-[13px]">
          <Line label="From" testId="mail-from">
            {m.from.address || m.from.name ? addressFull(m.from) : '(no sender)'}
          </Line>
          <Line label="To">{addressList(m.to)}</Line>
          <Line label="Cc">{addressList(m.cc)}</Line>
          <Line label="Date">{fullDate(m.date)}</Line>
          {m.labels.length ? <Line label="Labels">{m.labels.join(', ')}</Line> : null}
        </dl>
        <Provenance m={m} />
      </header>
      {m.parseStatus === 'unparsed' ? (
        <Callout tone="warning">
          Hearth could not read this message{m.parseError ? ` (${m.parseError})` : ''}. Its original bytes are kept and export unchanged.
        </Callout>
      ) : null}
      <div className="flex flex-wrap gap-1.5">
        {m.hasCalendar ? (
          <Button size="sm" variant="primary" icon={CalendarPlus} onClick={() => void addToCalendar(m.id)} data-testid="mail-add-calendar">
            Add to calendar
          </Button>
        ) : null}
        <Button size="sm" icon={ListTodo} onClick={() => void makeTask(m.id)} data-testid="mail-make-task">
          Make a task
        </Button>
        <Button size="sm" icon={FileText} onClick={() => void savePdf(m.id, false)} data-testid="mail-pdf">
          PDF
        </Button>
        {thread && thread.length > 1 ? (
          <Button size="sm" variant="ghost" icon={FileText} onClick={() => void savePdf(m.id, true)}>
            Thread PDF
          </Button>
        ) : null}
      </div>
      <Attachments m={m} />
      {thread ? <Thread thread={thread} current={m.id} /> : null}
      <MessageBody key={m.id} message={m} />
    </article>
  );
}
