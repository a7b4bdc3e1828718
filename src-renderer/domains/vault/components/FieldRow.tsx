import { Copy, Eye, EyeOff, type LucideIcon } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import type { SecretField } from '../../../../src-shared/domains/vault/vault.schemas';
import { describeError } from '../../../lib/errors';
import { useSecondsUntil } from '../../../lib/useSecondsUntil';
import { cx } from '../../../ui/cx';
import { Tooltip } from '../../../ui/Tooltip';
import { isCancelled, REVEAL_MS, useVaultStore } from '../vault.store';

/** A small square icon button with a tooltip (and optional shortcut). */
export function IconAction({
  icon: Icon,
  label,
  shortcut,
  onClick,
  pressed,
  disabled,
  testId,
  iconClass,
}: {
  icon: LucideIcon;
  label: string;
  shortcut?: string;
  onClick(): void;
  pressed?: boolean;
  disabled?: boolean;
  testId?: string;
  iconClass?: string;
}) {
  return (
    <Tooltip label={label} shortcut={shortcut}>
      <button
        type="button"
        aria-label={label}
        aria-pressed={pressed}
        disabled={disabled}
        data-testid={testId}
        onClick={onClick}
        className="flex size-7 shrink-0 items-center justify-center rounded-md text-faint transition-colors hover:bg-hover hover:text-text disabled:opacity-40"
      >
        <Icon className={cx('size-4', iconClass)} aria-hidden />
      </button>
    </Tooltip>
  );
}

/** One labelled value in the detail pane, with its actions on the right. */
export function FieldRow({ label, children, actions, testId }: { label: string; children: ReactNode; actions?: ReactNode; testId?: string }) {
  return (
    <div className="group flex min-h-[52px] items-center gap-3 px-4 py-2" data-testid={testId}>
      <div className="min-w-0 flex-1">
        <div className="text-[11px] font-medium tracking-wide text-faint uppercase">{label}</div>
        <div className="mt-0.5 min-w-0 text-[13.5px] break-words text-text">{children}</div>
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-0.5">{actions}</div> : null}
    </div>
  );
}

/** A group of rows in a quiet card. */
export function FieldCard({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="flex flex-col gap-1.5">
      {title ? <h3 className="px-1 text-[11px] font-semibold tracking-wide text-faint uppercase">{title}</h3> : null}
      <div className="divide-y divide-line rounded-xl border border-line bg-surface">{children}</div>
    </section>
  );
}

/** A copyable public value (username, URL, text field): the browser clipboard is fine for these. */
export function PlainRow({ label, value, mono, actions, shortcut }: { label: string; value: string; mono?: boolean; actions?: ReactNode; shortcut?: string }) {
  const copyPlain = useVaultStore((s) => s.copyPlain);
  return (
    <FieldRow
      label={label}
      actions={
        <>
          {actions}
          <IconAction icon={Copy} label={`Copy ${label.toLowerCase()}`} shortcut={shortcut} onClick={() => void copyPlain(value, label)} />
        </>
      }
    >
      <span className={cx(mono && 'font-mono')}>{value}</span>
    </FieldRow>
  );
}

const MASK = '••••••••••••';

/**
 * A secret field: masked until revealed (one field, fetched from main, re-masked after 30 s) and
 * copied in main, so a copy never brings the value into the renderer.
 */
export function SecretRow({
  itemId,
  field,
  label,
  name,
  maskHint,
  multiline,
  copyShortcut,
  testId,
}: {
  itemId: string;
  field: SecretField;
  label: string;
  /** What the action labels call the value ("Reveal password"); the label, lower-cased, by default. */
  name?: string;
  /** Shown after the dots while masked, e.g. the last four digits of a card. */
  maskHint?: string;
  multiline?: boolean;
  copyShortcut?: string;
  testId?: string;
}) {
  const reveal = useVaultStore((s) => s.reveal);
  const copy = useVaultStore((s) => s.copy);
  const notify = useVaultStore((s) => s.notify);
  const [shown, setShown] = useState<{ value: string; until: number } | null>(null);
  const secondsLeft = useSecondsUntil(shown?.until ?? 0);

  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(null), Math.max(0, shown.until - Date.now()));
    return () => clearTimeout(timer);
  }, [shown]);

  const onError = (err: unknown) => {
    if (!isCancelled(err)) notify(describeError(err), 'danger');
  };

  const toggle = () => {
    if (shown) return setShown(null);
    reveal(itemId, field).then((value) => setShown({ value, until: Date.now() + REVEAL_MS }), onError);
  };

  const noun = name ?? label.toLowerCase();
  const revealLabel = shown ? `Hide ${noun}` : `Reveal ${noun}`;
  return (
    <FieldRow
      label={label}
      testId={testId}
      actions={
        <>
          {shown && secondsLeft > 0 ? (
            <span className="mr-1 text-[11px] text-faint tabular-nums" aria-hidden>
              {secondsLeft} s
            </span>
          ) : null}
          <IconAction icon={shown ? EyeOff : Eye} label={revealLabel} pressed={shown !== null} onClick={toggle} />
          <IconAction
            icon={Copy}
            label={`Copy ${noun}`}
            shortcut={copyShortcut}
            onClick={() => void copy(itemId, field, `${noun.charAt(0).toUpperCase()}${noun.slice(1)} copied`).catch(onError)}
          />
        </>
      }
    >
      {shown ? (
        <span data-testid="revealed-value" className={cx('font-mono text-[13px] select-text', multiline ? 'block whitespace-pre-wrap' : 'break-all')}>
          {shown.value}
        </span>
      ) : (
        <span className="font-mono tracking-wider text-muted" aria-label={`${label} hidden`}>
          {MASK}
          {maskHint ? <span className="ml-1.5 tracking-normal">{maskHint}</span> : null}
        </span>
      )}
    </FieldRow>
  );
}
