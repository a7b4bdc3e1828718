import { Archive, ArchiveRestore, Flame, Pencil, Plus, Repeat, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { Habit } from '../../../../src-shared/domains/goals/goals.schemas';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { EmptyState } from '../../../ui/EmptyState';
import { goalsApi } from '../plans/goals-api';
import { fmtNum, Loadable } from '../plans/goals-ui';
import { useAction, useGoalsQuery } from '../plans/useGoalsQuery';
import { HabitCheckIn } from './HabitCheckIn';
import { HabitDialog } from './HabitDialog';
import { HabitHeatmap } from './HabitHeatmap';
import { describeSchedule } from './habit-schedule';

const PER = { day: 'a day', week: 'a week', month: 'a month' } as const;

/** "Mon, Wed, Fri · 20 pages a day"; a week or month habit on any day is just "3 a week". */
function scheduleLine(h: Habit): string {
  const amount = `${fmtNum(h.target)}${h.unit ? ` ${h.unit}` : h.period === 'day' ? '' : ' times'} ${PER[h.period]}`;
  const days = describeSchedule(h.rrule);
  return h.period !== 'day' && days === 'Every day' ? amount : `${days} · ${amount}`;
}

/** Habits with their streaks and today's check-in; one opens to its heat-map. */
export function HabitsView() {
  const query = useGoalsQuery(() => goalsApi.listHabits(), 'habits');
  const [dialog, setDialog] = useState<{ habit: Habit | null } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(false);

  return (
    <div className="flex h-full min-h-0 min-w-0 flex-col overflow-y-auto" data-testid="habits-view">
      <div className="flex flex-wrap items-center gap-2 p-4 pb-0">
        <label className="flex items-center gap-1.5 text-[13px] text-muted">
          <input
            type="checkbox"
            className="accent-accent"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.target.checked)}
            data-testid="habit-show-archived"
          />
          Show archived
        </label>
        <Button className="ml-auto" size="sm" variant="primary" icon={Plus} onClick={() => setDialog({ habit: null })} data-testid="habit-new">
          New habit
        </Button>
      </div>
      <Loadable {...query} what="your habits">
        {(habits) => {
          const shown = habits.filter((h) => showArchived || !h.archived);
          if (shown.length === 0) {
            return (
              <EmptyState icon={Repeat} title={habits.length ? 'Every habit is archived' : 'No habits yet'}>
                <p>A habit is something you repeat: read 20 pages a day, run 3 times a week. Create one and check it in each time.</p>
                <Button className="mt-3" variant="primary" icon={Plus} onClick={() => setDialog({ habit: null })} data-testid="habit-new-empty">
                  New habit
                </Button>
              </EmptyState>
            );
          }
          return (
            <ul className="flex flex-col gap-2 p-4">
              {shown.map((h) => (
                <HabitRow
                  key={h.id}
                  habit={h}
                  open={openId === h.id}
                  onToggle={() => setOpenId(openId === h.id ? null : h.id)}
                  onEdit={() => setDialog({ habit: h })}
                />
              ))}
            </ul>
          );
        }}
      </Loadable>
      {dialog ? <HabitDialog habit={dialog.habit} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}

function HabitRow({ habit: h, open, onToggle, onEdit }: { habit: Habit; open: boolean; onToggle(): void; onEdit(): void }) {
  const { busy, error, run } = useAction();
  const [confirm, setConfirm] = useState(false);
  const archive = () => run(async () => void (await goalsApi.updateHabit({ id: h.id, archived: !h.archived })));
  const remove = () => run(async () => void (await goalsApi.deleteHabit({ id: h.id })));
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-3" data-testid="habit-row">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <button
          type="button"
          onClick={onToggle}
          aria-expanded={open}
          className="flex min-w-0 flex-1 flex-col items-start rounded text-left focus-visible:ring-2 focus-visible:ring-focus focus-visible:outline-none"
          data-testid="habit-open"
        >
          <span className="text-[13px] font-medium break-words text-text">
            {h.title}
            {h.archived ? <span className="ml-2 text-[11px] text-faint">archived</span> : null}
          </span>
          <span className="text-[12px] text-muted">{scheduleLine(h)}</span>
        </button>
        <span className="flex items-center gap-1 text-[12px] text-muted" data-testid="habit-streak">
          <Flame className={h.currentStreak > 0 ? 'size-4 text-accent' : 'size-4 text-faint'} aria-hidden />
          {`Streak ${h.currentStreak} · best ${h.bestStreak}`}
        </span>
        {h.archived ? null : <HabitCheckIn habit={h} />}
      </div>
      {open ? (
        <div className="flex flex-col gap-2 border-t border-line pt-2">
          <HabitHeatmap habit={h} />
          <div className="flex flex-wrap gap-2">
            <Button size="sm" icon={Pencil} onClick={onEdit} data-testid="habit-edit">
              Edit
            </Button>
            <Button size="sm" icon={h.archived ? ArchiveRestore : Archive} busy={busy} onClick={() => void archive()} data-testid="habit-archive">
              {h.archived ? 'Restore' : 'Archive'}
            </Button>
            <Button
              size="sm"
              variant="danger-outline"
              icon={Trash2}
              busy={busy}
              onClick={() => (confirm ? void remove() : setConfirm(true))}
              data-testid="habit-delete"
            >
              {confirm ? 'Delete with its check-ins' : 'Delete'}
            </Button>
          </div>
        </div>
      ) : null}
      {error ? <Callout tone="danger">{error}</Callout> : null}
    </li>
  );
}
