import { describe, expect, it } from 'vitest';
import { metricsCsv, pointsOf } from './metrics-csv';
import type { MetricSeries } from './journal-types';

const E1 = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
const E2 = '01ARZ3NDEKTSV4RRFFQ69G5FAW';
const series: MetricSeries = {
  metrics: [
    { id: 'sleep', name: 'Sleep', kind: 'number', unit: 'h', min: 1, max: 5 },
    { id: 'run', name: '=Run', kind: 'yesno', unit: '', min: 1, max: 5 },
  ],
  points: [
    { date: '2026-03-02', entryId: E2, mood: null, values: { run: false } },
    { date: '2026-03-01', entryId: E1, mood: 4, values: { sleep: 7.5, run: true } },
  ],
};

describe('check-in CSV and chart points', () => {
  it('writes one row per check-in, yes/no as words, formulas escaped', () => {
    expect(metricsCsv(series).trimEnd().split(/\r?\n/)).toEqual(["date,entry_id,mood,Sleep (h),'=Run", `2026-03-02,${E2},,,no`, `2026-03-01,${E1},4,7.5,yes`]);
  });

  it('charts a metric oldest first, booleans as 1/0, skipping days without a value', () => {
    expect(pointsOf(series, 'sleep')).toEqual([{ date: '2026-03-01', value: 7.5 }]);
    expect(pointsOf(series, 'run')).toEqual([
      { date: '2026-03-01', value: 1 },
      { date: '2026-03-02', value: 0 },
    ]);
    expect(pointsOf(series, 'mood')).toEqual([{ date: '2026-03-01', value: 4 }]);
  });
});
