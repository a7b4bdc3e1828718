import { type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cx } from './cx';
import { Field } from './Field';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  aside?: ReactNode;
  mono?: boolean;
}

/** A labelled single-line input. */
export function TextField({ ref, label, hint, error, aside, mono, className, ...input }: TextFieldProps & { ref?: Ref<HTMLInputElement> }) {
  return (
    <Field label={label} hint={hint} error={error} aside={aside}>
      {(ids) => (
        <input
          ref={ref}
          id={ids.inputId}
          aria-invalid={error ? true : undefined}
          aria-describedby={ids.describedBy}
          className={cx('field-input', mono && 'font-mono', className)}
          {...input}
        />
      )}
    </Field>
  );
}
