import { Check, RefreshCw } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { describeError } from '../../../lib/errors';
import { SCORE_LABELS } from '../../../lib/password-strength';
import { Button } from '../../../ui/Button';
import { cx } from '../../../ui/cx';
import { useVaultStore, type Generated } from '../vault.store';

export type GeneratorOptions =
  | { kind: 'password'; length: number; lower: boolean; upper: boolean; digits: boolean; symbols: boolean; avoidAmbiguous: boolean }
  | { kind: 'passphrase'; words: number; separator: string; capitalize: boolean; includeDigit: boolean };

const DEFAULTS = {
  password: { kind: 'password', length: 20, lower: true, upper: true, digits: true, symbols: true, avoidAmbiguous: true },
  passphrase: { kind: 'passphrase', words: 5, separator: '-', capitalize: true, includeDigit: true },
} as const satisfies Record<GeneratorOptions['kind'], GeneratorOptions>;

/** The last options used, for this session only (never persisted). */
let remembered: GeneratorOptions = DEFAULTS.password;

function Check2({ label, checked, onChange, disabled }: { label: string; checked: boolean; onChange(v: boolean): void; disabled?: boolean }) {
  return (
    <label className="flex items-center gap-2 text-[13px] text-text">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} className="size-3.5 accent-accent" />
      {label}
    </label>
  );
}

function Slider({ label, value, min, max, onChange }: { label: string; value: number; min: number; max: number; onChange(v: number): void }) {
  const id = useId();
  return (
    <div className="flex items-center gap-3">
      <label htmlFor={id} className="w-20 shrink-0 text-[13px] text-text">
        {label}
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        className="min-w-0 flex-1 accent-accent"
      />
      <span className="w-7 text-right text-[13px] font-medium text-text tabular-nums">{value}</span>
    </div>
  );
}

