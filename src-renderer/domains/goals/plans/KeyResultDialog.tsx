import { useEffect, useState } from 'react';
import type { Habit } from '../../../../src-shared/domains/goals/goals.schemas';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { goalsApi } from './goals-api';
import { inputClass, Labeled, selectClass } from './goals-ui';
import { useAction } from './useGoalsQuery';

const num = (text: string): number | null => {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) ? n : null;
};

/** Add a key result: a number from a start to a target (up or down), or a milestone with a date. */
export function KeyResultDialog({ goalId, onClose }: { goalId: string; onClose(): void }) {
  const [kind, setKind] = useState<'numeric' | 'milestone'>('numeric');
  const [title, setTitle] = useState('');
  const [start, setStart] = useState('0');
  const [target, setTarget] = useState('');
  const [unit, setUnit] = useState('');
  const [direction, setDirection] = useState<'increase' | 'decrease'>('increase');
  const [dueDate, setDueDate] = useState('');
  const [habitId, setHabitId] = useState('');
  const [habits, setHabits] = useState<Habit[]>([]);
  const { busy, error, run, setError } = useAction();

  useEffect(() => {
    goalsApi.listHabits().then(
      (list) => setHabits(list.filter((h) => !h.archived)),
      () => setHabits([]),
    );
  }, []);

  const save = () => {
    const startValue = num(start);
    const targetValue = num(target);
    if (kind === 'numeric' && (startValue === null || targetValue === null)) return setError('Start and target must be numbers.');
    void run(async () => {
      await goalsApi.createKeyResult(
        kind === 'numeric'
          ? { goalId, kind, title: title.trim(), startValue: startValue!, targetValue: targetValue!, unit: unit.trim(), direction, habitId: habitId || null }
          : { goalId, kind, title: title.trim(), startValue: 0, targetValue: 1, dueDate: dueDate || null },
      );
      onClose();
    });
  };

  return (
    <Modal open onOpenChange={(o) => !o && onClose()} size="md" title="New key result" description="How you will know the goal is reached.">
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <fieldset className="flex gap-4 text-[13px]">
          <legend className="sr-only">Kind</legend>
          {(['numeric', 'milestone'] as const).map((k) => (
            <label key={k} className="flex items-center gap-1.5">
              <input type="radio" className="accent-accent" name="kr-kind" checked={kind === k} onChange={() => setKind(k)} data-testid={`kr-kind-${k}`} />
              {k === 'numeric' ? 'A number' : 'A milestone'}
            </label>
          ))}
        </fieldset>
        <Labeled label="Title">
          <input className={inputClass} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={500} autoFocus data-testid="kr-title" />
        </Labeled>
        {kind === 'numeric' ? (
          <div className="grid grid-cols-2 gap-3">
            <Labeled label="Start">
              <input className={inputClass} inputMode="decimal" value={start} onChange={(e) => setStart(e.target.value)} data-testid="kr-start" />
            </Labeled>
            <Labeled label="Target">
              <input className={inputClass} inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} required data-testid="kr-target" />
            </Labeled>
            <Labeled label="Unit">
              <input
                className={inputClass}
                value={unit}
                maxLength={40}
                onChange={(e) => setUnit(e.target.value)}
                placeholder="pages, kg, €"
                data-testid="kr-unit"
              />
            </Labeled>
            <Labeled label="Direction">
              <select
                className={selectClass}
                value={direction}
                onChange={(e) => setDirection(e.target.value as 'increase' | 'decrease')}
                data-testid="kr-direction"
              >
                <option value="increase">Higher is better</option>
                <option value="decrease">Lower is better</option>
              </select>
            </Labeled>
            <Labeled label="Counted from a habit" className="col-span-2">
              <select className={selectClass} value={habitId} onChange={(e) => setHabitId(e.target.value)} data-testid="kr-habit">
                <option value="">No, I record the values</option>
                {habits.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.title}
                  </option>
                ))}
              </select>
            </Labeled>
          </div>
        ) : (
          <Labeled label="Due date">
            <input type="date" className={inputClass} value={dueDate} onChange={(e) => setDueDate(e.target.value)} data-testid="kr-due" />
          </Labeled>
        )}
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <ModalActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!title.trim()} data-testid="kr-save">
            Add key result
          </Button>
        </ModalActions>
      </form>
    </Modal>
  );
}
