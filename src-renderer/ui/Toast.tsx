import { CircleAlert, CircleCheck, X } from 'lucide-react';
import { useEffect, type ReactNode } from 'react';
import { cx } from './cx';

export interface ToastNotice {
  id: number | string;
  tone: 'success' | 'danger';
  message: string;
}

/**
 * One short line at the bottom of the window, announced politely, dismissed after `lingerMs` (or by its ×). `action`
 * goes between the message and the × (e.g. "Open").
 */
export function Toast({
  notice,
  onDismiss,
  lingerMs,
  testId,
  action,
}: {
  notice: ToastNotice | null;
  onDismiss(): void;
  lingerMs: number;
  testId: string;
  action?: ReactNode;
}) {
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(onDismiss, lingerMs);
    return () => clearTimeout(timer);
  }, [notice, lingerMs, onDismiss]);
  return (
    <div aria-live="polite" role="status" className="pointer-events-none fixed bottom-5 left-1/2 z-40 max-w-[calc(100vw-2rem)] -translate-x-1/2">
      {notice ? (
        <div
          key={notice.id}
          data-testid={testId}
          className="animate-slide-up pointer-events-auto flex items-center gap-2.5 rounded-lg border border-line bg-raised py-2 pr-2 pl-3 text-[13px] text-text shadow-pop"
        >
          {notice.tone === 'success' ? (
            <CircleCheck className="size-4 shrink-0 text-success" aria-hidden />
          ) : (
            <CircleAlert className="size-4 shrink-0 text-danger" aria-hidden />
          )}
          <span className={cx('min-w-0 break-words', notice.tone === 'danger' && 'text-danger')}>{notice.message}</span>
          {action}
          <button type="button" aria-label="Dismiss" onClick={onDismiss} className="rounded p-1 text-faint hover:bg-hover hover:text-text">
            <X className="size-3.5" aria-hidden />
          </button>
        </div>
      ) : null}
    </div>
  );
}
