import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { KeyResult } from '../../../../src-shared/domains/goals/goals.schemas';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Sparkline } from '../charts/Sparkline';
import { goalsApi } from './goals-api';
import { fmtDay, fmtNum, inputClass, ProgressBar, Section } from './goals-ui';
import { KeyResultDialog } from './KeyResultDialog';
import { useAction } from './useGoalsQuery';

/** A goal's key results: a new value with a note (kept in the history the sparkline draws), a milestone's done box. */
export function KeyResultsSection({ goalId, keyResults }: { goalId: string; keyResults: KeyResult[] }) {
  const [adding, setAdding] = useState(false);
  return (
    <Section
      title="Key results"
      testId="kr-section"
      action={
        <Button size="sm" icon={Plus} onClick={() => setAdding(true)} data-testid="kr-new">
          Key result
        </Button>
      }
    >
      {keyResults.length === 0 ? (
        <p className="text-[12px] text-faint">No key results yet. Add a number to move (pages read, kg, €) or a milestone with a date.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {keyResults.map((kr) => (
            <KeyResultRow key={kr.id} kr={kr} />
          ))}
        </ul>
      )}
      {adding ? <KeyResultDialog goalId={goalId} onClose={() => setAdding(false)} /> : null}
    </Section>
  );
}

function KeyResultRow({ kr }: { kr: KeyResult }) {
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, run, setError } = useAction();
  const record = () => {
    const n = Number(value.trim().replace(',', '.'));
    if (value.trim() === '' || !Number.isFinite(n)) return setError('Enter a number, like 12 or 3.5.');
    void run(async () => {
      await goalsApi.updateKeyResult({ id: kr.id, currentValue: n, note: note.trim() });
      setValue('');
      setNote('');
    });
  };
  const toggle = (done: boolean) => run(async () => void (await goalsApi.updateKeyResult({ id: kr.id, done })));
  const remove = () => run(async () => void (await goalsApi.deleteKeyResult({ id: kr.id })));
  const unit = kr.unit ? ` ${kr.unit}` : '';
  const history = kr.history.map((p) => p.value);
  const lower = kr.direction === 'decrease' ? ', lower is better' : '';

  return (
    <li className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-3" data-testid="kr-row">
      <div className="flex flex-wrap items-center gap-2">
        {kr.kind === 'milestone' ? (
          <input
            type="checkbox"
            className="size-4 accent-accent"
            checked={kr.doneAt !== null}
            disabled={busy}
            onChange={(e) => void toggle(e.target.checked)}
            aria-label={`${kr.title} reached`}
            data-testid="kr-done"
          />
        ) : null}
        <span className="min-w-0 flex-1 text-[13px] font-medium break-words text-text">{kr.title}</span>
        <span className="text-[12px] text-muted tabular-nums" data-testid="kr-value">
          {kr.kind === 'milestone'
            ? `${kr.doneAt ? 'Reached' : 'Open'}${kr.dueDate ? ` · due ${fmtDay(kr.dueDate)}` : ''}`
            : `${fmtNum(kr.currentValue)}${unit} (from ${fmtNum(kr.startValue)} to ${fmtNum(kr.targetValue)}${unit}${lower})`}
        </span>
        {kr.kind === 'numeric' ? <Sparkline values={history} label={`History of ${kr.title}: ${history.map(fmtNum).join(', ')}`} /> : null}
        <Button size="sm" variant="ghost" icon={Trash2} aria-label={`Delete key result ${kr.title}`} onClick={() => void remove()} />
      </div>
      <ProgressBar value={kr.progress} label={`Progress of ${kr.title}`} testId="kr-progress" />
      {kr.kind === 'numeric' ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            record();
          }}
        >
          <input
            className={`${inputClass} w-32`}
            inputMode="decimal"
            placeholder="New value"
            aria-label={`New value of ${kr.title}`}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            data-testid="kr-value-input"
          />
          <input
            className={`${inputClass} min-w-32 flex-1`}
            placeholder="Note (optional)"
            aria-label={`Note for ${kr.title}`}
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
            data-testid="kr-note-input"
          />
          <Button size="sm" type="submit" busy={busy} disabled={value.trim() === ''} data-testid="kr-record">
            Record
          </Button>
        </form>
      ) : null}
      {error ? <Callout tone="danger">{error}</Callout> : null}
    </li>
  );
}
