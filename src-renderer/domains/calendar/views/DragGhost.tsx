import type { CSSProperties } from 'react';
import { dayIndexOf, wallMinutes, type DayRange } from '../layout/days';
import { TimedEvent } from './TimedEvent';
import type { GridDrag } from './useGridDrag';

const hhmm = (min: number): string => {
  const m = ((min % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** Where a moved or resized event would land, drawn in the column under the pointer while dragging. */
export function DragGhost({
  drag,
  range,
  box,
}: {
  drag: Extract<GridDrag, { kind: 'move' | 'resize' }>;
  range: { range: DayRange; i: number; zone: string };
  box(startMin: number, endMin: number): CSSProperties;
}) {
  const { item } = drag;
  const home = Math.max(0, dayIndexOf(range.range, item.startMs));
  const start = wallMinutes(range.range, home, item.startMs);
  const length = (item.endMs - item.startMs) / 60_000;
  const shift = drag.min - drag.fromMin;
  const [top, end] = drag.kind === 'move' ? [start + shift, start + shift + length] : [start, Math.max(start + 15, start + length + shift)];
  return <TimedEvent ghost item={item} label={`${hhmm(top)} – ${hhmm(end)}`} style={box(Math.max(0, top), Math.min(1440, end))} />;
}
