import { Plus, X } from 'lucide-react';
import { Button } from '../../../ui/Button';
import type { MetricDef } from '../journal-types';

/** A metric id from its name: lowercase letters, digits and dashes, unique in the list. */
export function metricId(name: string, taken: readonly string[]): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 34) || 'metric';
  let id = base;
  for (let n = 2; taken.includes(id); n += 1) id = `${base}-${n}`;
  return id;
}

const input = 'field-input h-8 px-2 text-xs';

/** The check-in metrics of a journal: name, kind (number, scale, yes/no), unit or range. */
export function MetricsEditor({ value, onChange }: { value: MetricDef[]; onChange(v: MetricDef[]): void }) {
  const set = (i: number, patch: Partial<MetricDef>) => onChange(value.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const add = () => onChange([...value, { id: '', name: '', kind: 'scale', unit: '', min: 1, max: 5 }]);
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1.5 text-[13px] font-medium text-text">Check-in metrics</legend>
      {value.length === 0 ? (
        <p className="text-xs text-muted">Optional: things to track with each entry, like sleep hours, energy 1–5, or “exercised”.</p>
      ) : null}
      {value.map((m, i) => (
        <div key={i} className="flex flex-wrap items-center gap-1.5" data-testid="metric-row">
          <input
            aria-label="Metric name"
            placeholder="Name"
            maxLength={60}
            className={`${input} min-w-0 flex-1`}
            value={m.name}
            onChange={(e) => set(i, { name: e.target.value })}
          />
          <select aria-label="Metric kind" className={`${input} w-auto`} value={m.kind} onChange={(e) => set(i, { kind: e.target.value as MetricDef['kind'] })}>
            <option value="number">Number</option>
            <option value="scale">Scale</option>
            <option value="yesno">Yes / no</option>
          </select>
          {m.kind === 'number' ? (
            <input
              aria-label="Unit"
              placeholder="Unit"
              maxLength={20}
              className={`${input} w-16`}
              value={m.unit}
              onChange={(e) => set(i, { unit: e.target.value })}
            />
          ) : null}
          {m.kind === 'scale' ? (
            <>
              <input
                aria-label="From"
                type="number"
                className={`${input} w-14`}
                value={m.min}
                onChange={(e) => set(i, { min: Math.trunc(Number(e.target.value)) })}
              />
              <span className="text-xs text-faint">to</span>
              <input
                aria-label="To"
                type="number"
                className={`${input} w-14`}
                value={m.max}
                onChange={(e) => set(i, { max: Math.trunc(Number(e.target.value)) })}
              />
            </>
          ) : null}
          <Button variant="ghost" size="sm" icon={X} aria-label={`Remove ${m.name || 'metric'}`} onClick={() => onChange(value.filter((_, j) => j !== i))} />
        </div>
      ))}
      {value.length < 20 ? (
        <Button size="sm" icon={Plus} onClick={add} className="self-start">
          Add metric
        </Button>
      ) : null}
    </fieldset>
  );
}
