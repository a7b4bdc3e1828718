import { useState, type FormEvent } from 'react';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { HiddenUsername } from '../../../ui/HiddenUsername';
import { Modal, ModalActions } from '../../../ui/Modal';
import { PasswordField } from '../../../ui/PasswordField';
import { TextField } from '../../../ui/TextField';
import { useProfileStore } from '../../profile';

/** Deletes the unlocked profile after the user types its name and master password. */
export function DeleteProfileDialog({ onClose }: { onClose(): void }) {
  const profileName = useProfileStore((s) => s.current?.name ?? '');
  const deleteCurrent = useProfileStore((s) => s.deleteCurrent);
  const [typedName, setTypedName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = typedName === profileName && password !== '';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      await deleteCurrent(password);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <Modal open onOpenChange={(open) => !open && !busy && onClose()} title={`Delete “${profileName}”?`}>
      <form className="flex flex-col gap-4" onSubmit={(e) => void onSubmit(e)} noValidate>
        <HiddenUsername value={profileName} />
        <Callout tone="danger">
          This permanently deletes the profile&apos;s encrypted file from this computer: every vault item, journal entry and plan in it. It cannot be undone.
        </Callout>
        <TextField
          label={
            <>
              Type <span className="font-semibold">{profileName}</span> to confirm
            </>
          }
          value={typedName}
          onChange={(e) => setTypedName(e.target.value)}
          autoFocus
          autoComplete="off"
          spellCheck={false}
        />
        <PasswordField
          label="Master password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          maxLength={1024}
          error={error}
        />
        <ModalActions>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" busy={busy} disabled={!ready}>
            Delete profile
          </Button>
        </ModalActions>
      </form>
    </Modal>
  );
}
