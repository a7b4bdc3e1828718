import { useEffect } from 'react';
import { cx } from '../../ui/cx';
import { useGoalsStore } from './goals.store';

/** A short-lived message at the bottom (done, next date, saved, an error), with Undo after a completion. */
export function GoalsNotice() {
  const notice = useGoalsStore((s) => s.notice);
  useEffect(() => {
    if (!notice) return undefined;
    const timer = window.setTimeout(() => useGoalsStore.setState({ notice: null }), notice.undoTaskId ? 8000 : 5000);
    return () => window.clearTimeout(timer);
  }, [notice]);
  const undo = notice?.undoTaskId;
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4">
      {notice ? (
        <p
          className={cx(
            'pointer-events-auto flex max-w-xl items-center gap-3 rounded-lg border px-3 py-2 text-[13px] shadow-pop',
            notice.tone === 'danger' ? 'border-danger/30 bg-danger-soft text-text' : 'border-line bg-text text-canvas',
          )}
          data-testid="goals-notice"
        >
          <span className="min-w-0">{notice.message}</span>
          {undo ? (
            <button
              type="button"
              className="shrink-0 font-medium underline underline-offset-2"
              onClick={() => {
                useGoalsStore.setState({ notice: null });
                void useGoalsStore.getState().uncomplete(undo);
              }}
            >
              Undo
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
