import type { CSSProperties, PointerEvent } from 'react';
import { cx } from '../../../ui/cx';
import { COLOR_CLASSES, type EventItem } from '../calendar-types';
import { useCalendarStore } from '../calendar.store';

/** One event box on the time grid: title and time, a resize handle at the bottom edge (not on read-only calendars). */
export function TimedEvent({
  item,
  label,
  style,
  ghost,
  onPress,
}: {
  item: EventItem;
  label: string;
  style: CSSProperties;
  ghost?: boolean;
  onPress?(e: PointerEvent<HTMLElement>, mode: 'move' | 'resize'): void;
}) {
  const colors = COLOR_CLASSES[item.color];
  const short = typeof style.height === 'number' && style.height < 34;
  return (
    <button
      type="button"
      data-testid={ghost ? 'cal-drag-preview' : 'cal-event'}
      data-event-id={item.occ.eventId}
      data-occurrence-key={item.occ.occurrenceKey ?? ''}
      aria-label={`${item.title || 'Untitled'}, ${label}${item.occ.recurring ? ', repeats' : ''}`}
      tabIndex={ghost ? -1 : 0}
      // Keyboard activation (detail 0) opens; a pointer press is handled by the grid's drag (a press without moving opens).
      onClick={(e) => e.detail === 0 && useCalendarStore.getState().openEvent(item.occ)}
      onFocus={() => useCalendarStore.getState().focus(item.key)}
      onPointerDown={(e) => onPress?.(e, 'move')}
      style={style}
      className={cx(
        'absolute flex flex-col overflow-hidden rounded-[5px] border-l-[3px] px-1.5 text-left text-[11.5px] leading-tight',
        colors.chip,
        colors.rule,
        ghost
          ? 'pointer-events-none z-20 opacity-80 shadow-lg ring-1 ring-focus'
          : 'z-10 focus-visible:ring-2 focus-visible:ring-focus focus-visible:outline-none',
        item.occ.status === 'cancelled' && 'line-through opacity-60',
        short ? 'flex-row items-center gap-1 py-0' : 'py-0.5',
      )}
    >
      <span className="max-w-full shrink-0 truncate font-medium">{item.title || 'Untitled'}</span>
      <span className="min-w-0 truncate text-[10.5px] text-muted tabular-nums">{label}</span>
      {item.occ.readOnly || ghost ? null : (
        <span
          aria-hidden
          data-testid="cal-resize"
          onPointerDown={(e) => onPress?.(e, 'resize')}
          className="absolute inset-x-0 bottom-0 h-1.5 cursor-ns-resize"
        />
      )}
    </button>
  );
}
