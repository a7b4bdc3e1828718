import { CircleCheck, Download, FileLock2, FileWarning } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { ExportFormat } from '../../../../src-shared/domains/vault/vault.schemas';
import { describeError, errorCode } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { cx } from '../../../ui/cx';
import { Modal, ModalActions } from '../../../ui/Modal';
import { PasswordField } from '../../../ui/PasswordField';
import { downloadUrl } from '../file-io';
import { useVaultStore } from '../vault.store';
import { JobsTray } from '../../../app/JobsTray';

type Format = z.infer<typeof ExportFormat>;

const FORMATS: { format: Format; title: string; detail: string; encrypted: boolean }[] = [
  { format: 'hearth', title: 'Hearth export', detail: 'Encrypted; imports back into Hearth with nothing lost.', encrypted: true },
  { format: 'kdbx', title: 'KeePass (.kdbx)', detail: 'Encrypted; opens in KeePassXC and KeePass.', encrypted: true },
  { format: 'bitwarden-json', title: 'Bitwarden (.json)', detail: 'Not encrypted. For moving to Bitwarden.', encrypted: false },
  { format: 'csv', title: 'CSV', detail: 'Not encrypted. For spreadsheets and other apps.', encrypted: false },
];

/**
 * Export after a master-password re-prompt. Encrypted formats need their own file password (main refuses
 * the master password: the file would be a cheaper copy of it to crack); plaintext ones an acknowledgement.
 */
export function ExportDialog({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  return (
    <Modal open={open} onOpenChange={onOpenChange} size="md" title="Export the vault" description="Your items leave Hearth in a file you choose where to keep.">
      {open ? <ExportForm onClose={() => onOpenChange(false)} /> : null}
    </Modal>
  );
}

function ExportForm({ onClose }: { onClose(): void }) {
  const exportVault = useVaultStore((s) => s.exportVault);
  const [format, setFormat] = useState<Format>('hearth');
  const [password, setPassword] = useState('');
  const [exportPassword, setExportPassword] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ fileName: string; items: number; savedTo: string | null } | null>(null);
  const chosen = FORMATS.find((f) => f.format === format) ?? FORMATS[0]!;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password || busy) return;
    setBusy(true);
    setError(null);
    setPasswordError(null);
    setFileError(null);
    try {
      const result = await exportVault({
        format,
        password,
        exportPassword: chosen.encrypted ? exportPassword : undefined,
        acknowledgePlaintext: !chosen.encrypted && acknowledged,
      });
      // No save dialog (browser mode): the file is streamed from main's file store by ticket, never sent as base64.
      if (result.url) downloadUrl(result.fileName, result.url);
      setPassword('');
      setExportPassword('');
      setDone({ fileName: result.fileName, items: result.items, savedTo: result.savedTo });
    } catch (err) {
      const fileIssue = (err as { issues?: { path: string; message: string }[] }).issues?.find((i) => i.path === 'exportPassword');
      if (errorCode(err) === 'WRONG_PASSWORD') setPasswordError('Wrong password');
      else if (fileIssue) setFileError(fileIssue.message);
      else setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div className="flex flex-col items-center gap-2 py-4 text-center" data-testid="export-done">
        <CircleCheck className="size-10 text-success" aria-hidden strokeWidth={1.75} />
        <p className="text-base font-semibold text-text">
          Exported {done.items} {done.items === 1 ? 'item' : 'items'}
        </p>
        <p className="text-[13px] break-all text-muted">{done.savedTo ? `Saved to ${done.savedTo}` : `Downloaded as ${done.fileName}`}</p>
        <ModalActions>
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </ModalActions>
      </div>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-4">
      <div role="radiogroup" aria-label="Format" className="grid grid-cols-2 gap-2">
        {FORMATS.map((f) => (
          <label
            key={f.format}
            className={cx(
              'flex cursor-pointer gap-2.5 rounded-lg border p-3 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus',
              format === f.format ? 'border-accent bg-accent-soft' : 'border-line hover:bg-hover/60',
            )}
          >
            <input type="radio" name="export-format" value={f.format} checked={format === f.format} onChange={() => setFormat(f.format)} className="sr-only" />
            {f.encrypted ? (
              <FileLock2 className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
            ) : (
              <FileWarning className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
            )}
            <span className="min-w-0">
              <span className="block text-[13px] font-medium text-text">{f.title}</span>
              <span className="block text-xs text-muted">{f.detail}</span>
            </span>
          </label>
        ))}
      </div>
      {chosen.encrypted ? (
        <PasswordField
          label="File password"
          value={exportPassword}
          onChange={(e) => setExportPassword(e.target.value)}
          error={fileError}
          autoComplete="new-password"
          maxLength={1024}
          hint="Opens the exported file. Not your master password: keep it somewhere safe."
        />
      ) : (
        <Callout tone="warning">
          <p>Anyone who gets this file can read every password in it. Delete it once you are done.</p>
          <label className="mt-2 flex items-center gap-2 font-medium">
            <input
              type="checkbox"
              checked={acknowledged}
              onChange={(e) => setAcknowledged(e.target.checked)}
              className="size-4 accent-accent"
              data-testid="export-acknowledge"
            />
            I understand this file is not encrypted
          </label>
        </Callout>
      )}
      <PasswordField
        label="Master password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={passwordError}
        autoComplete="current-password"
        maxLength={1024}
        hint="Exporting always asks for it again."
      />
      {error ? <Callout tone="danger">{error}</Callout> : null}
      {busy ? <JobsTray placement="dialog" /> : null}
      <ModalActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" icon={Download} busy={busy} disabled={!password || (chosen.encrypted ? !exportPassword : !acknowledged)}>
          Export
        </Button>
      </ModalActions>
    </form>
  );
}
