import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { AppError } from '../../../../src-shared/ipc/result';
import { cx } from '../../../ui/cx';
import { Field } from '../../../ui/Field';

/** Field errors from an AppError's issues, by path (`lot`, `arrivalDate`, …); the rest goes to `form`. */
export function issuesOf(err: unknown, fields: readonly string[]): { byField: Record<string, string>; form: string | null } {
  if (!(err instanceof AppError)) return { byField: {}, form: 'Something went wrong. Please try again.' };
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of err.issues ?? []) {
    const key = issue.path.split('.')[0] ?? '';
    if (fields.includes(key) && !byField[key]) byField[key] = issue.message;
    else rest.push(issue.message);
  }
  const form = Object.keys(byField).length > 0 ? (rest.length > 0 ? rest.join(' ') : null) : err.issues?.length ? rest.join(' ') : err.message;
  return { byField, form };
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}

/** A labelled native select (keyboard and screen-reader friendly everywhere). */
export function SelectField({ label, hint, error, className, children, ...select }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(ids) => (
        <select
          id={ids.inputId}
          aria-invalid={error ? true : undefined}
          aria-describedby={ids.describedBy}
          className={cx('field-input pr-8', className)}
          {...select}
        >
          {children}
        </select>
      )}
    </Field>
  );
}

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}

export function TextAreaField({ label, hint, error, className, ...area }: TextAreaFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(ids) => (
        <textarea
          id={ids.inputId}
          aria-invalid={error ? true : undefined}
          aria-describedby={ids.describedBy}
          className={cx('field-input h-auto min-h-16 py-2', className)}
          {...area}
        />
      )}
    </Field>
  );
}

/** Two or three fields side by side. */
export const FieldRow = ({ children }: { children: ReactNode }) => <div className="grid grid-cols-2 gap-3 [&>*]:min-w-0">{children}</div>;
