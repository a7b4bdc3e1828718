import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { cx } from '../../../ui/cx';
import { useSyncStore } from '../sync.store';
import { AccountForm } from './AccountForm';

type Mode = 'signUp' | 'signIn';

/** Not set up yet: what sync is (optional, end-to-end encrypted), then "Create account" or "Sign in on this device". */
export function SyncSetup() {
  const connect = useSyncStore((s) => s.connect);
  const [mode, setMode] = useState<Mode>('signUp');
  return (
    <div className="flex flex-col gap-4 px-4 py-3.5">
      <div className="flex gap-3 text-[13px] text-muted">
        <ShieldCheck className="mt-0.5 size-4 shrink-0 text-accent" aria-hidden />
        <p>
          Optional. Keep this profile in step across your devices through a Hearth sync server you choose. Everything is encrypted on this device before it
          leaves: the server stores sealed data it cannot read, and never sees your master password. Hearth works fully without it.
        </p>
      </div>
      <div role="radiogroup" aria-label="Sync account" className="flex gap-1 self-start rounded-lg bg-subtle p-0.5 text-xs">
        {(
          [
            ['signUp', 'Create an account'],
            ['signIn', 'Sign in on this device'],
          ] as const
        ).map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={mode === value}
            onClick={() => setMode(value)}
            className={cx('rounded-md px-2.5 py-1 font-medium', mode === value ? 'bg-surface text-text shadow-xs' : 'text-muted hover:text-text')}
          >
            {label}
          </button>
        ))}
      </div>
      <p className="-mt-1 text-xs text-muted">
        {mode === 'signUp'
          ? 'Creates an account for this profile. Your master password is its password.'
          : 'For this profile when it was synced before. To get an account’s data on a new computer, lock Hearth and use “Join a synced account…” on the profile screen.'}
      </p>
      <AccountForm key={mode} kind={mode} passwordLabel="This profile’s master password" onSubmit={(values) => connect(mode, values)} />
    </div>
  );
}
