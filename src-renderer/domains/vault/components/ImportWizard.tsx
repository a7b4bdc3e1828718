import { CircleCheck, FileUp, Upload } from 'lucide-react';
import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { z } from 'zod';
import type { ImportFormat, ImportPreview } from '../../../../src-shared/domains/vault/vault.schemas';
import { AppError } from '../../../../src-shared/ipc/result';
import { formatMiB } from '../../../../src-shared/lib/limits';
import { describeError, errorCode } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { cx } from '../../../ui/cx';
import { Modal, ModalActions } from '../../../ui/Modal';
import { PasswordField } from '../../../ui/PasswordField';
import { fileToBase64, MAX_IMPORT_BYTES } from '../file-io';
import { useVaultStore } from '../vault.store';
import { ImportKeyFile, type PickedKeyFile } from './ImportKeyFile';
import { ImportPreviewView } from './ImportPreviewView';
import { JobsTray } from '../../../app/JobsTray';

type Format = z.infer<typeof ImportFormat>;

export const FORMAT_LABELS: Record<Format, string> = {
  auto: 'Detect automatically',
  'bitwarden-json': 'Bitwarden (.json, also encrypted)',
  'bitwarden-csv': 'Bitwarden (.csv)',
  kdbx: 'KeePass / KeePassXC (.kdbx)',
  'keepass-xml': 'KeePass 2 (.xml)',
  'keepassxc-csv': 'KeePassXC (.csv)',
  '1password-1pux': '1Password (.1pux)',
  '1password-csv': '1Password (.csv)',
  'chrome-csv': 'Chrome, Edge, Brave (.csv)',
  'firefox-csv': 'Firefox (.csv)',
  'safari-csv': 'Safari, Apple Passwords (.csv)',
  hearth: 'Hearth export (.hearth)',
};

type Step = { kind: 'choose' } | { kind: 'preview'; preview: ImportPreview } | { kind: 'done'; imported: number; skipped: number };

interface Picked {
  fileName: string;
  size: number;
  contentBase64: string;
}

/** The dialog's description follows the step, so it never promises "nothing is written" after an import. */
const PHASE_TEXT: Record<Step['kind'], string> = {
  choose: 'Nothing is written until you confirm the preview.',
  preview: 'Nothing has been written yet. Check what was found, then import.',
  done: 'The import is finished.',
};

