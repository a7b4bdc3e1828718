import type { AppClient } from '../../src-shared/ipc/channels';
import { toFtsQuery } from '../../src-shared/lib/fts-query';
import type { Core } from '../app/bootstrap';
import { SAMPLE_END_MS, SAMPLE_PEOPLE, SAMPLE_PHRASES, SAMPLE_START_MS, SAMPLE_WORDS } from '../domains/email/email-sample-mbox';
import { cpuSeconds, EMAIL_GROUP } from './email-bench-core';
import { percentile, pick, seededRandom, timeAsync, timeSync, type Measurement } from './measure';

/**
 * Email search (issue 12) over the archive the import just made: `searches` queries through the router's
 * `email:search` (limit 50), cycling through words, phrases and the operators from:, subject:, has:attachment,
 * before: and after:. Baseline: the bare FTS5 MATCH of one word of each query on the same encrypted database
 * (`SELECT rowid FROM email_fts WHERE email_fts MATCH ? LIMIT 50`); an info row times `SELECT count(*)`.
 */
export const SEARCH_P95_MS = 30;
const LIMIT = 50;

interface Query {
  query: string;
  /** A word of the query, or a common one for operator-only queries: the baseline's MATCH. */
  word: string;
  shape: string;
}

/**
 * SAMPLE_WORDS is Zipf-ranked (rank r ≈ 1 / (r + 1) of the words): ranks 60–200 are in most messages of ~10 KB,
 * 300–1500 in some, 2000–4000 in few.
 */
export function emailQueries(count: number, seed = 13): Query[] {
  const rand = seededRandom(seed);
  const band = (lo: number, hi: number) => SAMPLE_WORDS[lo + Math.floor(rand() * (hi - lo))]!;
  const person = () => pick(rand, SAMPLE_PEOPLE).address.split(/[.@]/)[0]!;
  const day = () => new Date(SAMPLE_START_MS + rand() * (SAMPLE_END_MS - SAMPLE_START_MS)).toISOString().slice(0, 10);
  const shapes: Array<[string, () => Omit<Query, 'shape'>]> = [
    ['common word', () => ((w) => ({ query: w, word: w }))(band(60, 200))],
    ['rare word', () => ((w) => ({ query: w, word: w }))(band(2000, 4000))],
    ['two words', () => ((a, b) => ({ query: `${a} ${b}`, word: b }))(band(60, 200), band(300, 1500))],
    ['from: + word', () => ((w) => ({ query: `from:${person()} ${w}`, word: w }))(band(300, 1500))],
    ['has:attachment + word', () => ((w) => ({ query: `has:attachment ${w}`, word: w }))(band(60, 200))],
    ['before: + word', () => ((w) => ({ query: `before:${day()} ${w}`, word: w }))(band(300, 1500))],
    ['phrase', () => ((p) => ({ query: `"${p}"`, word: p.split(' ')[1]! }))(pick(rand, SAMPLE_PHRASES))],
    ['from: has:attachment', () => ({ query: `from:${person()} has:attachment`, word: band(60, 200) })],
    ['subject: after:', () => ((w) => ({ query: `subject:${w} after:${day()}`, word: w }))(band(60, 400))],
    ['3-letter prefix', () => ((w) => ({ query: w.slice(0, 3), word: w }))(band(100, 600))],
  ];
  return Array.from({ length: count }, (_, i) => {
    const [shape, make] = shapes[i % shapes.length]!;
    return { shape, ...make() };
  });
}

export async function benchEmailSearch(core: Core, client: AppClient, searches: number): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const queries = emailQueries(searches);
  const sqlite = core.profiles.current().sqlite;
  const messages = Number(sqlite.prepare('SELECT count(*) FROM email_messages').pluck().get());
  const bare = sqlite.prepare('SELECT rowid FROM email_fts WHERE email_fts MATCH ? LIMIT 50');
  const countMs: number[] = [];
  const service: number[] = [];
  const bareMs: number[] = [];
  const totals: number[] = [];
  for (const q of queries.slice(0, 20)) await client.email.search({ query: q.query, limit: LIMIT }); // warm the page cache and the module
  const cpu = process.cpuUsage();
  for (const q of queries) {
    service.push(await timeAsync(async () => totals.push((await client.email.search({ query: q.query, limit: LIMIT })).total)));
    const match = toFtsQuery(q.word)!;
    bareMs.push(timeSync(() => bare.all(match)));
    countMs.push(timeSync(() => sqlite.prepare('SELECT count(*) FROM email_messages WHERE deleted_at IS NULL').pluck().get()));
  }
  const cpuMs = (cpuSeconds(cpu) * 1000) / queries.length;
  const n = messages.toLocaleString('en-US');
  const p95 = percentile(service, 95);
  const row = (name: string, value: number, baseline?: number): Measurement => ({
    group: EMAIL_GROUP,
    name,
    value,
    unit: 'ms',
    ...(baseline !== undefined && { baseline, ratio: baseline / value }),
  });
  const slowest = queries[service.indexOf(Math.max(...service))]!.query;
  const byShape = [...new Set(queries.map((q) => q.shape))]
    .map(
      (shape) =>
        `${shape} ${percentile(
          service.filter((_, i) => queries[i]!.shape === shape),
          95,
        ).toFixed(1)}`,
    )
    .join(', ');
  return {
    measurements: [
      row(
        `email:search over ${n} messages, ${searches} queries: p50 (baseline: bare FTS5 MATCH of one word, LIMIT 50)`,
        percentile(service, 50),
        percentile(bareMs, 50),
      ),
      {
        ...row(`email:search over ${n} messages: p95 (same baseline)`, p95, percentile(bareMs, 95)),
        target: `< ${SEARCH_P95_MS} ms`,
        pass: p95 < SEARCH_P95_MS,
      },
      row('SELECT count(*) FROM email_messages: p95', percentile(countMs, 95)),
    ],
    notes: [
      `email search: queries matched a median of ${percentile(totals, 50)} messages (max ${Math.max(...totals)}); slowest: ${slowest} (${Math.max(...service).toFixed(1)} ms); CPU ${cpuMs.toFixed(1)} ms a query on average (the baselines included). p95 ms by shape: ${byShape}.`,
    ],
  };
}
