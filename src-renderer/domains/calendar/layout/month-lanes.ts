import { compareItems, type CalItem, type Placed } from './bucket';

/** A piece of an item inside one week row of the month grid. */
export interface Segment<T extends CalItem> {
  placed: Placed<T>;
  /** Column 0–6 and how many columns it covers. */
  col: number;
  span: number;
  lane: number;
  /** The item goes on before this week / after it (drawn with a square edge). */
  fromBefore: boolean;
  toAfter: boolean;
}

export interface WeekLanes<T extends CalItem> {
  segments: Segment<T>[];
  /** Per column: items of that day that did not fit ("+N more"). */
  more: number[];
}

/** `compareItems` within a week: a bar that began last week counts as starting on this week's first column. */
function compareSegments<T extends CalItem>(a: Segment<T>, b: Segment<T>): number {
  if (a.placed.bar !== b.placed.bar) return a.placed.bar ? -1 : 1;
  if (a.col !== b.col) return a.col - b.col;
  if (a.span !== b.span) return b.span - a.span;
  return compareItems(a.placed, b.placed);
}

/**
 * Lays the items of a month grid (`weeks` rows of `cols` days, day index = week * cols + column) into at most `lanes`
 * lanes per week: bars keep one lane across the days they cover, the rest go to "+N more" of each day they touch.
 * Cost per week is segments × lanes × 7, independent of how many items are hidden beyond the visible lanes.
 */
export function layoutMonth<T extends CalItem>(placed: readonly Placed<T>[], weeks: number, lanes: number, cols = 7): WeekLanes<T>[] {
  const perWeek: Segment<T>[][] = Array.from({ length: weeks }, () => []);
  for (const p of placed) {
    for (let w = Math.floor(p.first / cols); w <= Math.floor(p.last / cols) && w < weeks; w++) {
      const start = Math.max(p.first, w * cols);
      const end = Math.min(p.last, w * cols + cols - 1);
      perWeek[w]?.push({ placed: p, col: start - w * cols, span: end - start + 1, lane: -1, fromBefore: p.first < start, toAfter: p.last > end });
    }
  }
  return perWeek.map((segments) => {
    segments.sort(compareSegments);
    const taken = Array.from({ length: lanes }, () => new Array<boolean>(cols).fill(false));
    const more = new Array<number>(cols).fill(0);
    const visible: Segment<T>[] = [];
    for (const seg of segments) {
      const lane = taken.findIndex((row) => !row.slice(seg.col, seg.col + seg.span).some(Boolean));
      const row = taken[lane];
      if (!row) {
        for (let c = seg.col; c < seg.col + seg.span; c++) more[c] = (more[c] ?? 0) + 1;
        continue;
      }
      row.fill(true, seg.col, seg.col + seg.span);
      visible.push({ ...seg, lane });
    }
    return { segments: visible, more };
  });
}
