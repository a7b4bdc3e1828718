import { TimerReset } from 'lucide-react';
import { useProfileStore } from '../domains/profile/profile.store';
import { useSecondsUntil } from '../lib/useSecondsUntil';
import { Button } from '../ui/Button';

/** "Locking soon" notice shown when main warns that the idle auto-lock is near. */
export function AutoLockToast() {
  const warning = useProfileStore((s) => s.autoLockWarning);
  const touch = useProfileStore((s) => s.touch);
  const seconds = useSecondsUntil(warning ? warning.receivedAt + warning.secondsLeft * 1000 : 0);
  if (!warning) return null;

  return (
    <div
      role="status"
      aria-live="polite"
      className="animate-slide-up fixed right-5 bottom-5 z-30 flex w-[340px] items-start gap-3 rounded-xl border border-line bg-raised p-4 shadow-pop"
    >
      <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-lg bg-warning-soft text-warning">
        <TimerReset className="size-4" aria-hidden />
      </span>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium text-text">Locking soon</p>
        <p className="mt-0.5 text-[13px] text-muted">{seconds > 0 ? `Hearth will lock in ${seconds} s because you seem to be away.` : 'Hearth is locking…'}</p>
        <Button size="sm" variant="secondary" className="mt-3" onClick={touch}>
          Stay unlocked
        </Button>
      </div>
    </div>
  );
}
