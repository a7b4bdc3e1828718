import { FileUp, FolderUp } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { ImportPreview, ImportRun } from '../../../../src-shared/domains/email/email.schemas';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { Spinner } from '../../../ui/Spinner';
import { emailApi } from '../email-api';
import { plural, sizeLabel } from '../email-format';
import { mailFiles, pickName, uploadMail, type PickedMail } from '../email-upload';
import { loadRuns, putRun, useMailStore } from '../email.store';
import { RUN_STATE, RunsList, runLine } from './ImportRuns';

type Source = { kind: 'upload'; files: { path: string; blobId: string }[] };
type Phase =
  | { step: 'pick' }
  | { step: 'upload'; done: number; total: number; current: string }
  | { step: 'reading' }
  | { step: 'preview'; source: Source; name: string; preview: ImportPreview }
  | { step: 'started'; runId: string };

const PICK =
  'inline-flex h-9 cursor-pointer items-center gap-2 rounded-md border border-line-strong bg-surface px-3.5 text-sm font-medium ' +
  'hover:bg-hover focus-within:ring-2 focus-within:ring-focus';
const FORMAT = { mbox: 'mbox', eml: '.eml files', emlx: 'Apple Mail .emlx files' } as const;

function PreviewSummary({ p }: { p: ImportPreview }) {
  return (
    <div className="flex flex-col gap-2" data-testid="mail-import-preview">
      <p>
        <span className="font-medium">{FORMAT[p.format]}</span>
        {': '}
        <span data-testid="mail-import-count">{plural(p.messages, 'message')}</span>
        {` in ${plural(p.folders.length, 'folder')}, ${sizeLabel(p.bytes)}`}
      </p>
      <p className={p.duplicates ? 'text-warning' : 'text-muted'} data-testid="mail-import-duplicates">
        {p.duplicates ? `${plural(p.duplicates, 'message')} already archived or twice in the source: stored once.` : 'No duplicates.'}
      </p>
      {p.unparsed.length > 0 ? (
        <div>
          <p className="text-muted">Kept as raw bytes (unreadable), with why:</p>
          <ul className="ml-4 list-disc text-[12px] text-muted" data-testid="mail-import-unparsed">
            {p.unparsed.map((u) => (
              <li key={u.reason}>{`${u.count} × ${u.reason}`}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {p.folders.length > 1 ? (
        <p className="text-[12px] break-words text-muted">{`Folders: ${p.folders.map((f) => `${f.path} (${f.messages})`).join(', ')}`}</p>
      ) : null}
      {p.sample.length > 0 ? (
        <ul className="flex max-h-44 flex-col divide-y divide-line overflow-y-auto rounded-md border border-line text-[12px]" data-testid="mail-import-sample">
          {p.sample.map((s, i) => (
            <li key={i} className="flex flex-col px-2 py-1">
              <span className="truncate text-text">{s.subject || '(no subject)'}</span>
              <span className="truncate text-faint">{[s.from, s.date?.slice(0, 10)].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * Import mail: pick an mbox, .eml/.emlx files or a folder of them → streamed to upload tickets → a dry-run preview
 * (counts, duplicates, what is kept unparsed and why, a sample) → the import runs in the background with progress
 * (Pause / Resume / Cancel here and under the list). The runs so far are listed below.
 */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const [phase, setPhase] = useState<Phase>({ step: 'pick' });
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef(new AbortController());
  const runs = useMailStore((s) => s.runs);
  useEffect(() => {
    void loadRuns();
    const controller = abort.current;
    return () => controller.abort();
  }, []);

  async function pick(files: FileList | null) {
    const picked: PickedMail[] = mailFiles(files ?? []);
    if (picked.length === 0) return;
    setError(null);
    try {
      const uploaded = await uploadMail(picked, (done, current) => setPhase({ step: 'upload', done, total: picked.length, current }), abort.current.signal);
      setPhase({ step: 'reading' });
      const source: Source = { kind: 'upload', files: uploaded };
      const preview = await emailApi.importPreview({ source });
      setPhase({ step: 'preview', source, name: pickName(picked), preview });
    } catch (err) {
      if (abort.current.signal.aborted) return;
      setPhase({ step: 'pick' });
      setError(describeError(err));
    }
  }

  async function start(source: Source) {
    setBusy(true);
    setError(null);
    try {
      const run = await emailApi.importStart({ source, ...(folder.trim() ? { folder: folder.trim() } : {}) });
      putRun(run);
      setPhase({ step: 'started', runId: run.id });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  const p = phase.step === 'preview' ? phase : null;
  const started: ImportRun | undefined = phase.step === 'started' ? runs.find((r) => r.id === phase.runId) : undefined;
  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      size="md"
      title="Import mail"
      description="An mbox file (Gmail Takeout, Thunderbird), .eml or .emlx files, or a folder of them. Nothing is imported before you confirm; the files themselves are not changed."
    >
      <div className="flex flex-col gap-3 text-[13px]" data-testid="mail-import">
        {phase.step === 'pick' ? (
          <div className="flex flex-wrap gap-2">
            <label className={PICK}>
              <FileUp className="size-4" aria-hidden /> Choose files…
              <input
                type="file"
                multiple
                className="sr-only"
                aria-label="mbox, .eml or .emlx files to import"
                accept=".mbox,.mbx,.eml,.emlx,application/mbox,message/rfc822"
                onChange={(e) => void pick(e.target.files)}
                data-testid="mail-import-file"
              />
            </label>
            <label className={PICK}>
              <FolderUp className="size-4" aria-hidden /> Choose a folder…
              <input
                type="file"
                className="sr-only"
                aria-label="Folder of .eml or .emlx files to import"
                {...{ webkitdirectory: '' }}
                onChange={(e) => void pick(e.target.files)}
                data-testid="mail-import-folder"
              />
            </label>
          </div>
        ) : null}
        {phase.step === 'upload' ? (
          <p className="flex min-w-0 items-center gap-2 text-muted">
            <Spinner /> <span className="truncate">{`Encrypting ${Math.min(phase.done + 1, phase.total)} of ${phase.total}: ${phase.current}`}</span>
          </p>
        ) : null}
        {phase.step === 'reading' ? (
          <p className="flex items-center gap-2 text-muted">
            <Spinner /> Counting the messages…
          </p>
        ) : null}
        {p ? (
          <>
            <PreviewSummary p={p.preview} />
            <label className="flex flex-col gap-1">
              <span className="text-[12px] font-medium text-muted">Archive folder (optional)</span>
              <input
                className="field-input h-8 text-[13px]"
                value={folder}
                maxLength={1024}
                placeholder={p.preview.format === 'mbox' ? `Default: ${p.name}` : 'Default: the folders as picked'}
                onChange={(e) => setFolder(e.target.value)}
                data-testid="mail-import-folder-name"
              />
            </label>
          </>
        ) : null}
        {phase.step === 'started' ? (
          <Callout>
            <span data-testid="mail-import-started">
              {started?.state === 'done'
                ? `Done: ${runLine(started)}.`
                : `${started ? `${RUN_STATE[started.state]}: ${runLine(started)}.` : 'Importing…'} You can close this window: the import goes on, and its progress shows under the list.`}
            </span>
          </Callout>
        ) : null}
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <RunsList runs={runs} />
      </div>
      <ModalActions>
        <Button onClick={onClose}>{phase.step === 'started' ? 'Close' : 'Cancel'}</Button>
        {p ? (
          <Button variant="primary" busy={busy} disabled={p.preview.messages <= 0} onClick={() => void start(p.source)} data-testid="mail-import-start">
            Import
          </Button>
        ) : null}
      </ModalActions>
    </Modal>
  );
}
