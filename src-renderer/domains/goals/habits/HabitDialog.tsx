import { useEffect, useState } from 'react';
import type { Goal, Habit } from '../../../../src-shared/domains/goals/goals.schemas';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { goalsApi } from '../plans/goals-api';
import { inputClass, Labeled, selectClass } from '../plans/goals-ui';
import { useAction } from '../plans/useGoalsQuery';
import { DAY_NAMES, rruleToSchedule, scheduleToRrule, type Schedule } from './habit-schedule';

type Period = Habit['period'];

/** Create or edit a habit: what, on which days, how much per day / week / month, and the goal it serves. */
export function HabitDialog({ habit, onClose }: { habit: Habit | null; onClose(): void }) {
  const initial = habit ? rruleToSchedule(habit.rrule) : { kind: 'daily' as const };
  const [title, setTitle] = useState(habit?.title ?? '');
  // A rule the presets cannot show (from an import or the CLI) is kept unless the user picks a preset.
  const [schedule, setSchedule] = useState<Schedule | null>(initial);
  const [period, setPeriod] = useState<Period>(habit?.period ?? 'day');
  const [target, setTarget] = useState(String(habit?.target ?? 1));
  const [unit, setUnit] = useState(habit?.unit ?? '');
  const [goalId, setGoalId] = useState(habit?.goalId ?? '');
  const [goals, setGoals] = useState<Goal[]>([]);
  const { busy, error, run, setError } = useAction();

  useEffect(() => {
    goalsApi.listGoals({}).then(
      (list) => setGoals(list.filter((g) => g.status === 'active' || g.id === habit?.goalId)),
      () => setGoals([]),
    );
  }, [habit?.goalId]);

  const days = schedule?.kind === 'days' ? schedule.days : schedule?.kind === 'weekdays' ? [1, 2, 3, 4, 5] : [];
  const toggleDay = (d: number) => {
    const next = days.includes(d) ? days.filter((x) => x !== d) : [...days, d];
    setSchedule({ kind: 'days', days: next });
  };

  const save = () => {
    const t = Number(target.replace(',', '.'));
    if (!Number.isFinite(t) || t <= 0) return setError('The target is a number above 0.');
    if (schedule?.kind === 'days' && schedule.days.length === 0) return setError('Pick at least one day.');
    const rrule = schedule ? scheduleToRrule(schedule) : habit!.rrule;
    void run(async () => {
      const fields = { title: title.trim(), rrule, period, target: t, unit: unit.trim(), goalId: goalId || null };
      if (habit) await goalsApi.updateHabit({ id: habit.id, ...fields });
      else await goalsApi.createHabit(fields);
      onClose();
    });
  };

  return (
    <Modal open onOpenChange={(o) => !o && onClose()} size="md" title={habit ? 'Edit habit' : 'New habit'} description="Something you do again and again.">
      <form
        className="flex flex-col gap-3 text-[13px]"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Labeled label="Title">
          <input className={inputClass} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={500} autoFocus data-testid="habit-title" />
        </Labeled>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-[12px] font-medium text-muted">Due on</legend>
          <div className="flex flex-wrap gap-4">
            {(
              [
                ['daily', 'Every day'],
                ['weekdays', 'Mon–Fri'],
                ['days', 'Chosen days'],
              ] as const
            ).map(([kind, label]) => (
              <label key={kind} className="flex items-center gap-1.5">
                <input
                  type="radio"
                  className="accent-accent"
                  name="habit-schedule"
                  checked={schedule?.kind === kind}
                  onChange={() => setSchedule(kind === 'days' ? { kind, days: days.length ? days : [1, 3, 5] } : { kind })}
                  data-testid={`habit-schedule-${kind}`}
                />
                {label}
              </label>
            ))}
          </div>
          {schedule === null && habit ? <p className="text-[12px] text-muted">{`Custom rule kept: ${habit.rrule}`}</p> : null}
          {schedule?.kind === 'days' ? (
            <div className="flex flex-wrap gap-1" role="group" aria-label="Days">
              {DAY_NAMES.map((name, i) => (
                <label key={name} className="flex items-center gap-1 rounded border border-line px-1.5 py-0.5">
                  <input
                    type="checkbox"
                    className="accent-accent"
                    checked={days.includes(i + 1)}
                    onChange={() => toggleDay(i + 1)}
                    data-testid={`habit-day-${i + 1}`}
                  />
                  {name}
                </label>
              ))}
            </div>
          ) : null}
        </fieldset>
        <div className="grid grid-cols-3 gap-3">
          <Labeled label="Target">
            <input className={inputClass} inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="habit-target" />
          </Labeled>
          <Labeled label="Unit">
            <input
              className={inputClass}
              value={unit}
              maxLength={40}
              placeholder="times, pages"
              onChange={(e) => setUnit(e.target.value)}
              data-testid="habit-unit"
            />
          </Labeled>
          <Labeled label="Per">
            <select className={selectClass} value={period} onChange={(e) => setPeriod(e.target.value as Period)} data-testid="habit-period">
              <option value="day">day</option>
              <option value="week">week</option>
              <option value="month">month</option>
            </select>
          </Labeled>
        </div>
        <Labeled label="Toward goal">
          <select className={selectClass} value={goalId} onChange={(e) => setGoalId(e.target.value)} data-testid="habit-goal">
            <option value="">No goal</option>
            {goals.map((g) => (
              <option key={g.id} value={g.id}>
                {g.title}
              </option>
            ))}
          </select>
        </Labeled>
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <ModalActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!title.trim()} data-testid="habit-save">
            {habit ? 'Save' : 'Create habit'}
          </Button>
        </ModalActions>
      </form>
    </Modal>
  );
}
