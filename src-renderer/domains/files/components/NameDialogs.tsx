import { Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Modal, ModalActions } from '../../../ui/Modal';
import { TextField } from '../../../ui/TextField';
import { closeDialog, type FileDialog } from '../file-dialogs';
import { createFolder, moveFile, purgeFile, renameFile, renameFolder } from '../files-actions';
import { folderChoices } from '../folder-tree';
import { selectFile, useFilesStore } from '../files.store';

type Named = Extract<FileDialog, { kind: 'new-folder' | 'rename-file' | 'rename-folder' }>;

/** New folder, rename a file, rename a folder: one name field; main's error (a slash, a name too long) shows under it. */
export function NameDialog({ dialog }: { dialog: Named }) {
  const start = dialog.kind === 'new-folder' ? '' : dialog.kind === 'rename-file' ? dialog.file.name : dialog.folder.name;
  const [name, setName] = useState(start);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = dialog.kind === 'new-folder' ? 'New folder' : dialog.kind === 'rename-file' ? 'Rename file' : 'Rename folder';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      if (dialog.kind === 'new-folder') await createFolder(name, dialog.parentId);
      else if (dialog.kind === 'rename-file') await renameFile(dialog.file.id, name);
      else await renameFolder(dialog.folder.id, name);
      closeDialog();
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };
  // Select the name without its extension, as file managers do, so typing replaces just the name.
  const focus = (input: HTMLInputElement | null) => {
    if (!input || input.dataset.ready) return;
    input.dataset.ready = '1';
    const dot = dialog.kind === 'rename-file' ? start.lastIndexOf('.') : -1;
    requestAnimationFrame(() => input.setSelectionRange(0, dot > 0 ? dot : start.length));
  };
  return (
    <Modal open onOpenChange={(o) => !o && closeDialog()} title={title}>
      <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        <TextField ref={focus} label="Name" value={name} onChange={(e) => setName(e.target.value)} error={error} autoFocus maxLength={255} />
        <ModalActions>
          <Button onClick={closeDialog}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!name.trim()}>
            {dialog.kind === 'new-folder' ? 'Create' : 'Rename'}
          </Button>
        </ModalActions>
      </form>
    </Modal>
  );
}

/** Move a file to another folder (or the top level). */
export function MoveDialog({ dialog }: { dialog: Extract<FileDialog, { kind: 'move' }> }) {
  const tree = useFilesStore((s) => s.tree);
  const [target, setTarget] = useState(dialog.file.folderId ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const move = async () => {
    setBusy(true);
    try {
      await moveFile(dialog.file.id, target || null);
      closeDialog();
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };
  return (
    <Modal open onOpenChange={(o) => !o && closeDialog()} title={`Move “${dialog.file.name}”`}>
      <label className="flex flex-col gap-1.5 text-[13px] font-medium text-text">
        Folder
        <select value={target} onChange={(e) => setTarget(e.target.value)} className="field-input" autoFocus>
          <option value="">Files (top level)</option>
          {folderChoices(tree).map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <p role="alert" className="mt-2 text-[13px] text-danger">
          {error}
        </p>
      ) : null}
      <ModalActions>
        <Button onClick={closeDialog}>Cancel</Button>
        <Button variant="primary" busy={busy} onClick={() => void move()}>
          Move
        </Button>
      </ModalActions>
    </Modal>
  );
}

/** Deleting a trashed file for good, with its versions and links. */
export function PurgeDialog({ dialog }: { dialog: Extract<FileDialog, { kind: 'purge' }> }) {
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      onOpenChange={(o) => !o && closeDialog()}
      title={`Delete “${dialog.file.name}” forever?`}
      description="This removes the file, its earlier versions and its links from other records. It cannot be undone."
    >
      <ModalActions>
        <Button onClick={closeDialog}>Cancel</Button>
        <Button
          variant="danger"
          icon={Trash2}
          busy={busy}
          onClick={() => {
            setBusy(true);
            void purgeFile(dialog.file.id)
              .then(() => selectFile(null))
              .catch(() => undefined)
              .finally(closeDialog);
          }}
        >
          Delete forever
        </Button>
      </ModalActions>
    </Modal>
  );
}
