import { KeyRound, LockKeyhole, Users } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { LockReason } from '../../../src-shared/domains/session/session.contract';
import { describeError, errorCode } from '../../lib/errors';
import { formatDate } from '../../lib/dates';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { Callout } from '../../ui/Callout';
import { HiddenUsername } from '../../ui/HiddenUsername';
import { PasswordField } from '../../ui/PasswordField';
import { TextField } from '../../ui/TextField';
import { useProfileStore } from './profile.store';
import { LockedLayout } from './components/LockedLayout';
import { useSecondsUntil } from '../../lib/useSecondsUntil';

const LOCK_NOTES: Partial<Record<LockReason, string>> = {
  idle: 'Hearth locked itself after a period of inactivity.',
  suspend: 'Hearth locked when your computer went to sleep.',
  'screen-lock': 'Hearth locked when your screen locked.',
};

/** Unlock the chosen profile with its master password or, failing that, its recovery key. */
export function UnlockScreen() {
  const profile = useProfileStore((s) => s.profiles.find((p) => p.id === s.selectedId) ?? null);
  const lockReason = useProfileStore((s) => s.lockReason);
  const retryAt = useProfileStore((s) => s.retryAt);
  const unlock = useProfileStore((s) => s.unlock);
  const showPicker = useProfileStore((s) => s.showPicker);
  const [mode, setMode] = useState<'password' | 'recovery-key'>('password');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const waitSeconds = useSecondsUntil(retryAt);

  useEffect(() => {
    if (!busy && waitSeconds === 0) inputRef.current?.focus();
  }, [mode, busy, waitSeconds]);

  if (!profile) return null;

  const switchMode = () => {
    setMode((m) => (m === 'password' ? 'recovery-key' : 'password'));
    setSecret('');
    setError(null);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!secret || busy || waitSeconds > 0) return;
    setBusy(true);
    setError(null);
    try {
      await unlock(mode === 'password' ? { password: secret } : { recoveryKey: secret });
    } catch (err) {
      setError(describeError(err, mode));
      if (errorCode(err) === 'WRONG_PASSWORD') setSecret('');
      setBusy(false);
    }
  };

  const modeSwitch = (
    <button type="button" onClick={switchMode} className="text-xs font-medium text-accent hover:underline">
      {mode === 'password' ? 'Use recovery key instead' : 'Use password instead'}
    </button>
  );

  return (
    <LockedLayout
      title={
        <span className="flex items-center gap-3">
          <Avatar name={profile.name} size="lg" />
          <span className="min-w-0">
            <span className="block truncate">{profile.name}</span>
            <span className="block text-xs font-normal tracking-normal text-muted">Created {formatDate(profile.createdAt)}</span>
          </span>
        </span>
      }
      footer={
        <Button variant="ghost" size="sm" icon={Users} onClick={showPicker}>
          Switch profile
        </Button>
      }
    >
      <form className="flex flex-col gap-4" onSubmit={(e) => void onSubmit(e)} noValidate>
        <HiddenUsername value={profile.name} />
        {lockReason && LOCK_NOTES[lockReason] ? <Callout>{LOCK_NOTES[lockReason]}</Callout> : null}
        {mode === 'password' ? (
          <PasswordField
            key="password"
            ref={inputRef}
            label="Master password"
            aside={modeSwitch}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            autoFocus
            autoComplete="current-password"
            maxLength={1024}
            disabled={busy}
            error={error}
          />
        ) : (
          <TextField
            key="recovery"
            ref={inputRef}
            label="Recovery key"
            aside={modeSwitch}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            mono
            className="text-[13px] uppercase"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            maxLength={200}
            placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
            disabled={busy}
            error={error}
            hint="The 32-character key you saved when you created this profile."
          />
        )}
        <Button
          type="submit"
          variant="primary"
          size="lg"
          icon={mode === 'password' ? LockKeyhole : KeyRound}
          busy={busy}
          disabled={!secret || waitSeconds > 0}
          className="w-full"
        >
          {busy ? 'Unlocking…' : waitSeconds > 0 ? `Try again in ${waitSeconds} s` : 'Unlock'}
        </Button>
      </form>
    </LockedLayout>
  );
}
