import { BookOpen, FileText, Plus, StickyNote, X } from 'lucide-react';
import { useState } from 'react';
import type { GoalDetail } from '../../../../src-shared/domains/goals/goals.schemas';
import { openRecord } from '../../../app/open-record';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { EvidenceDialog } from './EvidenceDialog';
import { goalsApi } from './goals-api';
import { fmtDay, Section } from './goals-ui';
import { useAction } from './useGoalsQuery';

type Evidence = GoalDetail['evidence'][number];
const ICON = { journal: BookOpen, file: FileText, note: StickyNote } as const;
const KIND = { journal: 'Journal entry', file: 'File', note: 'Note' } as const;

/** What shows the goal moving: journal entries, library files and notes linked to it. */
export function EvidenceSection({ goalId, evidence }: { goalId: string; evidence: Evidence[] }) {
  const [adding, setAdding] = useState(false);
  const { error, run } = useAction();
  return (
    <Section
      title="Evidence"
      testId="goal-evidence"
      action={
        <Button size="sm" icon={Plus} onClick={() => setAdding(true)} data-testid="evidence-new">
          Evidence
        </Button>
      }
    >
      {evidence.length === 0 ? (
        <p className="text-[12px] text-faint">Nothing linked yet. Link a journal entry, a file from your library, or write a note.</p>
      ) : (
        <ul className="flex flex-col gap-1">
          {evidence.map((e) => {
            const Icon = ICON[e.kind];
            return (
              <li key={e.id} className="flex items-center gap-2 text-[13px]" data-testid="evidence-row">
                <Icon className="size-4 shrink-0 text-muted" aria-label={KIND[e.kind]} />
                {e.kind !== 'note' && e.refId ? (
                  <button
                    type="button"
                    className="min-w-0 flex-1 text-left break-words text-text underline-offset-2 hover:underline"
                    onClick={() => void openRecord({ domain: e.kind === 'journal' ? 'journal' : 'files', id: e.refId! })}
                    title={`Open in ${e.kind === 'journal' ? 'the journal' : 'Files'}`}
                  >
                    {e.title}
                  </button>
                ) : (
                  <span className="min-w-0 flex-1 break-words text-text">{e.title}</span>
                )}
                <span className="shrink-0 text-[11px] text-faint">{fmtDay(e.createdAt.slice(0, 10))}</span>
                <Button
                  size="sm"
                  variant="ghost"
                  icon={X}
                  aria-label={`Unlink ${e.title}`}
                  onClick={() => void run(async () => void (await goalsApi.removeEvidence({ id: e.id })))}
                />
              </li>
            );
          })}
        </ul>
      )}
      {error ? <Callout tone="danger">{error}</Callout> : null}
      {adding ? <EvidenceDialog goalId={goalId} onClose={() => setAdding(false)} /> : null}
    </Section>
  );
}
