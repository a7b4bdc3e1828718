import { useState, type FormEvent } from 'react';
import { describeError } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { Callout } from '../../ui/Callout';
import { HiddenUsername } from '../../ui/HiddenUsername';
import { PasswordField } from '../../ui/PasswordField';
import { RecoveryKeyDialog } from '../settings';
import { LockedLayout } from './components/LockedLayout';
import { NewPasswordFields } from './components/NewPasswordFields';
import { useNewPassword } from './components/useNewPassword';
import { useProfileStore } from './profile.store';

/**
 * After a recovery-key unlock: the user sets a new master password (main refuses everything else until
 * then), then is offered a new recovery key, since the one just used may be written down somewhere.
 */
export function SetNewPasswordScreen() {
  const profileName = useProfileStore((s) => s.current?.name ?? '');
  const setPassword = useProfileStore((s) => s.setPasswordAfterRecovery);
  const finish = useProfileStore((s) => s.finishRecovery);
  const [askKey] = useState(() => !useProfileStore.getState().holdsRecoveryKey());
  const [recoveryKey, setRecoveryKey] = useState('');
  const [step, setStep] = useState<'password' | 'offer-key' | 'new-key'>('password');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = useNewPassword([profileName, 'hearth'].filter(Boolean));
  const problem = askKey && !recoveryKey ? 'Enter your recovery key.' : next.problem;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (problem || busy) return;
    setBusy(true);
    setError(null);
    try {
      await setPassword(next.password, askKey ? recoveryKey : undefined);
      setStep('offer-key');
    } catch (err) {
      setError(describeError(err, askKey ? 'recovery-key' : 'password'));
    } finally {
      setBusy(false);
    }
  };

  if (step !== 'password') {
    return (
      <LockedLayout title="New master password set" subtitle={`Use it from now on to unlock ${profileName}.`}>
        <div className="flex flex-col gap-4">
          <Callout tone="warning">
            The recovery key you just used still works. If it may have been seen or is no longer safe where you keep it, create a new one now.
          </Callout>
          <div className="flex justify-end gap-2">
            <Button onClick={finish}>Not now</Button>
            <Button variant="primary" onClick={() => setStep('new-key')} autoFocus>
              Create a new recovery key
            </Button>
          </div>
        </div>
        {step === 'new-key' ? <RecoveryKeyDialog onClose={finish} /> : null}
      </LockedLayout>
    );
  }

  return (
    <LockedLayout title="Set a new master password" subtitle={`You unlocked ${profileName} with the recovery key. Choose a new master password to continue.`}>
      <form className="flex flex-col gap-4" onSubmit={(e) => void onSubmit(e)} noValidate>
        <HiddenUsername value={profileName} />
        {askKey ? (
          <PasswordField label="Recovery key" value={recoveryKey} onChange={(e) => setRecoveryKey(e.target.value)} autoComplete="off" maxLength={200} />
        ) : null}
        <NewPasswordFields state={next} label="New master password" autoFocus={!askKey} />
        {error ? (
          <p role="alert" className="text-xs text-danger">
            {error}
          </p>
        ) : null}
        <Button type="submit" variant="primary" busy={busy} disabled={problem !== null}>
          {busy ? 'Saving…' : 'Set new password'}
        </Button>
        {problem && next.password ? <p className="-mt-1 text-center text-xs text-muted">{problem}</p> : null}
      </form>
    </LockedLayout>
  );
}
