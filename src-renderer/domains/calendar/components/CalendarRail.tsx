import { BookOpen, CheckSquare, CreditCard, Package, Plus, Settings2 } from 'lucide-react';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { cx } from '../../../ui/cx';
import { COLOR_CLASSES, type Calendar, type OverlayLayer } from '../calendar-types';
import { useCalendarStore } from '../calendar.store';
import { CalendarDialog } from '../editor/CalendarDialog';
import { OVERLAY_LAYERS } from '../overlays';
import { MiniMonth } from './MiniMonth';

const LAYER_LABEL: Record<OverlayLayer, { label: string; icon: typeof Package }> = {
  batches: { label: 'Batch expiries', icon: Package },
  tasks: { label: 'Tasks and goals', icon: CheckSquare },
  journal: { label: 'Journal entries', icon: BookOpen },
  vault: { label: 'Card expiries', icon: CreditCard },
};

/** Left rail: mini month, calendars (colour, visibility, edit), "New calendar", and the overlay switches. */
export function CalendarRail({ layers = OVERLAY_LAYERS }: { layers?: readonly OverlayLayer[] }) {
  const { anchor, today, weekStart, calendars, overlaysOn, failed } = useCalendarStore(
    useShallow((s) => ({
      anchor: s.anchor,
      today: s.today,
      weekStart: s.weekStart,
      calendars: s.calendars,
      overlaysOn: s.overlaysOn,
      failed: s.overlays.failed,
    })),
  );
  const { goTo, setCalendarVisible, toggleOverlay } = useCalendarStore.getState();
  const [dialog, setDialog] = useState<Calendar | 'new' | null>(null);
  return (
    <nav aria-label="Calendars" className="flex h-full w-[212px] shrink-0 flex-col gap-4 overflow-y-auto border-r border-line bg-canvas/60 px-2.5 py-3">
      <MiniMonth key={anchor.slice(0, 7)} anchor={anchor} today={today} weekStart={weekStart} onPick={(d) => goTo(d)} />
      <section>
        <div className="flex items-center justify-between px-1 pb-1">
          <h3 className="text-[11px] font-semibold tracking-wide text-faint uppercase">Calendars</h3>
          <button type="button" aria-label="New calendar" title="New calendar" onClick={() => setDialog('new')} className="rounded text-faint hover:text-text">
            <Plus className="size-3.5" aria-hidden />
          </button>
        </div>
        <ul className="flex flex-col gap-px">
          {calendars.map((c) => (
            <li key={c.id} className="group flex h-7 items-center gap-2 rounded-md px-1 text-[13px] hover:bg-hover/70">
              <button
                type="button"
                role="switch"
                aria-checked={c.visible}
                aria-label={`Show ${c.name}`}
                onClick={() => void setCalendarVisible(c.id, !c.visible)}
                className="flex min-w-0 flex-1 items-center gap-2 text-left"
              >
                <span
                  className={cx(
                    'size-3 shrink-0 rounded-[4px] border-2',
                    c.visible ? [COLOR_CLASSES[c.color].dot, 'border-transparent'].join(' ') : COLOR_CLASSES[c.color].rule,
                  )}
                  aria-hidden
                />
                <span className={cx('truncate', c.visible ? 'text-text' : 'text-faint')}>{c.name}</span>
              </button>
              {c.lastError ? <span className="size-1.5 rounded-full bg-danger" title={c.lastError} aria-label={`Error: ${c.lastError}`} /> : null}
              <button
                type="button"
                aria-label={`Edit ${c.name}`}
                onClick={() => setDialog(c)}
                className="text-faint opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 hover:text-text focus-visible:opacity-100"
              >
                <Settings2 className="size-3.5" aria-hidden />
              </button>
            </li>
          ))}
          {calendars.length === 0 ? (
            <li>
              <button type="button" onClick={() => setDialog('new')} className="flex h-7 items-center gap-2 px-1 text-[13px] text-accent hover:underline">
                <Plus className="size-3.5" aria-hidden /> New calendar
              </button>
            </li>
          ) : null}
        </ul>
      </section>
      <section>
        <h3 className="px-1 pb-1 text-[11px] font-semibold tracking-wide text-faint uppercase">Overlays</h3>
        <ul className="flex flex-col gap-px">
          {layers.map((layer) => {
            const { label, icon: Icon } = LAYER_LABEL[layer];
            return (
              <li key={layer}>
                <button
                  type="button"
                  role="switch"
                  aria-checked={overlaysOn[layer]}
                  aria-label={label}
                  onClick={() => toggleOverlay(layer)}
                  className="flex h-7 w-full items-center gap-2 rounded-md px-1 text-left text-[13px] hover:bg-hover/70"
                >
                  <Icon className={cx('size-3.5 shrink-0', overlaysOn[layer] ? 'text-muted' : 'text-faint/60')} aria-hidden />
                  <span className={cx('flex-1 truncate', overlaysOn[layer] ? 'text-text' : 'text-faint')}>{label}</span>
                  {failed.includes(layer) ? <span className="text-[11px] text-faint">unavailable</span> : null}
                  <span className={cx('h-3.5 w-6 rounded-full p-0.5 transition-colors', overlaysOn[layer] ? 'bg-accent' : 'bg-line-strong')} aria-hidden>
                    <span className={cx('block size-2.5 rounded-full bg-white transition-transform', overlaysOn[layer] && 'translate-x-2.5')} />
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      {dialog ? <CalendarDialog calendar={dialog === 'new' ? null : dialog} onClose={() => setDialog(null)} /> : null}
    </nav>
  );
}
