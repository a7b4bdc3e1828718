import { LoaderCircle } from 'lucide-react';
import { cx } from './cx';

/** A small rotating indicator; the surrounding text says what is happening. */
export function Spinner({ className }: { className?: string }) {
  return <LoaderCircle className={cx('animate-spin', className ?? 'size-4')} aria-hidden />;
}
