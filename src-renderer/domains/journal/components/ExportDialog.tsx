import { Download } from 'lucide-react';
import { useState } from 'react';
import { describeError } from '../../../lib/errors';
import { downloadNotice, downloadUrl } from '../../../lib/files';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { exportEntries } from '../journal-data';
import { useJournalStore } from '../journal.store';

const FORMATS = [
  { id: 'markdown', label: 'Markdown (zip)', hint: 'One file per entry with its attachments; Hearth and most apps read it back.' },
  { id: 'json', label: 'JSON', hint: 'Everything, for scripts and backups.' },
  { id: 'pdf', label: 'PDF', hint: 'A printable book of the entries.' },
] as const;

/** Export: format, journals, date range → a download by ticket. */
export function ExportDialog({ open, onOpenChange }: { open: boolean; onOpenChange(o: boolean): void }) {
  const journals = useJournalStore((s) => s.journals);
  const say = useJournalStore((s) => s.say);
  const [format, setFormat] = useState<(typeof FORMATS)[number]['id']>('markdown');
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const readable = journals.filter((j) => j.privacy === 'normal' || j.open);
  const chosen = picked ?? new Set(readable.map((j) => j.id));

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await exportEntries({
        format,
        journalIds: [...chosen],
        from: from || undefined,
        to: to || undefined,
        includeLocked: readable.some((j) => j.privacy === 'locked' && chosen.has(j.id)),
      });
      downloadUrl(r.name, r.url);
      say(`Exported ${r.entries} ${r.entries === 1 ? 'entry' : 'entries'}. ${downloadNotice('The file', r.name)}`);
      onOpenChange(false);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} onOpenChange={onOpenChange} size="md" title="Export entries" description="The export is not encrypted: keep the file somewhere safe.">
      <div className="flex flex-col gap-4 text-[13px]">
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1 font-medium">Format</legend>
          {FORMATS.map((f) => (
            <label key={f.id} className="flex items-start gap-2">
              <input type="radio" name="journal-export-format" className="mt-1" checked={format === f.id} onChange={() => setFormat(f.id)} />
              <span>
                {f.label} <span className="block text-xs text-muted">{f.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 font-medium">Journals</legend>
          {readable.map((j) => (
            <label key={j.id} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={chosen.has(j.id)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(j.id);
                  else next.delete(j.id);
                  setPicked(next);
                }}
              />
              {j.name}
            </label>
          ))}
          {journals.length > readable.length ? <p className="text-xs text-muted">Locked journals appear here once you open them.</p> : null}
        </fieldset>
        <div className="flex flex-wrap gap-3">
          <label className="flex items-center gap-2">
            From <input type="date" className="field-input h-8 w-auto" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="flex items-center gap-2">
            To <input type="date" className="field-input h-8 w-auto" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
        </div>
        {error ? <Callout tone="danger">{error}</Callout> : null}
      </div>
      <ModalActions>
        <Button onClick={() => onOpenChange(false)}>Cancel</Button>
        <Button variant="primary" icon={Download} busy={busy} disabled={chosen.size === 0} onClick={() => void run()}>
          Export
        </Button>
      </ModalActions>
    </Modal>
  );
}
