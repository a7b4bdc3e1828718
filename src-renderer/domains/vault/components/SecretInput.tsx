import { Eye, EyeOff } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { describeError } from '../../../lib/errors';
import { cx } from '../../../ui/cx';
import { Field } from '../../../ui/Field';
import { Spinner } from '../../../ui/Spinner';
import { loadedSecret, typedSecret, type SecretDraft } from '../item-form';
import { isCancelled } from '../vault.store';

interface SecretInputProps {
  label: string;
  draft: SecretDraft;
  onChange(draft: SecretDraft): void;
  /** Reveals the stored value into the editor (edit mode); goes through the re-prompt when needed. */
  onReveal?: () => Promise<string>;
  /** Extra controls inside the input, left of the eye (the generator button). */
  addon?: ReactNode;
  /** Content under the input (strength meter, generator popover). */
  below?: ReactNode;
  multiline?: boolean;
  mono?: boolean;
  error?: string;
  hint?: ReactNode;
  placeholder?: string;
  testId?: string;
  maxLength?: number;
}

/**
 * A secret in the item editor. A stored value is not in the renderer: the field starts empty with
 * "saved" as its placeholder and is sent as "keep" unless the user types, generates, reveals-and-edits
 * or clears it.
 */
export function SecretInput({
  label,
  draft,
  onChange,
  onReveal,
  addon,
  below,
  multiline,
  mono = true,
  error,
  hint,
  placeholder,
  testId,
  maxLength = 1024,
}: SecretInputProps) {
  const [visible, setVisible] = useState(false);
  const [revealing, setRevealing] = useState(false);
  const [revealError, setRevealError] = useState<string | null>(null);
  const keepsStored = draft.stored && !draft.touched && !draft.loaded;

  const toggle = async () => {
    if (visible || !keepsStored || !onReveal) return setVisible((v) => !v);
    setRevealing(true);
    setRevealError(null);
    try {
      onChange(loadedSecret(draft, await onReveal()));
      setVisible(true);
    } catch (err) {
      if (!isCancelled(err)) setRevealError(describeError(err));
    } finally {
      setRevealing(false);
    }
  };

  const aside =
    draft.stored && !(draft.touched && draft.value === '') ? (
      <button type="button" className="text-xs text-muted hover:text-danger" onClick={() => onChange(typedSecret(draft, ''))}>
        Remove
      </button>
    ) : draft.stored ? (
      <span className="text-xs text-danger">Will be removed</span>
    ) : undefined;

  const shownPlaceholder = keepsStored ? '•••••••• saved — type to replace' : placeholder;
  return (
    <Field label={label} aside={aside} error={error ?? revealError ?? undefined} hint={hint}>
      {(ids) => (
        <>
          {multiline && (visible || !keepsStored) ? (
            <textarea
              id={ids.inputId}
              value={draft.value}
              onChange={(e) => onChange(typedSecret(draft, e.target.value))}
              spellCheck={false}
              rows={6}
              maxLength={maxLength}
              placeholder={shownPlaceholder}
              aria-describedby={ids.describedBy}
              data-testid={testId}
              className="field-input h-auto min-h-[120px] resize-y py-2 leading-relaxed"
            />
          ) : (
            <div className="relative">
              <input
                id={ids.inputId}
                type={visible && !multiline ? 'text' : 'password'}
                value={draft.value}
                onChange={(e) => onChange(typedSecret(draft, e.target.value))}
                spellCheck={false}
                autoCapitalize="off"
                autoCorrect="off"
                autoComplete="new-password"
                maxLength={maxLength}
                placeholder={shownPlaceholder}
                aria-invalid={error ? true : undefined}
                aria-describedby={ids.describedBy}
                data-testid={testId}
                readOnly={multiline}
                className={cx('field-input pr-[4.5rem]', mono && draft.value && 'font-mono tracking-wide')}
              />
              <div className="absolute inset-y-0 right-1 flex items-center gap-0.5">
                {addon}
                <button
                  type="button"
                  onClick={() => void toggle()}
                  aria-label={visible ? `Hide ${label.toLowerCase()}` : `Show ${label.toLowerCase()}`}
                  aria-pressed={visible}
                  className="flex size-7 items-center justify-center rounded-md text-faint hover:bg-hover hover:text-text"
                >
                  {revealing ? <Spinner className="size-3.5" /> : visible ? <EyeOff className="size-4" aria-hidden /> : <Eye className="size-4" aria-hidden />}
                </button>
              </div>
            </div>
          )}
          {below}
        </>
      )}
    </Field>
  );
}
