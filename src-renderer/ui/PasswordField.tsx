import { Eye, EyeOff } from 'lucide-react';
import { useState, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { Field } from './Field';

export interface PasswordFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  aside?: ReactNode;
  /** Content under the input, above the hint (the strength meter). */
  below?: ReactNode;
}

/** A secret input: no spellcheck, no autocapitalisation, with a show/hide toggle. */
export function PasswordField({ ref, label, hint, error, aside, below, ...input }: PasswordFieldProps & { ref?: Ref<HTMLInputElement> }) {
  const [visible, setVisible] = useState(false);
  return (
    <Field label={label} hint={hint} error={error} aside={aside}>
      {(ids) => (
        <>
          <div className="relative">
            <input
              ref={ref}
              id={ids.inputId}
              type={visible ? 'text' : 'password'}
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              aria-invalid={error ? true : undefined}
              aria-describedby={ids.describedBy}
              className="field-input pr-10"
              {...input}
            />
            <button
              type="button"
              onClick={() => setVisible((v) => !v)}
              aria-label={visible ? 'Hide password' : 'Show password'}
              aria-pressed={visible}
              className="absolute inset-y-0 right-0 flex w-9 items-center justify-center rounded-r-md text-faint hover:text-text"
            >
              {visible ? <EyeOff className="size-4" aria-hidden /> : <Eye className="size-4" aria-hidden />}
            </button>
          </div>
          {below}
        </>
      )}
    </Field>
  );
}
