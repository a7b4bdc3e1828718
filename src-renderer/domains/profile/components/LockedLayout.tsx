import { Flame } from 'lucide-react';
import type { ReactNode } from 'react';

interface LockedLayoutProps {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  /** Wider card for the recovery-key steps. */
  wide?: boolean;
}

/** The frame of every screen shown while locked: brand, one centred card, an optional footer. */
export function LockedLayout({ title, subtitle, children, footer, wide }: LockedLayoutProps) {
  return (
    <main className="flex min-h-full flex-col items-center overflow-y-auto bg-canvas px-6 py-12">
      <div className={wide ? 'my-auto w-full max-w-[520px]' : 'my-auto w-full max-w-[400px]'}>
        <div className="mb-8 flex items-center justify-center gap-2 text-text">
          <span className="flex size-8 items-center justify-center rounded-lg bg-accent text-on-accent shadow-sm">
            <Flame className="size-[18px]" aria-hidden strokeWidth={2.25} />
          </span>
          <span className="text-[15px] font-semibold tracking-tight">Hearth</span>
        </div>
        <section className="animate-slide-up rounded-xl border border-line bg-surface p-7 shadow-card" aria-labelledby="locked-title">
          <header className="mb-6">
            <h1 id="locked-title" className="text-xl font-semibold tracking-tight text-text">
              {title}
            </h1>
            {subtitle ? <p className="mt-1.5 text-[13px] text-muted">{subtitle}</p> : null}
          </header>
          {children}
        </section>
        {footer ? <div className="mt-5 flex justify-center text-[13px] text-muted">{footer}</div> : null}
      </div>
    </main>
  );
}
