import { useEffect, useState } from 'react';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { cx } from '../../../ui/cx';
import { describeError } from '../../../lib/errors';
import { findFiles, findJournalEntries, goalsApi } from './goals-api';
import { fmtDay, inputClass, Labeled } from './goals-ui';
import { useAction } from './useGoalsQuery';

type Kind = 'journal' | 'file' | 'note';
interface Candidate {
  id: string;
  title: string;
  date: string;
}

/** Link evidence: pick a journal entry or a library file (search or the latest ones), or write a note. */
export function EvidenceDialog({ goalId, onClose }: { goalId: string; onClose(): void }) {
  const [kind, setKind] = useState<Kind>('journal');
  const [query, setQuery] = useState('');
  // The results of one search, kept with what was searched: results of an earlier search are never shown.
  const [results, setResults] = useState<{ key: string; list: Candidate[]; error: string | null } | null>(null);
  const [picked, setPicked] = useState<Candidate | null>(null);
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();

  useEffect(() => {
    if (kind === 'note') return;
    let live = true;
    const key = `${kind}/${query}`;
    const timer = window.setTimeout(() => {
      (kind === 'journal' ? findJournalEntries(query) : findFiles(query)).then(
        (list) => live && setResults({ key, list, error: null }),
        (err: unknown) => live && setResults({ key, list: [], error: describeError(err) }),
      );
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [kind, query]);

  const found = results?.key === `${kind}/${query}` ? results.list : null;
  const findError = found ? (results?.error ?? null) : null;
  const choose = (next: Kind) => {
    setKind(next);
    setPicked(null);
  };

  const save = () =>
    run(async () => {
      if (kind === 'note') await goalsApi.addEvidence({ goalId, kind, title: note.trim() });
      else if (picked) await goalsApi.addEvidence({ goalId, kind, refId: picked.id, title: picked.title.slice(0, 500) });
      onClose();
    });
  const ready = kind === 'note' ? note.trim() !== '' : picked !== null;

  return (
    <Modal open onOpenChange={(o) => !o && onClose()} size="md" title="Link evidence" description="Something that shows the goal moving.">
      <div className="flex flex-col gap-3 text-[13px]">
        <fieldset className="flex gap-4">
          <legend className="sr-only">Kind of evidence</legend>
          {(['journal', 'file', 'note'] as const).map((k) => (
            <label key={k} className="flex items-center gap-1.5">
              <input
                type="radio"
                className="accent-accent"
                name="evidence-kind"
                checked={kind === k}
                onChange={() => choose(k)}
                data-testid={`evidence-kind-${k}`}
              />
              {k === 'journal' ? 'Journal entry' : k === 'file' ? 'File' : 'Note'}
            </label>
          ))}
        </fieldset>
        {kind === 'note' ? (
          <Labeled label="Note">
            <input className={inputClass} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} autoFocus data-testid="evidence-note" />
          </Labeled>
        ) : (
          <>
            <Labeled label={kind === 'journal' ? 'Search your journal' : 'Search your files'}>
              <input
                className={inputClass}
                value={query}
                onChange={(e) => {
                  setQuery(e.target.value);
                  setPicked(null);
                }}
                placeholder="Empty: the latest ones"
                data-testid="evidence-search"
              />
            </Labeled>
            <ul className="flex max-h-56 flex-col overflow-y-auto rounded-md border border-line" role="listbox" aria-label="Results">
              {found === null ? <li className="px-3 py-2 text-muted">Searching…</li> : null}
              {found?.length === 0 ? <li className="px-3 py-2 text-muted">{findError ?? 'Nothing found.'}</li> : null}
              {found?.map((c) => (
                <li key={c.id} role="option" aria-selected={picked?.id === c.id}>
                  <button
                    type="button"
                    onClick={() => setPicked(c)}
                    className={cx('flex w-full items-center gap-2 px-3 py-1.5 text-left hover:bg-hover', picked?.id === c.id && 'bg-accent-soft')}
                    data-testid="evidence-candidate"
                  >
                    <span className="min-w-0 flex-1 truncate">{c.title}</span>
                    <span className="shrink-0 text-[11px] text-faint">{fmtDay(c.date)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {error ? <Callout tone="danger">{error}</Callout> : null}
      </div>
      <ModalActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="primary" busy={busy} disabled={!ready} onClick={() => void save()} data-testid="evidence-save">
          Link
        </Button>
      </ModalActions>
    </Modal>
  );
}
