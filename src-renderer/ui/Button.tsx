import type { LucideIcon } from 'lucide-react';
import { type ButtonHTMLAttributes, type Ref } from 'react';
import { cx } from './cx';
import { Spinner } from './Spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'danger-outline';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md' | 'lg';
  icon?: LucideIcon;
  /** Shows a spinner and disables the button while an action runs. */
  busy?: boolean;
}

const variants: Record<ButtonVariant, string> = {
  primary: 'bg-accent text-on-accent hover:bg-accent-strong border-transparent shadow-sm',
  secondary: 'bg-surface text-text border-line-strong hover:bg-hover shadow-xs',
  ghost: 'bg-transparent text-muted border-transparent hover:bg-hover hover:text-text',
  danger: 'bg-danger text-white border-transparent hover:opacity-90 shadow-sm',
  'danger-outline': 'bg-surface text-danger border-line-strong hover:bg-danger-soft hover:border-danger/30 shadow-xs',
};

const sizes = {
  sm: 'h-7 px-2.5 text-xs gap-1.5',
  md: 'h-9 px-3.5 text-sm gap-2',
  lg: 'h-10 px-4 text-sm gap-2',
};

/** The one button. Primary for the main action of a view, secondary for the rest. */
export function Button({
  ref,
  variant = 'secondary',
  size = 'md',
  icon: Icon,
  busy = false,
  className,
  children,
  disabled,
  type = 'button',
  ...rest
}: ButtonProps & { ref?: Ref<HTMLButtonElement> }) {
  return (
    <button
      ref={ref}
      type={type}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={cx(
        'inline-flex shrink-0 items-center justify-center rounded-md border font-medium whitespace-nowrap transition-colors',
        'disabled:cursor-not-allowed disabled:opacity-55',
        variants[variant],
        sizes[size],
        className,
      )}
      {...rest}
    >
      {busy ? <Spinner className="size-4" /> : Icon ? <Icon className="size-4 shrink-0" aria-hidden strokeWidth={2} /> : null}
      {children}
    </button>
  );
}
