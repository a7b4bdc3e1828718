import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../../src-shared/lib/local-date';
import { localDay, offsetSpans } from './goals-analytics-sql';
import { setupGoals, type GoalsSetup } from './goals.test-helpers';

/**
 * The SQL local date must agree with Intl's (`todayIn`) for every instant: checked on the profile's own SQLite over
 * two years of instants in zones east and west of UTC, with half- and quarter-hour offsets and a half-hour DST change.
 */
let s: GoalsSetup;
beforeAll(async () => {
  s = await setupGoals();
});
afterAll(() => s.close());

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Santiago', 'UTC'];

describe('local dates in SQL', () => {
  it.each(ZONES)('matches Intl in %s, around midnight and across DST changes', async (zone) => {
    const fromMs = Date.parse('2025-01-01T00:00:00Z');
    const toMs = Date.parse('2027-01-01T00:00:00Z');
    const spans = offsetSpans(zone, fromMs, toMs);
    // Every 97 minutes for two years (hits every time of day), plus each DST change and the millisecond before it.
    const instants: number[] = [];
    for (let t = fromMs; t < toMs; t += 97 * 60_000) instants.push(t);
    for (const sp of spans) if (sp.until) instants.push(Date.parse(sp.until), Date.parse(sp.until) - 1);
    const values = instants.map((t) => new Date(t).toISOString());
    const got: string[] = [];
    for (let i = 0; i < values.length; i += 400) {
      const chunk = values.slice(i, i + 400);
      const rows = await sql<{ d: string }>`WITH v(x, i) AS (VALUES ${sql.join(chunk.map((x, k) => sql`(${x}, ${k})`))})
        SELECT ${localDay('x', spans)} AS d FROM v ORDER BY i`.execute(s.db());
      got.push(...rows.rows.map((r) => r.d));
    }
    const want = instants.map((t) => todayIn(zone, t));
    const wrong = values.filter((_, i) => got[i] !== want[i]).slice(0, 5);
    expect(wrong).toEqual([]);
    expect(got).toHaveLength(instants.length);
  });

  it('cuts a year of Berlin into three spans at the DST changes', () => {
    const spans = offsetSpans('Europe/Berlin', Date.parse('2026-01-01T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z'));
    expect(spans).toEqual([
      { until: '2026-03-29T01:00:00.000Z', minutes: 60 },
      { until: '2026-10-25T01:00:00.000Z', minutes: 120 },
      { until: null, minutes: 60 },
    ]);
  });
});
