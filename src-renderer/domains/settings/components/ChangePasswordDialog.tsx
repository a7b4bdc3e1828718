import { useState, type FormEvent } from 'react';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { HiddenUsername } from '../../../ui/HiddenUsername';
import { Modal, ModalActions } from '../../../ui/Modal';
import { PasswordField } from '../../../ui/PasswordField';
import { NewPasswordFields, useNewPassword, useProfileStore } from '../../profile';

/** Current password, new password (with the strength policy) and its confirmation. */
export function ChangePasswordDialog({ onClose, onDone }: { onClose(): void; onDone(message: string): void }) {
  const profileName = useProfileStore((s) => s.current?.name ?? '');
  const changePassword = useProfileStore((s) => s.changePassword);
  const [current, setCurrent] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = useNewPassword([profileName, current, 'hearth'].filter(Boolean));
  const sameAsOld = next.password !== '' && next.password === current;
  const problem = !current ? 'Enter your current password.' : sameAsOld ? 'Choose a password you have not used here.' : next.problem;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (problem || busy) return;
    setBusy(true);
    setError(null);
    try {
      await changePassword(current, next.password);
      onDone('Master password changed. Use the new one from now on.');
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      onOpenChange={(open) => !open && !busy && onClose()}
      title="Change master password"
      description="Your data stays as it is; only the key that opens it is re-wrapped. Your recovery key keeps working."
    >
      <form className="flex flex-col gap-4" onSubmit={(e) => void onSubmit(e)} noValidate>
        <HiddenUsername value={profileName} />
        <PasswordField
          label="Current password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          autoComplete="current-password"
          autoFocus
          maxLength={1024}
          error={error}
        />
        <NewPasswordFields state={next} label="New password" />
        {sameAsOld ? <p className="text-xs text-danger">The new password is the same as the current one.</p> : null}
        <ModalActions>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy} disabled={problem !== null}>
            {busy ? 'Changing…' : 'Change password'}
          </Button>
        </ModalActions>
      </form>
    </Modal>
  );
}
