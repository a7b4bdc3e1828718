import { Check, Plus } from 'lucide-react';
import { useState } from 'react';
import type { Habit } from '../../../../src-shared/domains/goals/goals.schemas';
import { Button } from '../../../ui/Button';
import { goalsApi } from '../plans/goals-api';
import { fmtNum, inputClass } from '../plans/goals-ui';
import { useAction } from '../plans/useGoalsQuery';

const PERIOD_WORD = { day: 'today', week: 'this week', month: 'this month' } as const;

/**
 * Today's check-in: "+1" adds one to the day; a quantity habit (a target above 1 or a unit) also takes the day's
 * amount, which replaces what the day had (0 clears it).
 */
export function HabitCheckIn({ habit: h }: { habit: Habit }) {
  const [amount, setAmount] = useState('');
  const { busy, error, run, setError } = useAction();
  const quantity = h.target > 1 || h.unit !== '';
  const unit = h.unit ? ` ${h.unit}` : '';
  const met = h.periodValue >= h.target;
  const setDay = () => {
    const n = Number(amount.trim().replace(',', '.'));
    if (amount.trim() === '' || !Number.isFinite(n) || n < 0) return setError('Enter an amount of 0 or more.');
    void run(async () => {
      await goalsApi.checkIn({ habitId: h.id, value: n });
      setAmount('');
    });
  };
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        <span className={met ? 'text-[12px] text-success tabular-nums' : 'text-[12px] text-muted tabular-nums'} data-testid="habit-today">
          {`${fmtNum(h.period === 'day' ? h.todayValue : h.periodValue)}/${fmtNum(h.target)}${unit} ${PERIOD_WORD[h.period]}`}
        </span>
        {quantity ? (
          <form
            className="flex items-center gap-1"
            onSubmit={(e) => {
              e.preventDefault();
              setDay();
            }}
          >
            <input
              className={`${inputClass} w-20`}
              inputMode="decimal"
              placeholder="Today"
              aria-label={`Amount today for ${h.title}`}
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              data-testid="habit-amount"
            />
            <Button
              size="sm"
              type="submit"
              icon={Check}
              busy={busy}
              disabled={amount.trim() === ''}
              aria-label={`Set today's amount for ${h.title}`}
              data-testid="habit-set"
            >
              Set
            </Button>
          </form>
        ) : null}
        <Button
          size="sm"
          variant={met ? 'secondary' : 'primary'}
          icon={Plus}
          busy={busy}
          onClick={() => void run(async () => void (await goalsApi.checkIn({ habitId: h.id })))}
          aria-label={`Check in ${h.title}: one more today`}
          data-testid="habit-checkin"
        >
          1
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-[12px] text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
