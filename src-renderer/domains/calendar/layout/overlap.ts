/** A timed item in one day column of the time grid, in minutes since the day started. */
export interface TimedInput<T> {
  item: T;
  startMin: number;
  endMin: number;
}

export interface TimedBox<T> extends TimedInput<T> {
  /** Column within its overlap group and the group's column count: left = col / cols, width = 1 / cols. */
  col: number;
  cols: number;
}

/**
 * Side-by-side columns for overlapping events (as Google and Apple Calendar draw them): items sorted by start
 * (longer first), grouped into clusters of transitively overlapping items, each item in the first column free at
 * its start. Every box of a cluster shares the cluster's column count. A short item counts as `minMinutes` long,
 * so boxes drawn with a minimum height do not cover each other.
 */
export function layoutColumns<T>(inputs: readonly TimedInput<T>[], minMinutes = 20): TimedBox<T>[] {
  const sorted = [...inputs].sort((a, b) => a.startMin - b.startMin || b.endMin - a.endMin);
  const out: TimedBox<T>[] = [];
  let cluster: TimedBox<T>[] = [];
  let colEnds: number[] = [];
  let clusterEnd = -Infinity;
  const close = () => {
    for (const box of cluster) box.cols = colEnds.length;
    out.push(...cluster);
    cluster = [];
    colEnds = [];
  };
  for (const input of sorted) {
    const end = Math.max(input.endMin, input.startMin + minMinutes);
    if (input.startMin >= clusterEnd) close();
    let col = colEnds.findIndex((e) => e <= input.startMin);
    if (col < 0) col = colEnds.push(end) - 1;
    else colEnds[col] = end;
    cluster.push({ ...input, col, cols: 0 });
    clusterEnd = cluster.length === 1 ? end : Math.max(clusterEnd, end);
  }
  close();
  return out;
}
