import { useEffect } from 'react';
import { useCalendarStore } from '../calendar.store';

/** A short-lived message at the bottom (a move that failed, a read-only calendar), cleared after a few seconds. */
export function Notice() {
  const notice = useCalendarStore((s) => s.notice);
  useEffect(() => {
    if (!notice) return undefined;
    const timer = window.setTimeout(() => useCalendarStore.setState({ notice: null }), 6000);
    return () => window.clearTimeout(timer);
  }, [notice]);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center">
      {notice ? (
        <p className="pointer-events-auto rounded-lg border border-line bg-text px-3 py-2 text-[13px] text-canvas shadow-pop" data-testid="cal-notice">
          {notice.message}
        </p>
      ) : null}
    </div>
  );
}
