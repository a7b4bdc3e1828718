import { cx } from './cx';

/** The first letter of a profile name in a soft square. */
export function Avatar({ name, size = 'md' }: { name: string; size?: 'sm' | 'md' | 'lg' }) {
  const letter = name.trim().charAt(0).toUpperCase() || '?';
  return (
    <span
      aria-hidden
      className={cx(
        'inline-flex shrink-0 items-center justify-center rounded-lg bg-accent-soft font-semibold text-accent',
        size === 'sm' && 'size-6 text-xs',
        size === 'md' && 'size-9 text-sm',
        size === 'lg' && 'size-12 text-lg',
      )}
    >
      {letter}
    </span>
  );
}
