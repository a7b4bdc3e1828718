import { BookOpen, ChevronLeft, ChevronRight, Save } from 'lucide-react';
import { useState } from 'react';
import type { z } from 'zod';
import type { WeeklyReview } from '../../../../src-shared/domains/goals/goals.schemas';
import { addDays, startOfIsoWeek } from '../../../../src-shared/lib/local-date';
import { openRecord } from '../../../app/open-record';
import { formatDate } from '../../../lib/dates';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { goalsApi, journalName } from '../plans/goals-api';
import { fmtDay, fmtNum, Loadable, plural, Section } from '../plans/goals-ui';
import { localToday } from '../plans/today';
import { useAction, useGoalsQuery } from '../plans/useGoalsQuery';

type Review = z.output<typeof WeeklyReview>;

/** The weekly review: what got done, which habits held, how key results moved, what was written; saved to the journal. */
export function ReviewView() {
  const [thisWeek] = useState(() => startOfIsoWeek(localToday()));
  const [weekOf, setWeekOf] = useState(thisWeek);
  const query = useGoalsQuery(() => goalsApi.weeklyReview({ weekOf }), weekOf);
  const [saved, setSaved] = useState<{ weekOf: string; entryId: string; journal: string | null } | null>(null);
  const { busy, error, run } = useAction();
  const save = () =>
    run(async () => {
      const r = await goalsApi.saveReview({ weekOf });
      const journal = await journalName(r.journalId).catch(() => null);
      setSaved({ weekOf, entryId: r.entryId, journal });
    });

  return (
    <div className="flex h-full min-h-0 min-w-0 flex-col overflow-y-auto" data-testid="review-view">
      <div className="flex flex-wrap items-center gap-2 p-4 pb-0">
        <Button
          size="sm"
          variant="ghost"
          icon={ChevronLeft}
          aria-label="Previous week"
          onClick={() => setWeekOf(addDays(weekOf, -7))}
          data-testid="review-prev"
        />
        <h2 className="text-[14px] font-semibold text-text" data-testid="review-week">
          {`Week of ${fmtDay(weekOf)}`}
        </h2>
        <Button
          size="sm"
          variant="ghost"
          icon={ChevronRight}
          aria-label="Next week"
          disabled={weekOf >= thisWeek}
          onClick={() => setWeekOf(addDays(weekOf, 7))}
          data-testid="review-next"
        />
        {weekOf !== thisWeek ? (
          <Button size="sm" variant="ghost" onClick={() => setWeekOf(thisWeek)}>
            This week
          </Button>
        ) : null}
        <Button className="ml-auto" size="sm" variant="primary" icon={Save} busy={busy} onClick={() => void save()} data-testid="review-save">
          Save to journal
        </Button>
      </div>
      {saved?.weekOf === weekOf ? (
        <div className="px-4 pt-3">
          <Callout>
            <span data-testid="review-saved">{`Saved as an entry in the journal “${saved.journal ?? 'Journal'}”.`}</span>{' '}
            <button
              type="button"
              className="font-medium text-accent underline-offset-2 hover:underline"
              onClick={() => void openRecord({ domain: 'journal', id: saved.entryId })}
              data-testid="review-open-entry"
            >
              Open the entry
            </button>
          </Callout>
        </div>
      ) : null}
      {error ? (
        <div className="px-4 pt-3">
          <Callout tone="danger">{error}</Callout>
        </div>
      ) : null}
      <Loadable {...query} what="the review">
        {(r) => <ReviewBody r={r} />}
      </Loadable>
    </div>
  );
}

function ReviewBody({ r }: { r: Review }) {
  return (
    <div className="flex min-w-0 flex-col gap-4 p-4">
      <p className="text-[12px] text-muted">{`${fmtDay(r.weekStart)} – ${fmtDay(r.weekEnd)}`}</p>
      <Section title={`Tasks done (${r.tasksDone.length})`} testId="review-tasks">
        {r.tasksDone.length === 0 ? (
          <Quiet>No task completed this week.</Quiet>
        ) : (
          <ul className="flex flex-col gap-0.5 text-[13px]">
            {r.tasksDone.map((t) => (
              <li key={`${t.taskId}/${t.at}`} className="flex gap-2">
                <span className="w-24 shrink-0 text-[12px] text-faint">{formatDate(t.at)}</span>
                <span className="min-w-0 break-words text-text">{t.title}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Habits kept" testId="review-habits">
        {r.habits.length === 0 ? (
          <Quiet>No habits were due this week.</Quiet>
        ) : (
          <ul className="flex flex-col gap-0.5 text-[13px]">
            {r.habits.map((h) => (
              <li key={h.habitId} className="flex gap-2">
                <span className="min-w-0 flex-1 break-words text-text">{h.title}</span>
                <span className={h.due > 0 && h.kept >= h.due ? 'text-success tabular-nums' : 'text-muted tabular-nums'}>
                  {h.due === 0 ? 'not due this week' : `${h.kept} of ${plural(h.due, 'time')}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Key results that moved" testId="review-krs">
        {r.keyResultChanges.length === 0 ? (
          <Quiet>No key result changed this week.</Quiet>
        ) : (
          <ul className="flex flex-col gap-0.5 text-[13px]">
            {r.keyResultChanges.map((k) => (
              <li key={k.keyResultId} className="flex flex-wrap gap-x-2">
                <span className="text-muted">{k.goalTitle}:</span>
                <span className="text-text">{k.title}</span>
                <span className="text-muted tabular-nums">{`${fmtNum(k.from)} → ${fmtNum(k.to)}${k.unit ? ` ${k.unit}` : ''}`}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Journal entries" testId="review-journal">
        {r.journalEntries.length === 0 ? (
          <Quiet>Nothing written in the journal this week.</Quiet>
        ) : (
          <ul className="flex flex-col gap-0.5 text-[13px]">
            {r.journalEntries.map((e) => (
              <li key={e.id} className="flex gap-2">
                <BookOpen className="mt-0.5 size-3.5 shrink-0 text-faint" aria-hidden />
                <span className="w-24 shrink-0 text-[12px] text-faint">{fmtDay(e.date)}</span>
                <span className="min-w-0 break-words text-text">{e.title}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <details className="text-[13px]">
        <summary className="cursor-pointer text-muted">What “Save to journal” writes</summary>
        <pre
          className="mt-2 max-h-64 overflow-auto rounded-md border border-line bg-subtle p-3 font-mono text-[12px] whitespace-pre-wrap text-text"
          data-testid="review-markdown"
        >
          {r.markdown}
        </pre>
      </details>
    </div>
  );
}

const Quiet = ({ children }: { children: string }) => <p className="text-[12px] text-faint">{children}</p>;
