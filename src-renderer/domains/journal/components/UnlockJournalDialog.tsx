import { LockKeyhole } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { describeError, errorCode } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Modal, ModalActions } from '../../../ui/Modal';
import { PasswordField } from '../../../ui/PasswordField';
import { useJournalStore } from '../journal.store';

/** Opening a locked journal asks for the master password; main checks it and keeps the journal open until lock. */
export function UnlockJournalDialog() {
  const journal = useJournalStore((s) => s.unlocking);
  const cancel = useJournalStore((s) => s.cancelUnlock);
  return (
    <Modal
      open={journal !== null}
      onOpenChange={(o) => !o && cancel()}
      title="Open a locked journal"
      description={journal ? `“${journal.name}” is locked. Enter your master password to read it until Hearth locks.` : undefined}
    >
      {journal ? <Form key={journal.id} /> : null}
    </Modal>
  );
}

function Form() {
  const unlock = useJournalStore((s) => s.unlock);
  const cancel = useJournalStore((s) => s.cancelUnlock);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password || busy) return;
    setBusy(true);
    try {
      await unlock(password);
    } catch (err) {
      setError(errorCode(err) === 'WRONG_PASSWORD' ? 'Wrong password' : describeError(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <PasswordField
        label="Master password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoFocus
        autoComplete="current-password"
        maxLength={1024}
        disabled={busy}
        error={error}
      />
      <ModalActions>
        <Button onClick={cancel}>Cancel</Button>
        <Button type="submit" variant="primary" icon={LockKeyhole} busy={busy} disabled={!password}>
          Open journal
        </Button>
      </ModalActions>
    </form>
  );
}
