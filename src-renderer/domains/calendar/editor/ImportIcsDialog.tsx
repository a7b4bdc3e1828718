import { Upload } from 'lucide-react';
import { useState } from 'react';
import type { Calendar } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { Spinner } from '../../../ui/Spinner';
import { importCommit, importPreview, uploadBlob, type ImportPreview } from './editor-data';
import { selectClass } from './controls';

type Phase = { step: 'pick' } | { step: 'reading' } | { step: 'preview'; preview: ImportPreview } | { step: 'done'; message: string };
const PICK_BUTTON =
  'inline-flex h-9 cursor-pointer items-center gap-2 self-start rounded-md border border-line-strong bg-surface px-3.5 text-sm font-medium hover:bg-hover';
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Import an .ics file: upload (ticket) → preview (counts, duplicates, what is kept uninterpreted, warnings) → commit. */
export function ImportIcsDialog({ calendars, selectedCalendarId, onClose }: { calendars: Calendar[]; selectedCalendarId: string | null; onClose(): void }) {
  const writable = calendars.filter((c) => !c.readOnly);
  const [into, setInto] = useState<string>(writable.some((c) => c.id === selectedCalendarId) ? selectedCalendarId! : '');
  const [phase, setPhase] = useState<Phase>({ step: 'pick' });
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function pick(file: File | undefined) {
    if (!file) return;
    setError(null);
    setPhase({ step: 'reading' });
    try {
      const blobId = await uploadBlob(file);
      const preview = await importPreview({ blobId, calendarId: into || undefined, fileName: file.name.slice(0, 255) });
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
      const r = await importCommit({ previewId: p.previewId, duplicates: replace ? 'replace' : 'skip' });
      const parts = [
        plural(r.events, 'event'),
        r.tasks ? plural(r.tasks, 'task') : '',
        r.skipped ? `${r.skipped} skipped` : '',
        r.replaced ? `${r.replaced} replaced` : '',
      ];
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
      title="Import .ics"
      description="Events and tasks from an iCalendar file. Nothing is imported before you confirm."
    >
      <div className="flex flex-col gap-3 text-[13px]" data-testid="cal-import">
        {phase.step === 'pick' ? (
          <>
            <label className="flex flex-col gap-1 text-[12px] font-medium text-muted">
              Import into
              <select className={selectClass} aria-label="Import into" value={into} onChange={(e) => setInto(e.target.value)}>
                <option value="">A new calendar named after the file</option>
                {writable.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label className={PICK_BUTTON}>
              <Upload className="size-4" aria-hidden /> Choose an .ics file…
              <input
                type="file"
                className="sr-only"
                aria-label="ICS file"
                accept=".ics,.ical,.ifb,.icalendar,text/calendar"
                onChange={(e) => void pick(e.target.files?.[0])}
              />
            </label>
          </>
        ) : null}
        {phase.step === 'reading' ? (
          <p className="flex items-center gap-2 text-muted">
            <Spinner /> Reading the file…
          </p>
        ) : null}
        {p ? (
          <div className="flex flex-col gap-2" data-testid="cal-import-preview">
            <p>
              <span className="font-medium">{p.name}</span>
              {': '}
              <span data-testid="cal-import-counts">
                {[
                  plural(p.events, 'event'),
                  `${p.recurring} repeating`,
                  plural(p.overrides, 'changed instance'),
                  plural(p.tasks, 'task'),
                  plural(p.timezones, 'time zone'),
                ].join(', ')}
              </span>
            </p>
            {p.duplicates > 0 ? (
              <label className="flex items-center gap-2" data-testid="cal-import-duplicates">
                <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
                {`${plural(p.duplicates, 'event')} already in the calendar: replace ${p.duplicates === 1 ? 'it' : 'them'} (otherwise skipped)`}
              </label>
            ) : (
              <p className="text-muted" data-testid="cal-import-duplicates">
                No duplicates.
              </p>
            )}
            {p.unsupported.length > 0 ? (
              <details>
                <summary className="cursor-pointer text-muted">
                  {`${plural(p.unsupported.length, 'property', 'properties')} kept as they are, not interpreted`}
                </summary>
                <ul className="mt-1 max-h-28 overflow-y-auto font-mono text-xs text-muted">
                  {p.unsupported.map((u) => (
                    <li key={u.name}>{`${u.name} × ${u.count}`}</li>
                  ))}
                </ul>
              </details>
            ) : null}
            {p.warnings.map((w) => (
              <p key={w} className="text-xs text-warning">
                {w}
              </p>
            ))}
          </div>
        ) : null}
        {phase.step === 'done' ? <Callout>{phase.message}</Callout> : null}
        {error ? <Callout tone="danger">{error}</Callout> : null}
      </div>
      <ModalActions>
        <Button onClick={onClose}>{phase.step === 'done' ? 'Close' : 'Cancel'}</Button>
        {p ? (
          <Button variant="primary" busy={busy} disabled={p.events + p.tasks === 0} onClick={() => void commit(p)}>
            Import
          </Button>
        ) : null}
      </ModalActions>
    </Modal>
  );
}