function Segmented({ value, onChange }: { value: GeneratorOptions['kind']; onChange(kind: GeneratorOptions['kind']): void }) {
  const options: [GeneratorOptions['kind'], string][] = [
    ['password', 'Password'],
    ['passphrase', 'Passphrase'],
  ];
  return (
    <div role="radiogroup" aria-label="Kind" className="grid grid-cols-2 rounded-lg border border-line bg-subtle p-0.5">
      {options.map(([kind, label]) => (
        <button
          key={kind}
          type="button"
          role="radio"
          aria-checked={value === kind}
          onClick={() => onChange(kind)}
          className={cx(
            'h-7 rounded-md text-[13px] transition-colors',
            value === kind ? 'bg-raised font-medium text-text shadow-xs' : 'text-muted hover:text-text',
          )}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

/**
 * The password generator under the password field. Generation happens in main (CSPRNG, no modulo
 * bias); the value shown here is the one the user is about to put in the form.
 */
export function GeneratorPopover({ onUse, onClose }: { onUse(value: string): void; onClose(): void }) {
  const generate = useVaultStore((s) => s.generate);
  const [options, setOptions] = useState<GeneratorOptions>(remembered);
  const [result, setResult] = useState<Generated | null>(null);
  const [error, setError] = useState<string | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const run = useCallback(
    (next: GeneratorOptions) => {
      remembered = next;
      generate(next).then(
        (r) => {
          setResult(r);
          setError(null);
        },
        (err: unknown) => setError(describeError(err)),
      );
    },
    [generate],
  );

  useEffect(() => run(options), [options, run]);

  useEffect(() => {
    panelRef.current?.focus();
    const onPointer = (e: PointerEvent) => {
      if (panelRef.current && !panelRef.current.contains(e.target as Node)) onClose();
    };
    // Capture phase, so Escape closes the popover before the editor sees it (and not the editor too).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      onClose();
    };
    document.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [onClose]);

  const patch = (p: Partial<Extract<GeneratorOptions, { kind: 'password' }>> | Partial<Extract<GeneratorOptions, { kind: 'passphrase' }>>) =>
    setOptions((o) => ({ ...o, ...p }) as GeneratorOptions);
  const classes = options.kind === 'password' ? [options.lower, options.upper, options.digits, options.symbols].filter(Boolean).length : 0;

  let body: ReactNode;
  if (options.kind === 'password') {
    const only = (on: boolean) => on && classes === 1;
    body = (
      <>
        <Slider label="Length" value={options.length} min={8} max={64} onChange={(length) => patch({ length })} />
        <div className="grid grid-cols-2 gap-x-3 gap-y-2">
          <Check2 label="a–z" checked={options.lower} disabled={only(options.lower)} onChange={(lower) => patch({ lower })} />
          <Check2 label="A–Z" checked={options.upper} disabled={only(options.upper)} onChange={(upper) => patch({ upper })} />
          <Check2 label="0–9" checked={options.digits} disabled={only(options.digits)} onChange={(digits) => patch({ digits })} />
          <Check2 label="!@#$%" checked={options.symbols} disabled={only(options.symbols)} onChange={(symbols) => patch({ symbols })} />
        </div>
        <Check2 label="Avoid look-alikes (l, 1, O, 0)" checked={options.avoidAmbiguous} onChange={(avoidAmbiguous) => patch({ avoidAmbiguous })} />
      </>
    );
  } else {
    body = (
      <>
        <Slider label="Words" value={options.words} min={3} max={12} onChange={(words) => patch({ words })} />
        <div className="flex items-center gap-3">
          <span className="w-20 shrink-0 text-[13px] text-text">Separator</span>
          <div className="flex gap-1">
            {['-', ' ', '.', '_', ''].map((sep) => (
              <button
                key={sep || 'none'}
                type="button"
                aria-pressed={options.separator === sep}
                onClick={() => patch({ separator: sep })}
                className={cx(
                  'h-7 min-w-8 rounded-md border px-2 font-mono text-[13px]',
                  options.separator === sep ? 'border-accent bg-accent-soft text-accent' : 'border-line-strong text-muted hover:bg-hover',
                )}
              >
                {sep === '' ? 'none' : sep === ' ' ? '␣' : sep}
              </button>
            ))}
          </div>
        </div>
        <div className="grid grid-cols-2 gap-x-3 gap-y-2">
          <Check2 label="Capitalise" checked={options.capitalize} onChange={(capitalize) => patch({ capitalize })} />
          <Check2 label="Add a digit" checked={options.includeDigit} onChange={(includeDigit) => patch({ includeDigit })} />
        </div>
      </>
    );
  }

  return (
    <div
      ref={panelRef}
      role="dialog"
      aria-label="Password generator"
      data-testid="generator"
      tabIndex={-1}
      className="animate-pop-in outline-none absolute top-full right-0 z-30 mt-2 flex w-[340px] flex-col gap-3.5 rounded-xl border border-line bg-raised p-4 shadow-pop"
    >
      <Segmented value={options.kind} onChange={(kind) => setOptions(kind === options.kind ? options : DEFAULTS[kind])} />
      <div className="rounded-lg border border-line bg-subtle px-3 py-2.5">
        <div className="flex items-start gap-2">
          <output data-testid="generated-value" className="min-h-[40px] min-w-0 flex-1 font-mono text-[14px] leading-5 break-all text-text select-all">
            {result?.value ?? '…'}
          </output>
          <button
            type="button"
            aria-label="Generate another"
            onClick={() => run(options)}
            className="flex size-7 shrink-0 items-center justify-center rounded-md text-faint hover:bg-hover hover:text-text"
          >
            <RefreshCw className="size-4" aria-hidden />
          </button>
        </div>
        {result ? (
          <p className="mt-1.5 text-[11px] text-muted">
            {SCORE_LABELS[Math.min(4, Math.max(0, result.score))]} · about {Math.round(result.entropyBits)} bits
          </p>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-[13px] text-danger">
          {error}
        </p>
      ) : null}
      {body}
      <div className="flex justify-end gap-2 pt-0.5">
        <Button size="sm" variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button size="sm" variant="primary" icon={Check} disabled={!result} onClick={() => result && onUse(result.value)}>
          Use {options.kind}
        </Button>
      </div>
    </div>
  );
}
