import { FolderOpen } from 'lucide-react';
import { useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/TextField';
import { pickFolder } from '../backup-api';

interface FolderChooserProps {
  label: ReactNode;
  /** The chosen folder, or null. */
  folder: string | null;
  /** What to say while there is no folder. */
  emptyText: string;
  /** Uses a folder; rejects with main's error (shown under the path field). */
  onChoose(folder: string): Promise<void> | void;
  disabled?: boolean;
}

/**
 * A folder: "Choose…" opens the desktop app's folder dialog. When there is none (browser mode: `pickFolder` answers
 * null, as it does when the dialog is cancelled), a field takes the folder's absolute path instead.
 */
export function FolderChooser({ label, folder, emptyText, onChoose, disabled }: FolderChooserProps) {
  const [typing, setTyping] = useState(false);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const apply = async (value: string) => {
    setBusy(true);
    setError(null);
    try {
      await onChoose(value);
      setTyping(false);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    setError(null);
    try {
      const picked = await pickFolder();
      if (picked) await apply(picked);
      else {
        setPath(folder ?? '');
        setTyping(true);
      }
    } catch (err) {
      // The dialog failed: the path field is still a way in.
      setPath(folder ?? '');
      setTyping(true);
      setError(describeError(err));
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim()) void apply(path.trim());
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    setTyping(false);
    setError(null);
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-4">
        <div className="min-w-0">
          <div className="text-sm text-text">{label}</div>
          <p className={folder ? 'mt-0.5 font-mono text-xs break-all text-muted' : 'mt-0.5 text-xs text-muted'} data-testid="backup-folder">
            {folder ?? emptyText}
          </p>
        </div>
        <Button size="sm" icon={FolderOpen} onClick={() => void choose()} disabled={disabled || busy} data-testid="backup-choose-folder">
          {folder ? 'Change…' : 'Choose…'}
        </Button>
      </div>
      {typing ? (
        <form className="flex flex-col gap-2" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
          <TextField
            label="Folder path"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder="/media/usb/Hearth backups"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            mono
            className="text-[13px]"
            maxLength={4096}
            error={error}
            hint="The folder's full path: a USB stick or a synced folder, for example."
          />
          <div className="flex justify-end gap-2">
            <Button size="sm" variant="ghost" onClick={() => setTyping(false)}>
              Cancel
            </Button>
            <Button size="sm" type="submit" variant="primary" busy={busy} disabled={!path.trim()}>
              Use this folder
            </Button>
          </div>
        </form>
      ) : error ? (
        <p role="alert" className="text-[13px] text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
