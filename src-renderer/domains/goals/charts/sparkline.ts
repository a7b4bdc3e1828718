/** The SVG path of a sparkline: values spread evenly across `width`, scaled between their min and max into `height`. */
export function sparklinePath(values: readonly number[], width: number, height: number, pad = 2): string {
  if (values.length === 0) return '';
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  const step = values.length > 1 ? (width - pad * 2) / (values.length - 1) : 0;
  // A flat series sits in the middle rather than on an edge.
  const y = (v: number) => (hi === lo ? height / 2 : pad + (1 - (v - lo) / span) * (height - pad * 2));
  const points = values.length === 1 ? [values[0]!, values[0]!] : values;
  const dx = values.length === 1 ? width - pad * 2 : step;
  return points.map((v, i) => `${i === 0 ? 'M' : 'L'}${(pad + i * dx).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
}
