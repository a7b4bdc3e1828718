import { useState } from 'react';
import type { GoalDetail } from '../../../../src-shared/domains/goals/goals.schemas';
import { formatDate } from '../../../lib/dates';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { goalsApi } from './goals-api';
import { inputClass, Section } from './goals-ui';
import { useAction } from './useGoalsQuery';

type Entry = GoalDetail['progressLog'][number];

/** The goal's progress over time, newest first, and "log progress": a percentage (or none) with a note. */
export function ProgressLogSection({ goalId, entries }: { goalId: string; entries: Entry[] }) {
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, run, setError } = useAction();
  const log = () => {
    const text = value.trim();
    const n = Number(text.replace(',', '.').replace('%', ''));
    if (text !== '' && (!Number.isFinite(n) || n < 0 || n > 100)) return setError('Progress is a number from 0 to 100, or empty to log a note.');
    if (text === '' && note.trim() === '') return setError('Write a note or a progress value.');
    void run(async () => {
      await goalsApi.logProgress({ goalId, note: note.trim(), ...(text === '' ? {} : { progress: n }) });
      setValue('');
      setNote('');
    });
  };
  const newest = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Section title="Progress log" testId="goal-log">
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          log();
        }}
      >
        <input
          className={`${inputClass} w-24`}
          inputMode="decimal"
          placeholder="%"
          aria-label="Progress in percent (optional)"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          data-testid="log-value"
        />
        <input
          className={`${inputClass} min-w-32 flex-1`}
          placeholder="What moved?"
          aria-label="Progress note"
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid="log-note"
        />
        <Button size="sm" type="submit" busy={busy} data-testid="log-save">
          Log progress
        </Button>
      </form>
      {error ? <Callout tone="danger">{error}</Callout> : null}
      {newest.length === 0 ? (
        <p className="text-[12px] text-faint">Nothing logged yet.</p>
      ) : (
        <ol className="flex max-h-56 flex-col gap-1 overflow-y-auto text-[12px]">
          {newest.map((e) => (
            <li key={e.id} className="flex gap-2" data-testid="log-entry">
              <span className="w-24 shrink-0 text-faint">{formatDate(e.at)}</span>
              <span className="w-12 shrink-0 text-right text-text tabular-nums">{`${Math.round(e.progress)} %`}</span>
              <span className="min-w-0 flex-1 break-words text-muted">{e.note || (e.kind === 'auto' ? 'computed' : '')}</span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
