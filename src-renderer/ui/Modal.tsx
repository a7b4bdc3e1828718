import * as Dialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import { cx } from './cx';

interface ModalProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  size?: 'sm' | 'md';
  /** Keep the dialog open on Escape / outside click (e.g. while a recovery key is shown). */
  dismissible?: boolean;
}

/**
 * A Radix dialog (focus trap, Escape to close, aria wiring). The backdrop is a plain element instead of
 * Dialog.Overlay: Overlay pulls in react-remove-scroll, which injects a <style> tag that our CSP
 * (`style-src 'self'`) refuses. The app body never scrolls, so nothing is lost.
 */
export function Modal({ open, onOpenChange, title, description, children, size = 'sm', dismissible = true }: ModalProps) {
  const block = (event: Event) => {
    if (!dismissible) event.preventDefault();
  };
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <div className="animate-fade-in fixed inset-0 z-40 bg-backdrop" aria-hidden />
        <Dialog.Content
          onEscapeKeyDown={block}
          onPointerDownOutside={block}
          onInteractOutside={block}
          className={cx(
            'fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 rounded-xl border border-line bg-raised p-6 shadow-pop outline-none',
            'animate-pop-in max-h-[calc(100vh-2rem)] overflow-y-auto',
            size === 'sm' ? 'max-w-[420px]' : 'max-w-[520px]',
          )}
        >
          <div className="mb-5 pr-8">
            <Dialog.Title className="text-base font-semibold text-text">{title}</Dialog.Title>
            {description ? <Dialog.Description className="mt-1 text-[13px] text-muted">{description}</Dialog.Description> : null}
          </div>
          {children}
          {dismissible ? (
            <Dialog.Close
              aria-label="Close"
              className="absolute top-4 right-4 flex size-7 items-center justify-center rounded-md text-faint hover:bg-hover hover:text-text"
            >
              <X className="size-4" aria-hidden />
            </Dialog.Close>
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/**
 * The right-aligned row of buttons at the bottom of a dialog. It sticks to the bottom edge while a tall
 * dialog scrolls (800×600 windows), so the main action is always on screen.
 */
export function ModalActions({ children }: { children: ReactNode }) {
  return <div className="sticky -bottom-6 z-10 -mx-6 -mb-6 mt-3 flex justify-end gap-2 bg-raised px-6 pt-3 pb-6">{children}</div>;
}
