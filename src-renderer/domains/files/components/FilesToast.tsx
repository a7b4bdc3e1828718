import { CircleAlert, CircleCheck, X } from 'lucide-react';
import { useEffect } from 'react';
import { cx } from '../../../ui/cx';
import { say, useFilesStore } from '../files.store';

/** One short line at the bottom ("Added 12 files · 2 were already in Files"), announced politely; errors stay longer. */
export function FilesToast() {
  const notice = useFilesStore((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => say(null), notice.tone === 'danger' ? 12_000 : 6_000);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <div aria-live="polite" role="status" className="pointer-events-none fixed bottom-5 left-1/2 z-40 max-w-[calc(100vw-2rem)] -translate-x-1/2">
      {notice ? (
        <div
          key={notice.id}
          data-testid="files-toast"
          className="animate-slide-up pointer-events-auto flex items-center gap-2.5 rounded-lg border border-line bg-raised py-2 pr-2 pl-3 text-[13px] text-text shadow-pop"
        >
          {notice.tone === 'success' ? (
            <CircleCheck className="size-4 shrink-0 text-success" aria-hidden />
          ) : (
            <CircleAlert className="size-4 shrink-0 text-danger" aria-hidden />
          )}
          <span className={cx('min-w-0 break-words', notice.tone === 'danger' && 'text-danger')}>{notice.message}</span>
          <button type="button" aria-label="Dismiss" onClick={() => say(null)} className="rounded p-1 text-faint hover:bg-hover hover:text-text">
            <X className="size-3.5" aria-hidden />
          </button>
        </div>
      ) : null}
    </div>
  );
}
