import { sparklinePath } from './sparkline';

const W = 96;
const H = 24;

/** A key result's values over time, as a small line; the label says the first and last value for screen readers. */
export function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  if (values.length === 0) return <span className="text-[11px] text-faint">No history</span>;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label} className="shrink-0 text-accent" data-testid="kr-sparkline">
      <path d={sparklinePath(values, W, H)} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
