import { LockKeyhole } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../ui/Button';
import { Modal, ModalActions } from '../../../ui/Modal';
import { PasswordField } from '../../../ui/PasswordField';
import { useVaultStore } from '../vault.store';

/**
 * The master-password re-prompt for items marked "ask for the master password". The password goes
 * straight to main with the retried op (which checks it) and is not kept after the dialog closes.
 */
export function RepromptDialog() {
  const request = useVaultStore((s) => s.reprompt);
  const submit = useVaultStore((s) => s.submitReprompt);
  const cancel = useVaultStore((s) => s.cancelReprompt);
  return (
    <Modal
      open={request !== null}
      onOpenChange={(open) => !open && cancel()}
      title="Enter your master password"
      description={request ? `“${request.itemTitle}” asks for your master password before showing or copying its secrets.` : undefined}
    >
      {request ? <RepromptForm key={request.attempt} busy={request.busy} error={request.error} onSubmit={submit} onCancel={cancel} /> : null}
    </Modal>
  );
}

function RepromptForm({ busy, error, onSubmit, onCancel }: { busy: boolean; error: string | null; onSubmit(password: string): void; onCancel(): void }) {
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password && !busy) onSubmit(password);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="reprompt-dialog">
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
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" icon={LockKeyhole} busy={busy} disabled={!password}>
          Continue
        </Button>
      </ModalActions>
    </form>
  );
}
