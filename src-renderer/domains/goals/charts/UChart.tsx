import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { PALETTE, resolveColors, watchTheme, withAlpha, type Tone } from './chart-colors';

export interface ChartSeries {
  label: string;
  values: readonly (number | null)[];
  kind?: 'line' | 'bars';
  tone?: Tone;
}

export interface UChartProps {
  /** ISO dates, one per value of every series. */
  dates: readonly string[];
  series: readonly ChartSeries[];
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  label: string;
  height?: number;
  /** A fixed y range (percentages: 0..100). */
  yRange?: [number, number];
  testId?: string;
}

const toSeconds = (date: string) => Date.parse(`${date}T12:00:00Z`) / 1000;

/**
 * A uPlot chart (why uPlot: docs/libraries.md) that fills its container's width: a ResizeObserver resizes it, and a theme
 * change rebuilds it with the new colours. uPlot draws on canvas and styles its own elements through the CSSOM only,
 * which the CSP allows.
 */
export function UChart({ dates, series, label, height = 180, yRange, testId }: UChartProps) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let plot: uPlot | null = null;
    const data: uPlot.AlignedData = [dates.map(toSeconds), ...series.map((s) => [...s.values])];
    const build = () => {
      plot?.destroy();
      const c = resolveColors(el);
      const axis: uPlot.Axis = { stroke: c.muted, grid: { stroke: c.line, width: 1 }, ticks: { stroke: c.line, width: 1 }, font: '11px system-ui' };
      const opts: uPlot.Options = {
        width: Math.max(200, el.clientWidth),
        height,
        // A legend of names only: the values under the cursor are in the CSV, and a live legend jumps as it moves.
        legend: { show: series.length > 1, live: false },
        cursor: { drag: { x: false, y: false } },
        // Ordinal x: the buckets sit evenly (a short first week or month would otherwise squeeze every bar).
        scales: { x: { time: true, distr: 2 }, ...(yRange ? { y: { range: yRange } } : {}) },
        axes: [axis, { ...axis, size: 44 }],
        series: [
          {},
          ...series.map((s, i): uPlot.Series => {
            const color = c[s.tone ?? PALETTE[i % PALETTE.length]!];
            return s.kind === 'bars'
              ? {
                  label: s.label,
                  stroke: color,
                  fill: withAlpha(color, 0.55),
                  width: 1,
                  paths: uPlot.paths.bars!({ size: [0.7, 40] }),
                  points: { show: false },
                }
              : { label: s.label, stroke: color, width: 2, spanGaps: true, points: { show: dates.length < 60 } };
          }),
        ],
      };
      plot = new uPlot(opts, data, el);
    };
    build();
    const resize = new ResizeObserver(() => plot?.setSize({ width: Math.max(200, el.clientWidth), height }));
    resize.observe(el);
    const offTheme = watchTheme(build);
    return () => {
      resize.disconnect();
      offTheme();
      plot?.destroy();
    };
  }, [dates, series, height, yRange]);

  // Fewer than two points make no line (and an ordinal axis of one value has no scale): say the numbers instead.
  if (dates.length < 2) {
    return (
      <p className="py-6 text-center text-[12px] text-faint" data-testid={testId}>
        {dates.length === 0
          ? 'No data in this range.'
          : `Only one point so far (${dates[0]}): ${series.map((s) => `${s.label} ${s.values[0] ?? '–'}`).join(', ')}.`}
      </p>
    );
  }
  return <div ref={host} role="img" aria-label={label} className="min-w-0 overflow-hidden text-muted" data-testid={testId} />;
}