/** Import: pick a file, preview the dry run (counts, duplicates, skipped rows), then commit in one go. */
export function ImportWizard({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  const [phase, setPhase] = useState<Step['kind']>('choose');
  return (
    <Modal open={open} onOpenChange={onOpenChange} size="md" title="Import into the vault" description={PHASE_TEXT[open ? phase : 'choose']}>
      {open ? <WizardBody onClose={() => onOpenChange(false)} onPhase={setPhase} /> : null}
    </Modal>
  );
}

function WizardBody({ onClose, onPhase }: { onClose(): void; onPhase(phase: Step['kind']): void }) {
  const importPreview = useVaultStore((s) => s.importPreview);
  const importCommit = useVaultStore((s) => s.importCommit);
  const usesDialogs = useVaultStore((s) => s.transport === 'electron');
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [picked, setPicked] = useState<Picked | null>(null);
  const [format, setFormat] = useState<Format>('auto');
  const [sourcePassword, setSourcePassword] = useState('');
  const [keyFile, setKeyFile] = useState<PickedKeyFile | null>(null);
  const [needsPassword, setNeedsPassword] = useState(false);
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [skipDuplicates, setSkipDuplicates] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Whether the previewed file was opened with a password (shown in the preview). */
  const [decrypted, setDecrypted] = useState(false);
  useEffect(() => onPhase(step.kind), [onPhase, step.kind]);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (file.size > MAX_IMPORT_BYTES) return setError(`Import files are limited to ${formatMiB(MAX_IMPORT_BYTES)}.`);
    setPicked({ fileName: file.name, size: file.size, contentBase64: await fileToBase64(file) });
    setNeedsPassword(/\.(kdbx|hearth)$/i.test(file.name));
    setPasswordError(null);
  };

  const preview = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || (!picked && !usesDialogs)) return;
    setBusy(true);
    setError(null);
    setPasswordError(null);
    try {
      const file = picked ? { fileName: picked.fileName, contentBase64: picked.contentBase64 } : undefined;
      const result = await importPreview({ file, format, sourcePassword: sourcePassword || undefined, keyFile: keyFile ?? undefined });
      setDecrypted(sourcePassword !== '');
      setStep({ kind: 'preview', preview: result });
    } catch (err) {
      if (errorCode(err) === 'WRONG_PASSWORD') {
        setNeedsPassword(true);
        // Main names the format and what it needs ("This Bitwarden export is password protected…").
        setPasswordError(err instanceof AppError ? err.message : 'Enter the password of this file');
      } else setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  const commit = async (importId: string) => {
    setBusy(true);
    setError(null);
    try {
      const { imported, skipped } = await importCommit(importId, skipDuplicates);
      setPicked(null);
      setSourcePassword('');
      setKeyFile(null);
      setStep({ kind: 'done', imported, skipped });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  if (step.kind === 'done') {
    return (
      <div className="flex flex-col items-center gap-2 py-4 text-center" data-testid="import-done">
        <CircleCheck className="size-10 text-success" aria-hidden strokeWidth={1.75} />
        <p className="text-base font-semibold text-text">
          Imported {step.imported} {step.imported === 1 ? 'item' : 'items'}
        </p>
        {step.skipped > 0 ? <p className="text-[13px] text-muted">{step.skipped} skipped (duplicates or unreadable rows).</p> : null}
        <ModalActions>
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </ModalActions>
      </div>
    );
  }

  if (step.kind === 'preview') {
    const { preview: p } = step;
    const toImport = p.total - (skipDuplicates ? p.duplicates : 0);
    return (
      <div className="flex flex-col gap-4">
        {decrypted ? <p className="text-[13px] text-muted">Opened with the file password (used once, not stored).</p> : null}
        <ImportPreviewView preview={p} skipDuplicates={skipDuplicates} onSkipDuplicates={setSkipDuplicates} formatLabel={FORMAT_LABELS[p.format]} />
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <ModalActions>
          <Button onClick={() => setStep({ kind: 'choose' })}>Back</Button>
          <Button variant="primary" icon={Upload} busy={busy} disabled={toImport === 0} onClick={() => void commit(p.importId)} data-testid="import-commit">
            Import {toImport} {toImport === 1 ? 'item' : 'items'}
          </Button>
        </ModalActions>
      </div>
    );
  }

  // A form, so Enter in the file password field previews.
  return (
    <form className="flex flex-col gap-4" onSubmit={(e) => void preview(e)} noValidate>
      {usesDialogs ? <Callout>Hearth opens a file dialog when you continue.</Callout> : <FileDropZone picked={picked} onPick={(file) => void pick(file)} />}
      <div className="flex flex-col gap-1.5">
        <label htmlFor="vault-import-format" className="text-[13px] font-medium text-text">
          Format
        </label>
        <select
          id="vault-import-format"
          value={format}
          onChange={(e) => setFormat(e.target.value as Format)}
          className="field-input"
          data-testid="import-format"
        >
          {(Object.keys(FORMAT_LABELS) as Format[]).map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </div>
      {needsPassword ? (
        <PasswordField
          label="File password"
          value={sourcePassword}
          onChange={(e) => setSourcePassword(e.target.value)}
          error={passwordError}
          hint="The password that opens this file: the export password, or a KeePass database's master password. Used once, not stored."
          autoComplete="off"
          maxLength={1024}
          autoFocus
        />
      ) : (
        <button type="button" onClick={() => setNeedsPassword(true)} className="self-start text-xs font-medium text-accent hover:underline">
          Enter a file password (encrypted exports)
        </button>
      )}
      {format === 'kdbx' || usesDialogs || /\.kdbx$/i.test(picked?.fileName ?? '') ? <ImportKeyFile value={keyFile} onChange={setKeyFile} /> : null}
      {error ? <Callout tone="danger">{error}</Callout> : null}
      {busy ? <JobsTray placement="dialog" /> : null}
      <ModalActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" busy={busy} disabled={!picked && !usesDialogs} data-testid="import-preview">
          Preview
        </Button>
      </ModalActions>
    </form>
  );
}

/** Drop a file or choose one; the file is read in memory and sent to main as base64 (browser mode). */
function FileDropZone({ picked, onPick }: { picked: Picked | null; onPick(file: File | undefined): void }) {
  const [dragging, setDragging] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    onPick(e.dataTransfer.files[0]);
  };
  return (
    <div
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      className={cx(
        'flex flex-col items-center gap-2 rounded-xl border border-dashed px-4 py-6 text-center transition-colors',
        dragging ? 'border-accent bg-accent-soft' : 'border-line-strong bg-subtle/60',
      )}
    >
      <FileUp className="size-7 text-faint" aria-hidden strokeWidth={1.75} />
      {picked ? (
        <p className="text-[13px] text-text">
          <span className="font-medium">{picked.fileName}</span> <span className="text-muted">· {Math.max(1, Math.round(picked.size / 1024))} KB</span>
        </p>
      ) : (
        <p className="text-[13px] text-muted">Drop an export file here, or</p>
      )}
      <input
        ref={fileRef}
        type="file"
        className="sr-only"
        tabIndex={-1}
        aria-label="Import file"
        data-testid="import-file"
        accept=".json,.csv,.kdbx,.xml,.1pux,.hearth"
        onChange={(e) => onPick(e.target.files?.[0])}
      />
      <Button size="sm" onClick={() => fileRef.current?.click()}>
        {picked ? 'Choose another file…' : 'Choose file…'}
      </Button>
    </div>
  );
}
