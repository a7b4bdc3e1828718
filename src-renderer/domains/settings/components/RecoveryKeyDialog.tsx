import { useState, type FormEvent } from 'react';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { HiddenUsername } from '../../../ui/HiddenUsername';
import { Modal, ModalActions } from '../../../ui/Modal';
import { PasswordField } from '../../../ui/PasswordField';
import { RecoveryKeyDisplay, useProfileStore } from '../../profile';

/** Asks for the master password, replaces the recovery key and shows the new one once. */
export function RecoveryKeyDialog({ onClose }: { onClose(): void }) {
  const profileName = useProfileStore((s) => s.current?.name ?? '');
  const regenerate = useProfileStore((s) => s.regenerateRecoveryKey);
  const [password, setPassword] = useState('');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password || busy) return;
    setBusy(true);
    setError(null);
    try {
      setRecoveryKey(await regenerate(password));
      setPassword('');
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  if (recoveryKey) {
    return (
      <Modal
        open
        size="md"
        dismissible={false}
        onOpenChange={() => undefined}
        title="Your new recovery key"
        description="Save it now: Hearth will not show it again. Your previous recovery key no longer works."
      >
        <div className="flex flex-col gap-4">
          <RecoveryKeyDisplay recoveryKey={recoveryKey} profileName={profileName} />
          <Callout tone="warning">If you lose both your password and this key, your data cannot be recovered.</Callout>
        </div>
        <ModalActions>
          <Button variant="primary" onClick={onClose} autoFocus>
            I have saved it
          </Button>
        </ModalActions>
      </Modal>
    );
  }

  return (
    <Modal
      open
      onOpenChange={(open) => !open && !busy && onClose()}
      title="Create a new recovery key"
      description="The current recovery key will stop working. Enter your master password to continue."
    >
      <form className="flex flex-col gap-4" onSubmit={(e) => void onSubmit(e)} noValidate>
        <HiddenUsername value={profileName} />
        <PasswordField
          label="Master password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          autoFocus
          maxLength={1024}
          error={error}
        />
        <ModalActions>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!password}>
            Create new key
          </Button>
        </ModalActions>
      </form>
    </Modal>
  );
}
