import { CircleAlert, CircleCheck, X } from 'lucide-react';
import { cx } from '../../../ui/cx';
import { useVaultStore } from '../vault.store';

/** One short confirmation at the bottom ("Password copied — clears in 20 s"), announced politely; Undo where it applies. */
export function VaultToast() {
  const toast = useVaultStore((s) => s.toast);
  const dismiss = useVaultStore((s) => s.dismissToast);
  return (
    <div aria-live="polite" role="status" className="pointer-events-none fixed bottom-5 left-1/2 z-40 -translate-x-1/2">
      {toast ? (
        <div
          key={toast.id}
          data-testid="vault-toast"
          className="animate-slide-up pointer-events-auto flex items-center gap-2.5 rounded-lg border border-line bg-raised py-2 pr-2 pl-3 text-[13px] text-text shadow-pop"
        >
          {toast.tone === 'success' ? <CircleCheck className="size-4 text-success" aria-hidden /> : <CircleAlert className="size-4 text-danger" aria-hidden />}
          <span className={cx(toast.tone === 'danger' && 'text-danger')}>{toast.message}</span>
          {toast.action ? (
            <button
              type="button"
              onClick={() => {
                dismiss();
                toast.action?.run();
              }}
              className="rounded px-2 py-0.5 text-[13px] font-medium text-accent hover:bg-hover"
            >
              {toast.action.label}
            </button>
          ) : null}
          <button type="button" aria-label="Dismiss" onClick={dismiss} className="rounded p-1 text-faint hover:bg-hover hover:text-text">
            <X className="size-3.5" aria-hidden />
          </button>
        </div>
      ) : null}
    </div>
  );
}
