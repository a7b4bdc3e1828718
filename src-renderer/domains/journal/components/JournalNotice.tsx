import { X } from 'lucide-react';
import { useEffect } from 'react';
import { cx } from '../../../ui/cx';
import { useJournalStore } from '../journal.store';

/** A short message at the bottom of the page that fades after a few seconds. */
export function JournalNotice() {
  const notice = useJournalStore((s) => s.notice);
  useEffect(() => {
    if (!notice) return undefined;
    const timer = setTimeout(() => useJournalStore.setState({ notice: null }), notice.tone === 'danger' ? 8000 : 4000);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  return (
    <div
      role="status"
      className={cx(
        'animate-slide-up fixed bottom-5 left-1/2 z-30 flex max-w-[560px] -translate-x-1/2 items-center gap-3 rounded-lg px-4 py-2.5 text-[13px] shadow-pop',
        notice.tone === 'danger' ? 'bg-danger text-white' : 'bg-text text-canvas',
      )}
    >
      {notice.message}
      <button type="button" aria-label="Dismiss" onClick={() => useJournalStore.setState({ notice: null })} className="opacity-70 hover:opacity-100">
        <X className="size-4" aria-hidden />
      </button>
    </div>
  );
}
