import { Archive, Save } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { PasswordField } from '../../../ui/PasswordField';
import { closeDialog, type FileDialog } from '../file-dialogs';
import { exportArchive, saveCopy } from '../files-actions';

/** SECURITY: a plaintext copy leaves Hearth's encryption; say so and ask before the download starts. */
export function SaveCopyDialog({ dialog }: { dialog: Extract<FileDialog, { kind: 'save-copy' }> }) {
  return (
    <Modal
      open
      onOpenChange={(o) => !o && closeDialog()}
      title={`Save a copy of “${dialog.file.name}”?`}
      description="The copy is not encrypted: anyone who can open the folder you save it to can read it."
    >
      <ModalActions>
        <Button onClick={closeDialog}>Cancel</Button>
        <Button
          variant="primary"
          icon={Save}
          autoFocus
          onClick={() => {
            closeDialog();
            void saveCopy(dialog.file, dialog.versionId);
          }}
        >
          Save unencrypted copy
        </Button>
      </ModalActions>
    </Modal>
  );
}

/** An encrypted archive with its own password (a Hearth encrypted file), for a folder or the whole library. */
export function ArchiveDialog({ dialog }: { dialog: Extract<FileDialog, { kind: 'archive' }> }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = confirm.length > 0 && confirm !== password;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password.length < 8 || mismatch) return;
    setBusy(true);
    setError(null);
    try {
      await exportArchive({ password, ...(dialog.ids ? { ids: dialog.ids } : {}), ...(dialog.folderId ? { folderId: dialog.folderId } : {}) });
      closeDialog();
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      onOpenChange={(o) => !o && closeDialog()}
      title={`Export ${dialog.what} as an encrypted archive`}
      size="md"
      description="One file, encrypted with a password you choose here (not your master password). Hearth can open it again; keep the password somewhere safe."
    >
      <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        <PasswordField
          label="Archive password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus
          autoComplete="new-password"
          hint="At least 8 characters."
        />
        <PasswordField
          label="Repeat the password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          autoComplete="new-password"
          error={mismatch ? 'The passwords differ.' : null}
        />
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <ModalActions>
          <Button onClick={closeDialog}>Cancel</Button>
          <Button type="submit" variant="primary" icon={Archive} busy={busy} disabled={password.length < 8 || confirm !== password}>
            Export
          </Button>
        </ModalActions>
      </form>
    </Modal>
  );
}
