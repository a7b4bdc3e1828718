import { useId, type ReactNode } from 'react';

export interface FieldIds {
  inputId: string;
  hintId: string;
  errorId: string;
  describedBy: string | undefined;
}

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Right side of the label row (e.g. a "Use recovery key instead" link). */
  aside?: ReactNode;
  children: (ids: FieldIds) => ReactNode;
}

/** Label, control, hint and error, wired together with ids for assistive technology. */
export function Field({ label, hint, error, aside, children }: FieldProps) {
  const base = useId();
  const ids: FieldIds = {
    inputId: `${base}-input`,
    hintId: `${base}-hint`,
    errorId: `${base}-error`,
    describedBy: [error ? `${base}-error` : null, hint ? `${base}-hint` : null].filter(Boolean).join(' ') || undefined,
  };
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={ids.inputId} className="text-[13px] font-medium text-text">
          {label}
        </label>
        {aside}
      </div>
      {children(ids)}
      {error ? (
        <p id={ids.errorId} role="alert" className="text-[13px] text-danger">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={ids.hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
