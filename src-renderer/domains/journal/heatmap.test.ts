import { describe, expect, it } from 'vitest';
import { levelOf, monthGrid, shiftMonth, yearGrid } from './heatmap';

describe('journal heat-map', () => {
  it('lays a year out as Monday-first weeks covering every day once', () => {
    const weeks = yearGrid(2026, new Map([['2026-03-14', 2]]));
    expect(weeks.length).toBeGreaterThanOrEqual(53);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    const inside = weeks.flat().filter((c) => !c.outside);
    expect(inside).toHaveLength(365);
    expect(inside[0]?.date).toBe('2026-01-01');
    expect(inside.at(-1)?.date).toBe('2026-12-31');
    // 1 January 2026 is a Thursday: three padding days before it in the first week.
    expect(weeks[0]?.slice(0, 3).every((c) => c.outside)).toBe(true);
    expect(weeks.flat().find((c) => c.date === '2026-03-14')).toMatchObject({ count: 2, level: 4 });
  });

  it('handles a leap year', () => {
    expect(
      yearGrid(2024, new Map())
        .flat()
        .filter((c) => !c.outside),
    ).toHaveLength(366);
  });

  it('colours by quartile of the busiest day', () => {
    expect([0, 1, 2, 3, 4, 8].map((n) => levelOf(n, 8))).toEqual([0, 1, 1, 2, 2, 4]);
    expect(levelOf(5, 0)).toBe(0);
  });

  it('lays a month out with padding', () => {
    const weeks = monthGrid('2026-02');
    expect(weeks[0]?.slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(weeks[0]?.[6]).toBe('2026-02-01');
    expect(weeks.flat().filter(Boolean)).toHaveLength(28);
  });
});

describe('shiftMonth', () => {
  it('steps across year ends both ways', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-05', 0)).toBe('2026-05');
    expect(shiftMonth('2026-03', -14)).toBe('2025-01');
  });
});
