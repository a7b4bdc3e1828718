import { Check } from 'lucide-react';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';

interface NumberSettingProps {
  label: string;
  description?: string;
  value: number;
  min: number;
  max: number;
  unit: string;
  /** Saves the value; rejects when main refuses it. */
  onCommit(value: number): Promise<void>;
}

/** A whole-number setting saved on Enter or when the field loses focus; Escape restores it. */
export function NumberSetting({ label, description, value, min, max, unit, onCommit }: NumberSettingProps) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(() => setSaved(false), 1600);
    return () => clearTimeout(timer);
  }, [saved]);

  const commit = async () => {
    const number = Number(draft);
    if (draft.trim() === '' || !Number.isInteger(number) || number < min || number > max) {
      setError(`Enter a whole number from ${min} to ${max}.`);
      return;
    }
    setError(null);
    if (number === value) return;
    try {
      await onCommit(number);
      setSaved(true);
    } catch {
      setDraft(String(value));
      setError('Hearth could not save this setting.');
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') void commit();
    if (event.key === 'Escape') {
      setDraft(String(value));
      setError(null);
    }
  };

  return (
    <div className="flex items-center justify-between gap-6 px-4 py-3.5">
      <div className="min-w-0">
        <label htmlFor={id} className="text-sm text-text">
          {label}
        </label>
        {description ? (
          <p id={`${id}-desc`} className="mt-0.5 text-xs text-muted">
            {description}
          </p>
        ) : null}
        {error ? (
          <p id={`${id}-err`} role="alert" className="mt-1 text-xs text-danger">
            {error}
          </p>
        ) : null}
      </div>
      <div className="flex shrink-0 items-center gap-2">
        {saved ? <Check className="size-4 text-success" aria-label="Saved" /> : null}
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => void commit()}
          onKeyDown={onKeyDown}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? `${id}-err` : '', description ? `${id}-desc` : ''].filter(Boolean).join(' ') || undefined}
          className="field-input h-8 w-20 text-right tabular-nums"
        />
        <span className="w-14 text-[13px] text-muted">{unit}</span>
      </div>
    </div>
  );
}
