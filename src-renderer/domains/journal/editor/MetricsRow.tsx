import { cx } from '../../../ui/cx';
import type { MetricDef } from '../journal-types';
import type { Draft } from './useEntryDraft';

const chip = 'h-7 rounded-md border px-2 text-xs transition-colors';
const on = 'border-accent bg-accent-soft text-text';
const off = 'border-line-strong bg-surface text-muted hover:bg-hover';

type Change = (fields: Partial<Draft>, immediate?: boolean) => void;

/** The journal's check-in metrics: a number, a scale of buttons, or yes/no. */
export function MetricsRow({ defs, values, change }: { defs: readonly MetricDef[]; values: Draft['metrics']; change: Change }) {
  if (defs.length === 0) return null;
  const set = (id: string, value: number | boolean | undefined, immediate = true) => {
    const next = { ...values };
    if (value === undefined) delete next[id];
    else next[id] = value;
    change({ metrics: next }, immediate);
  };
  return (
    <div className="flex flex-wrap gap-x-5 gap-y-2 rounded-lg border border-line bg-canvas/50 px-3 py-2" data-testid="checkins">
      {defs.map((m) => {
        const v = values[m.id];
        return (
          <div key={m.id} role="group" aria-label={m.name} className="flex items-center gap-2 text-xs">
            <span className="font-medium text-muted">{m.name}</span>
            {m.kind === 'number' ? (
              <input
                type="number"
                aria-label={m.name}
                className="field-input h-7 w-20 px-2 text-xs"
                value={typeof v === 'number' ? v : ''}
                onChange={(e) => set(m.id, e.target.value === '' ? undefined : Number(e.target.value), false)}
              />
            ) : m.kind === 'scale' ? (
              <span className="flex gap-0.5">
                {Array.from({ length: Math.min(11, m.max - m.min + 1) }, (_, i) => m.min + i).map((n) => (
                  <button
                    key={n}
                    type="button"
                    aria-pressed={v === n}
                    onClick={() => set(m.id, v === n ? undefined : n)}
                    className={cx(chip, 'w-7 px-0', v === n ? on : off)}
                  >
                    {n}
                  </button>
                ))}
              </span>
            ) : (
              <span className="flex gap-0.5">
                {([true, false] as const).map((b) => (
                  <button
                    key={String(b)}
                    type="button"
                    aria-pressed={v === b}
                    onClick={() => set(m.id, v === b ? undefined : b)}
                    className={cx(chip, v === b ? on : off)}
                  >
                    {b ? 'Yes' : 'No'}
                  </button>
                ))}
              </span>
            )}
            {m.unit ? <span className="text-faint">{m.unit}</span> : null}
          </div>
        );
      })}
    </div>
  );
}
