import type { journalContract } from '../../src-shared/domains/journal/journal.contract';
import { toFtsQuery } from '../../src-shared/lib/fts-query';
import { routerClient } from '../app/router-client';
import { insertEntries, type NewEntry } from '../domains/journal/journal-entries';
import type { DomainContext } from '../platform/context';
import { benchCore, JOURNAL_GROUP, JOURNAL_PASSWORD, JOURNAL_ZONE } from './journal-bench-core';
import { journalRows, VOCABULARY } from './journal-data';
import { msSince, percentile, seededRandom, timeAsync, timeSync, type Measurement } from './measure';

/**
 * Journal search (issue 9): `entries` entries seeded in one write through the module's own `insertEntries`
 * (FTS triggers and change log included), then `searches` queries through the router's `journal:search`
 * (validation, scope, FTS5 MATCH with bm25 and snippet, summaries). Baseline: the bare FTS5 lookup on the
 * same encrypted database, `SELECT rowid FROM journal_fts WHERE journal_fts MATCH ? LIMIT 50`.
 */
export const SEARCH_P95_MS = 16;
const SEED_CHUNK = 10_000;

/**
 * What people type, cycling through five shapes. VOCABULARY is Zipf-ranked: a word of rank r is in about
 * 180 / (9 (r + 1)) of the bodies, so rank 30–150 is "common" (matches 13–60 % of entries), 200–1000 a
 * mid word (2–10 %), 1500–4000 rare (under 1.3 %). Typed words are prefixes (toFtsQuery) like in the app.
 */
export function searchQueries(count: number, seed = 11): string[] {
  const rand = seededRandom(seed);
  const band = (lo: number, hi: number) => VOCABULARY[lo + Math.floor(rand() * (hi - lo))]!;
  const shapes = [
    () => band(30, 150),
    () => band(1500, 4000),
    () => `${band(30, 150)} ${band(200, 1000)}`,
    () => band(100, 600).slice(0, 3),
    () => band(200, 1000),
  ];
  return Array.from({ length: count }, (_, i) => shapes[i % shapes.length]!());
}

function entriesFrom(first: number, count: number, journalId: string): NewEntry[] {
  return journalRows(first, count, 9).map((r, i) => ({
    journal_id: journalId,
    title: r.title.trim(),
    body: r.body,
    entry_at: r.created_at,
    time_zone: JOURNAL_ZONE,
    tags: JSON.stringify([VOCABULARY[(first + i) % 40]]),
    starred: 0,
    mood: null,
    metrics: '{}',
    location: null,
    extra: '{}',
    source: null,
  }));
}

export async function benchJournalSearch(root: string, entries: number, searches: number): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const core = benchCore(root);
  const client = routerClient(core, 'cli');
  try {
    await client.profile.create({ name: 'Journal search bench', password: JOURNAL_PASSWORD });
    const journal = await client.journal.createJournal({ name: 'Bench' });
    const ctx = core.domainContext('journal') as DomainContext<typeof journalContract>;
    const now = new Date().toISOString();
    const seedStart = process.hrtime.bigint();
    await ctx.write(async (trx) => {
      for (let first = 0; first < entries; first += SEED_CHUNK)
        await insertEntries(trx, entriesFrom(first, Math.min(SEED_CHUNK, entries - first), journal.id), now);
    });
    const seedMs = msSince(seedStart);

    const queries = searchQueries(searches);
    const sqlite = core.profiles.current().sqlite;
    const bare = sqlite.prepare('SELECT rowid FROM journal_fts WHERE journal_fts MATCH ? LIMIT 50');
    const ranked = sqlite.prepare('SELECT rowid FROM journal_fts WHERE journal_fts MATCH ? ORDER BY bm25(journal_fts, 10.0, 1.0, 5.0) LIMIT 50');
    const service: number[] = [];
    const bareMs: number[] = [];
    const rankedMs: number[] = [];
    let hits = 0;
    for (const q of queries.slice(0, 20)) await client.journal.search({ query: q }); // warm the page cache and the module
    for (const q of queries) {
      const match = toFtsQuery(q)!;
      service.push(await timeAsync(async () => (hits += (await client.journal.search({ query: q })).length)));
      bareMs.push(timeSync(() => bare.all(match)));
      rankedMs.push(timeSync(() => ranked.all(match)));
    }
    const matches = queries.map((q) => Number(sqlite.prepare('SELECT count(*) AS n FROM journal_fts WHERE journal_fts MATCH ?').pluck().get(toFtsQuery(q))));
    const p95 = percentile(service, 95);
    const n = entries.toLocaleString('en-US');
    const row = (name: string, value: number, baseline?: number): Measurement => ({
      group: JOURNAL_GROUP,
      name,
      value,
      unit: 'ms',
      ...(baseline !== undefined && { baseline, ratio: baseline / value }),
    });
    return {
      measurements: [
        row(`seed ${n} entries, one write through insertEntries (FTS + change log)`, seedMs),
        row(`journal:search over ${n} entries, ${searches} queries: p50 (baseline: bare FTS5 MATCH LIMIT 50)`, percentile(service, 50), percentile(bareMs, 50)),
        {
          ...row(`journal:search over ${n} entries: p95 (baseline: bare FTS5 MATCH LIMIT 50)`, p95, percentile(bareMs, 95)),
          target: `< ${SEARCH_P95_MS} ms`,
          pass: p95 < SEARCH_P95_MS,
        },
        row(`bare FTS5 MATCH ORDER BY bm25 LIMIT 50 (rowids only): p95`, percentile(rankedMs, 95)),
      ],
      notes: [
        `journal search: ${searches} queries matched a median of ${percentile(matches, 50)} entries (max ${Math.max(...matches)}), ${(hits / searches).toFixed(0)} hits returned on average.`,
      ],
    };
  } finally {
    core.shutdown();
  }
}
