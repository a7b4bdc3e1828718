import { useState, type FormEvent } from 'react';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Modal, ModalActions } from '../../../ui/Modal';
import { TextField } from '../../../ui/TextField';
import { useProfileStore } from '../../profile';

/** Renames the unlocked profile (the name is not secret: it shows on the profile picker). */
export function RenameProfileDialog({ onClose }: { onClose(): void }) {
  const currentName = useProfileStore((s) => s.current?.name ?? '');
  const rename = useProfileStore((s) => s.rename);
  const [name, setName] = useState(currentName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trimmed = name.trim();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!trimmed || busy) return;
    if (trimmed === currentName) return onClose();
    setBusy(true);
    try {
      await rename(trimmed);
      onClose();
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title="Rename profile" description="The name appears on the profile picker, before unlocking.">
      <form className="flex flex-col gap-4" onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          label="Profile name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          maxLength={80}
          error={error}
        />
        <ModalActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!trimmed}>
            Rename
          </Button>
        </ModalActions>
      </form>
    </Modal>
  );
}
