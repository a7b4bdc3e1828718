import { CalendarCheck, CheckSquare, CreditCard, Flag, Package, Repeat, Target, type LucideIcon } from 'lucide-react';
import type { CSSProperties, DragEvent, ReactNode } from 'react';
import { openRecord } from '../../../app/open-record';
import { cx } from '../../../ui/cx';
import { COLOR_CLASSES, type EventItem, type OverlayItem } from '../calendar-types';
import { overlayLabel } from './overlay-label';
import { useCalendarStore } from '../calendar.store';

export const OVERLAY_ICONS: Record<OverlayItem['layer'], LucideIcon> = { batches: Package, tasks: CheckSquare, vault: CreditCard };

/** The drag payload of an event chip (HTML drag and drop in month view and the all-day row). */
export const DRAG_TYPE = 'application/x-hearth-occurrence';

/**
 * An event instance as a compact button: the calendar colour, the time (timed) and the title. Enter or a click
 * opens it; it carries test ids and the instance's ids for the e2e tests.
 */
export function EventChip({
  item,
  time,
  style,
  className,
  draggable,
  onDragStart,
  children,
  compactTime,
}: {
  item: EventItem;
  time?: string;
  /** Hide the time below 1000 px of page width (month cells). */
  compactTime?: boolean;
  style?: CSSProperties;
  className?: string;
  draggable?: boolean;
  onDragStart?(e: DragEvent<HTMLButtonElement>): void;
  children?: ReactNode;
}) {
  const { openEvent, focus } = useCalendarStore.getState();
  const colors = COLOR_CLASSES[item.color];
  const bar = item.allDay || time === undefined;
  return (
    <button
      type="button"
      data-testid="cal-event"
      data-event-id={item.occ.eventId}
      data-occurrence-key={item.occ.occurrenceKey ?? ''}
      aria-label={`${item.title || 'Untitled'}${time ? `, ${time}` : item.allDay ? ', all day' : ''}${item.occ.recurring ? ', repeats' : ''}`}
      title={item.title}
      draggable={draggable && !item.occ.readOnly}
      onDragStart={onDragStart}
      onClick={() => openEvent(item.occ)}
      onFocus={() => focus(item.key)}
      style={style}
      className={cx(
        'flex h-[18px] w-full min-w-0 items-center gap-1 rounded px-1 text-left text-[11.5px] leading-none',
        'hover:brightness-95 focus-visible:ring-2 focus-visible:ring-focus focus-visible:outline-none',
        bar ? colors.chip : 'text-text hover:bg-hover',
        item.occ.status === 'cancelled' && 'line-through opacity-60',
        item.occ.status === 'tentative' && 'opacity-75',
        className,
      )}
    >
      {bar ? null : <span className={cx('size-1.5 shrink-0 rounded-full', colors.dot)} aria-hidden />}
      {/* In a narrow month cell the title matters more than the time (which stays in the accessible name). */}
      {time ? <span className={cx('shrink-0 text-faint tabular-nums', compactTime && '@max-[1000px]:hidden')}>{time}</span> : null}
      <span className="min-w-0 flex-1 truncate font-medium">{item.title || 'Untitled'}</span>
      {item.occ.recurring ? <Repeat className="size-2.5 shrink-0 text-faint" aria-hidden /> : null}
      {children}
    </button>
  );
}

/** Tasks-layer chip icons by source: a goals task, a milestone, a goal's target date, a calendar VTODO. */
const SOURCE_ICONS = { task: CheckSquare, milestone: Flag, goal: Target, vtodo: CalendarCheck } as const;

/**
 * Opens what an overlay chip stands for: the batch, the vault item, a goals task or goal (on the Goals page), or (a
 * calendar VTODO) the tasks panel.
 */
export function openOverlay(item: OverlayItem, onTask: () => void): void {
  const s = item.source;
  if (s && s.kind !== 'vtodo') void openRecord({ domain: 'goals', id: s.opens });
  else if (item.layer === 'tasks') onTask();
  else void openRecord({ domain: item.layer === 'batches' ? 'batches' : 'vault', id: item.recordId });
}

/** A read-only overlay (batch expiry, task due, vault expiry): dashed, with the layer's icon; opens its record. */
export function OverlayChip({ item, onTask, style }: { item: OverlayItem; onTask(): void; style?: CSSProperties }) {
  const Icon = item.source ? SOURCE_ICONS[item.source.kind] : OVERLAY_ICONS[item.layer];
  const label = overlayLabel(item);
  return (
    <button
      type="button"
      data-testid="cal-overlay"
      data-layer={item.layer}
      data-source={item.source ? (item.source.kind === 'vtodo' ? 'calendar' : 'goals') : undefined}
      data-kind={item.source?.kind}
      data-done={item.done ? 'true' : undefined}
      data-date={item.startDate ?? undefined}
      aria-label={label}
      title={label}
      onClick={() => openOverlay(item, onTask)}
      style={style}
      className="flex h-[18px] w-full min-w-0 items-center gap-1 rounded border border-dashed border-line-strong px-1 text-left text-[11.5px] leading-none text-muted hover:bg-hover hover:text-text focus-visible:ring-2 focus-visible:ring-focus focus-visible:outline-none"
    >
      <Icon className="size-3 shrink-0" aria-hidden />
      {item.time ? <span className="shrink-0 text-faint tabular-nums">{item.time}</span> : null}
      <span className={cx('min-w-0 flex-1 truncate', item.done && 'line-through opacity-70')}>{item.title}</span>
    </button>
  );
}
