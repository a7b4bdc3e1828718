import { diffLines } from 'diff';
import { RotateCcw } from 'lucide-react';
import { useEffect, useState } from 'react';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { cx } from '../../../ui/cx';
import { Modal, ModalActions } from '../../../ui/Modal';
import { Spinner } from '../../../ui/Spinner';
import { restoreVersion, versions as loadVersions } from '../journal-data';
import type { Entry, Version } from '../journal-types';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An entry's saved versions, each as a line diff against the current text, with Restore. */
export function HistoryDialog({
  entry,
  open,
  onOpenChange,
  onRestored,
}: {
  entry: Entry;
  open: boolean;
  onOpenChange(o: boolean): void;
  onRestored(e: Entry): void;
}) {
  return (
    <Modal open={open} onOpenChange={onOpenChange} size="md" title="History" description="Earlier versions of this entry, compared with the text you have now.">
      {open ? <Versions entry={entry} onClose={() => onOpenChange(false)} onRestored={onRestored} /> : null}
    </Modal>
  );
}

function Versions({ entry, onClose, onRestored }: { entry: Entry; onClose(): void; onRestored(e: Entry): void }) {
  const [list, setList] = useState<Version[] | null>(null);
  const [picked, setPicked] = useState<Version | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    loadVersions(entry.id).then(
      (v) => {
        setList(v);
        setPicked(v[0] ?? null);
      },
      (err: unknown) => setError(describeError(err)),
    );
  }, [entry.id]);

  const restore = async () => {
    if (!picked) return;
    setBusy(true);
    try {
      onRestored(await restoreVersion(entry.id, picked.id));
      onClose();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {error ? <Callout tone="danger">{error}</Callout> : null}
      {list === null && !error ? (
        <p className="flex items-center gap-2 text-[13px] text-muted">
          <Spinner /> Loading versions…
        </p>
      ) : null}
      {list?.length === 0 ? <p className="text-[13px] text-muted">No earlier versions yet: a version is kept each time you change the text.</p> : null}
      {list && list.length > 0 ? (
        <div className="flex flex-col gap-3" data-testid="history">
          <select
            aria-label="Version"
            className="field-input"
            value={picked?.id ?? ''}
            onChange={(e) => setPicked(list.find((v) => v.id === e.target.value) ?? null)}
          >
            {list.map((v) => (
              <option key={v.id} value={v.id}>
                {when.format(new Date(v.savedAt))}
                {v.title ? ` · ${v.title}` : ''}
              </option>
            ))}
          </select>
          {picked ? (
            <pre
              className="max-h-[45vh] overflow-auto rounded-md border border-line bg-canvas p-2 font-mono text-xs whitespace-pre-wrap"
              data-testid="version-diff"
            >
              {diffLines(entry.body, picked.body).map((part, i) => (
                <span
                  key={i}
                  className={cx(
                    'block',
                    part.added && 'bg-success-soft text-success',
                    part.removed && 'bg-danger-soft text-danger line-through decoration-danger/40',
                  )}
                >
                  {part.value.replace(/\n$/, '')}
                </span>
              ))}
            </pre>
          ) : null}
          <p className="text-xs text-faint">Green: only in the earlier version. Red: only in the current text.</p>
        </div>
      ) : null}
      <ModalActions>
        <Button onClick={onClose}>Close</Button>
        <Button variant="primary" icon={RotateCcw} busy={busy} disabled={!picked} onClick={() => void restore()}>
          Restore this version
        </Button>
      </ModalActions>
    </>
  );
}
