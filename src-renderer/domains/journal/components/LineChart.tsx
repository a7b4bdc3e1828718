import type { ChartPoint } from '../metrics-csv';

const W = 360;
const H = 150;
const PAD = { l: 30, r: 10, t: 10, b: 20 };

/** A small SVG chart: a line for numbers and scales, bars for yes/no. Scales with its box, keeping its proportions. */
export function LineChart({ points, bars = false, min, max, label }: { points: ChartPoint[]; bars?: boolean; min?: number; max?: number; label: string }) {
  if (points.length === 0) return <p className="text-xs text-faint">No check-ins yet.</p>;
  const lo = Math.min(min ?? Infinity, ...points.map((p) => p.value));
  const hi = Math.max(max ?? -Infinity, ...points.map((p) => p.value), lo + 1);
  const t0 = Date.parse(points[0]!.date);
  const t1 = Math.max(Date.parse(points.at(-1)!.date), t0 + 86_400_000);
  const x = (d: string) => PAD.l + ((Date.parse(d) - t0) / (t1 - t0)) * (W - PAD.l - PAD.r);
  const y = (v: number) => PAD.t + (1 - (v - lo) / (hi - lo)) * (H - PAD.t - PAD.b);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.date).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const barW = Math.max(2, Math.min(12, (W - PAD.l - PAD.r) / points.length - 2));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="h-auto w-full text-accent">
      {[lo, (lo + hi) / 2, hi].map((v) => (
        <g key={v}>
          <line x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} className="stroke-line" strokeWidth="1" />
          <text x={PAD.l - 4} y={y(v) + 3} textAnchor="end" className="fill-faint text-[10px]">
            {Number.isInteger(v) ? v : v.toFixed(1)}
          </text>
        </g>
      ))}
      <text x={PAD.l} y={H - 4} className="fill-faint text-[10px]">
        {points[0]!.date}
      </text>
      <text x={W - PAD.r} y={H - 4} textAnchor="end" className="fill-faint text-[10px]">
        {points.at(-1)!.date}
      </text>
      {bars ? (
        points.map((p, i) => (
          <rect key={i} x={x(p.date) - barW / 2} y={y(p.value)} width={barW} height={Math.max(1, y(lo) - y(p.value))} className="fill-current" rx="1" />
        ))
      ) : (
        <>
          <path d={path} fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
          {points.map((p, i) => (
            <circle key={i} cx={x(p.date)} cy={y(p.value)} r="3.5" className="fill-current">
              <title>{`${p.date}: ${p.value}`}</title>
            </circle>
          ))}
        </>
      )}
    </svg>
  );
}
