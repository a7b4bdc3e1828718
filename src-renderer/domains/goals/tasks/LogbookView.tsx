import { History, Repeat, RotateCcw } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { todayIn } from '../../../../src-shared/lib/local-date';
import { Button } from '../../../ui/Button';
import { cx } from '../../../ui/cx';
import { useGoalsStore } from '../goals.store';
import { dayLabel, groupByDay, logbookKey, relativeDay } from './task-helpers';
import { useToday } from './TaskRows';
import { Group, ViewState } from './ViewState';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** Completed tasks, newest first, by the day they were done; "Reopen" undoes the completion. */
export function LogbookView() {
  const { logbook, zone, selected, goals } = useGoalsStore(useShallow((s) => ({ logbook: s.logbook, zone: s.zone, selected: s.selected, goals: s.goals })));
  const today = useToday();
  const store = useGoalsStore.getState();
  const days = groupByDay(logbook ?? [], (iso) => todayIn(zone, Date.parse(iso)));
  // Reopen undoes a task's last completion, so only its newest entry offers it.
  const latest = new Set<string>();
  const seen = new Set<string>();
  for (const e of days.flatMap((d) => d.entries)) if (!seen.has(e.taskId) && seen.add(e.taskId)) latest.add(logbookKey(e.taskId, e.at));
  return (
    <ViewState
      hasData={logbook !== null}
      empty={days.length === 0}
      emptyIcon={History}
      emptyTitle="Nothing completed yet"
      emptyText={<p>Tick a task (or press X on a selected one) and it is kept here with the day you did it.</p>}
      what="The Logbook"
    >
      <div className="flex min-w-0 flex-col gap-4 p-3" data-testid="logbook-view">
        {days.map((d) => (
          <Group
            key={d.date}
            title={relativeDay(d.date, today) === dayLabel(d.date) ? dayLabel(d.date) : `${relativeDay(d.date, today)} · ${dayLabel(d.date)}`}
          >
            <ul className="flex min-w-0 flex-col gap-px">
              {d.entries.map((e) => {
                const key = logbookKey(e.taskId, e.at);
                const goal = e.goalId ? goals.find((g) => g.id === e.goalId) : undefined;
                return (
                  <li
                    key={key}
                    data-testid="logbook-row"
                    data-title={e.title}
                    aria-selected={selected === key}
                    onClick={() => store.select(key)}
                    className={cx(
                      'flex min-w-0 items-center gap-2.5 rounded-md border px-2.5 py-1.5',
                      selected === key ? 'border-focus/60 bg-accent-soft' : 'border-transparent hover:bg-hover',
                    )}
                  >
                    <span className="w-16 shrink-0 text-[11px] whitespace-nowrap text-faint">{timeFormat.format(Date.parse(e.at))}</span>
                    <button type="button" onClick={() => store.openEditor(e.taskId)} className="min-w-0 flex-1 text-left text-[13px] break-words text-muted">
                      {e.title}
                      {e.repeating ? <Repeat className="ml-1 inline size-3 text-faint" aria-label="Repeating" /> : null}
                      {goal ? <span className="ml-2 text-[11px] text-faint">{goal.title}</span> : null}
                    </button>
                    {latest.has(key) ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        icon={RotateCcw}
                        aria-label={`Reopen “${e.title}”`}
                        onClick={() => void store.uncomplete(e.taskId)}
                        data-testid="logbook-uncomplete"
                      >
                        <span className="@max-md:sr-only">Reopen</span>
                      </Button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </Group>
        ))}
      </div>
    </ViewState>
  );
}
