import { Upload } from 'lucide-react';
import { useState } from 'react';
import type { ImportPreview } from '../../../../src-shared/domains/goals/goals.schemas';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { DialogOutcome } from './DialogOutcome';
import { Modal, ModalActions } from '../../../ui/Modal';
import { Spinner } from '../../../ui/Spinner';
import { goalsApi, uploadBlob } from '../plans/goals-api';
import { plural } from '../plans/goals-ui';
import { ImportPreviewSummary } from './ImportPreviewSummary';

type Phase = { step: 'pick' } | { step: 'reading' } | { step: 'preview'; preview: ImportPreview } | { step: 'done'; message: string };
const PICK_BUTTON =
  'inline-flex h-9 cursor-pointer items-center gap-2 self-start rounded-md border border-line-strong bg-surface px-3.5 text-sm font-medium ' +
  'hover:bg-hover focus-within:ring-2 focus-within:ring-focus';

/** Import tasks: upload (ticket) → dry-run preview (counts, duplicates, what is skipped and why, a sample) → commit. */
export function ImportTasksDialog({ onClose }: { onClose(): void }) {
  const [phase, setPhase] = useState<Phase>({ step: 'pick' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function pick(file: File | undefined) {
    if (!file) return;
    setError(null);
    setPhase({ step: 'reading' });
    try {
      const blobId = await uploadBlob(file);
      const preview = await goalsApi.importPreview({ blobId, fileName: file.name.slice(0, 255) });
      setPhase({ step: 'preview', preview });
    } catch (err) {
      setPhase({ step: 'pick' });
      setError(describeError(err));
    }
  }

  async function commit(p: ImportPreview) {
    setBusy(true);
    setError(null);
    try {
      const r = await goalsApi.importCommit({ previewId: p.previewId });
      const parts = [plural(r.tasks, 'task'), r.projects ? plural(r.projects, 'project') : '', r.skipped ? `${r.skipped} skipped` : ''];
      setPhase({ step: 'done', message: `Imported ${parts.filter(Boolean).join(', ')}.` });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  const p = phase.step === 'preview' ? phase.preview : null;
  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      size="md"
      title="Import tasks"
      description="From a Todoist CSV, a TickTick CSV, an iCalendar (.ics) file of to-dos or a Hearth goals JSON export. Nothing is imported before you confirm."
    >
      <div className="flex flex-col gap-3 text-[13px]" data-testid="goals-import">
        {phase.step === 'pick' ? (
          <label className={PICK_BUTTON}>
            <Upload className="size-4" aria-hidden /> Choose a file…
            <input
              type="file"
              className="sr-only"
              aria-label="File to import"
              accept=".csv,.ics,.json,text/csv,text/calendar,application/json"
              onChange={(e) => void pick(e.target.files?.[0])}
              data-testid="goals-import-file"
            />
          </label>
        ) : null}
        {phase.step === 'reading' ? (
          <p className="flex items-center gap-2 text-muted">
            <Spinner /> Reading the file…
          </p>
        ) : null}
        {p ? <ImportPreviewSummary preview={p} /> : null}
        <DialogOutcome done={phase.step === 'done' ? phase.message : null} error={error} testId="goals-import-done" className="" />
      </div>
      <ModalActions>
        <Button onClick={onClose}>{phase.step === 'done' ? 'Close' : 'Cancel'}</Button>
        {p ? (
          <Button
            variant="primary"
            busy={busy}
            disabled={p.tasks + p.subtasks - p.duplicates <= 0}
            onClick={() => void commit(p)}
            data-testid="goals-import-commit"
          >
            Import
          </Button>
        ) : null}
      </ModalActions>
    </Modal>
  );
}
